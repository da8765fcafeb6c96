/**
 * What KPR (Kommunalt pasient- og brukerregister) needs of a service granted
 * by decision, checked on the enrollments in offerings the crosswalk marks as
 * reportable. The register takes, per person and service:
 *
 * | KPR needs | from the model | checked here |
 * |---|---|---|
 * | the person | `citizenId`, a pseudonym the municipality resolves to fødselsnummer on export | `kpr-citizen-unknown`: no such citizen in the dataset |
 * | the service type (Volven 9151) | the crosswalk entry of `offeringId` | always there: the crosswalk only marks an offering reportable with a code |
 * | when it was granted | the date of the referral or decision `referralId` links | `kpr-decision-missing`, `kpr-decision-unknown`, `kpr-decision-mismatch` (another citizen's or another offering's) |
 * | when it started | `start` (the schema requires it) | `kpr-start-before-decision` |
 * | when it ended | `closedOn` once the status is completed or withdrawn | `kpr-end-missing` |
 *
 * @module
 */
import * as Crosswalk from "./Crosswalk.js"
import type { Dataset } from "./Dataset.js"
import { guard } from "./internal/guard.js"
import { jsonPointer, type PathProblem } from "./internal/issues.js"
import type { Bilingual } from "./internal/text.js"
import * as Redact from "./Redact.js"

/**
 * What an enrollment in a reportable service lacks. See the module's table.
 * @category models
 */
export type Code =
  | "kpr-citizen-unknown"
  | "kpr-decision-missing"
  | "kpr-decision-unknown"
  | "kpr-decision-mismatch"
  | "kpr-start-before-decision"
  | "kpr-end-missing"

/**
 * Each code in a few words, for a table of problems by kind.
 * @example
 * KprCheck.codes["kpr-decision-missing"].nb // "Mangler vedtak"
 * @category models
 */
export const codes: Readonly<Record<Code, Bilingual>> = {
  "kpr-citizen-unknown": { nb: "Ukjent innbygger", en: "Unknown citizen" },
  "kpr-decision-missing": { nb: "Mangler vedtak", en: "No decision" },
  "kpr-decision-unknown": { nb: "Vedtaket finnes ikke", en: "Decision not found" },
  "kpr-decision-mismatch": { nb: "Vedtaket gjelder noe annet", en: "Decision for something else" },
  "kpr-start-before-decision": { nb: "Start før vedtak", en: "Starts before the decision" },
  "kpr-end-missing": { nb: "Mangler sluttdato", en: "No end date" },
}

/**
 * One enrollment the register could not take as it stands: a
 * `Problems.Problem` (code, pointer, path and bilingual message) with the
 * code narrowed to KPR's, the record's id (redacted), its offering and the
 * KPR service type.
 * @category models
 */
export interface Problem extends PathProblem {
  readonly code: Code
  readonly recordId: string
  readonly offeringId: string
  readonly kprCode: string
}

/**
 * The problems of every enrollment in a reportable service, in record order.
 * The crosswalk defaults to Sandnes' (`Crosswalk.sandnes()`). Messages name
 * the record and the field; anything taken from the records is redacted.
 * @example
 * for (const p of KprCheck.check(year)) console.log(Problems.formatPath(p.path), p.message.nb)
 * @category invariants
 */
export const check = guard(
  "KprCheck.check",
  { en: "a dataset and optionally a crosswalk", nb: "et datasett og eventuelt en rapporteringsnøkkel" },
  (data: Dataset, crosswalk: Crosswalk.Crosswalk = Crosswalk.sandnes()): Array<Problem> => {
    const services = Crosswalk.reportable(crosswalk)
    const citizens = new Set(data.citizens.map((c) => c.id))
    const referrals = new Map(data.referrals.map((r) => [r.id, r]))
    const problems: Array<Problem> = []
    data.enrollments.forEach((n, i) => {
      const service = services.get(n.offeringId)
      if (service === undefined) return
      const record = `enrollments[${i}] (${n.id})`
      const add = (code: Code, field: string, message: Bilingual) =>
        problems.push({
          code,
          pointer: jsonPointer(["enrollments", i, field]),
          path: ["enrollments", i, field],
          recordId: Redact.text(n.id),
          offeringId: Redact.text(n.offeringId),
          kprCode: service.code,
          message: {
            en: Redact.text(`${record}, ${field}: ${message.en}`),
            nb: Redact.text(`${record}, ${field}: ${message.nb}`),
          },
        })
      const what = {
        en: `the enrollment in ${n.offeringId} (KPR ${service.code})`,
        nb: `deltagelsen i ${n.offeringId} (KPR ${service.code})`,
      }
      if (!citizens.has(n.citizenId)) {
        add("kpr-citizen-unknown", "citizenId", {
          en: `${what.en} names a citizen who is not in the dataset; KPR needs the person`,
          nb: `${what.nb} viser til en innbygger som ikke finnes i datasettet; KPR trenger personen`,
        })
      }
      const referral = n.referralId === undefined ? undefined : referrals.get(n.referralId)
      if (n.referralId === undefined) {
        add("kpr-decision-missing", "referralId", {
          en: `${what.en} has no referral or decision; KPR needs the date the service was granted`,
          nb: `${what.nb} mangler henvendelse eller vedtak; KPR trenger datoen tjenesten ble tildelt`,
        })
      } else if (referral === undefined) {
        add("kpr-decision-unknown", "referralId", {
          en: `${what.en} refers to ${n.referralId}, which is not in the dataset`,
          nb: `${what.nb} viser til ${n.referralId}, som ikke finnes i datasettet`,
        })
      } else if (referral.citizenId !== n.citizenId || referral.offeringId !== n.offeringId) {
        const other = referral.citizenId !== n.citizenId
        add("kpr-decision-mismatch", "referralId", {
          en: `${what.en} refers to ${n.referralId}, which is ${other ? "another citizen's" : `for ${referral.offeringId}`}; KPR needs the decision that granted this service`,
          nb: `${what.nb} viser til ${n.referralId}, som gjelder ${other ? "en annen innbygger" : referral.offeringId}; KPR trenger vedtaket som tildelte denne tjenesten`,
        })
      } else if (n.start < referral.date) {
        add("kpr-start-before-decision", "start", {
          en: `${what.en} starts ${n.start}, before it was granted on ${referral.date}`,
          nb: `${what.nb} starter ${n.start}, før den ble tildelt ${referral.date}`,
        })
      }
      if (n.status !== "ongoing" && n.closedOn === undefined) {
        add("kpr-end-missing", "closedOn", {
          en: `${what.en} is ${n.status} but has no end date; KPR needs when the service ended`,
          nb: `${what.nb} er ${n.status === "completed" ? "fullført" : "avbrutt"}, men mangler sluttdato; KPR trenger når tjenesten sluttet`,
        })
      }
    })
    return problems
  },
)
