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

// What each reportable enrollment lacks, in record order: the one reading of
// the rules that `check` words as problems and `incomplete` only marks. A
// finding is passed as arguments, not as an object: `incomplete` marks a
// year's rows and needs none of it but the row.
type Found = (
  row: number,
  service: { readonly code: string },
  code: Code,
  field: string,
  referral: Dataset["referrals"][number] | undefined,
) => void

const findings = (data: Dataset, crosswalk: Crosswalk.Crosswalk, found: Found): void => {
  const services = Crosswalk.reportable(crosswalk)
  const citizens = new Set(data.citizens.map((c) => c.id))
  // Filled in place: a pair per referral would be a year's garbage.
  const referrals = new Map<string, Dataset["referrals"][number]>()
  const list = data.referrals
  for (let i = 0; i < list.length; i++) referrals.set(list[i]!.id, list[i]!)
  data.enrollments.forEach((n, row) => {
    const service = services.get(n.offeringId)
    if (service === undefined) return
    if (!citizens.has(n.citizenId)) found(row, service, "kpr-citizen-unknown", "citizenId", undefined)
    const referral = n.referralId === undefined ? undefined : referrals.get(n.referralId)
    if (n.referralId === undefined) found(row, service, "kpr-decision-missing", "referralId", referral)
    else if (referral === undefined) found(row, service, "kpr-decision-unknown", "referralId", referral)
    else if (referral.citizenId !== n.citizenId || referral.offeringId !== n.offeringId)
      found(row, service, "kpr-decision-mismatch", "referralId", referral)
    else if (n.start < referral.date) found(row, service, "kpr-start-before-decision", "start", referral)
    if (n.status !== "ongoing" && n.closedOn === undefined) found(row, service, "kpr-end-missing", "closedOn", referral)
  })
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
    const problems: Array<Problem> = []
    findings(data, crosswalk, (i, service, code, field, referral) => {
      const n = data.enrollments[i]!
      const record = `enrollments[${i}] (${n.id})`
      const what = {
        en: `the enrollment in ${n.offeringId} (KPR ${service.code})`,
        nb: `deltagelsen i ${n.offeringId} (KPR ${service.code})`,
      }
      const message = wording(code, n, what, referral)
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
    })
    return problems
  },
)

// The message of a finding, in both languages.
const wording = (
  code: Code,
  n: Dataset["enrollments"][number],
  what: Bilingual,
  referral: Dataset["referrals"][number] | undefined,
): Bilingual => {
  switch (code) {
    case "kpr-citizen-unknown":
      return {
        en: `${what.en} names a citizen who is not in the dataset; KPR needs the person`,
        nb: `${what.nb} viser til en innbygger som ikke finnes i datasettet; KPR trenger personen`,
      }
    case "kpr-decision-missing":
      return {
        en: `${what.en} has no referral or decision; KPR needs the date the service was granted`,
        nb: `${what.nb} mangler henvendelse eller vedtak; KPR trenger datoen tjenesten ble tildelt`,
      }
    case "kpr-decision-unknown":
      return {
        en: `${what.en} refers to ${n.referralId}, which is not in the dataset`,
        nb: `${what.nb} viser til ${n.referralId}, som ikke finnes i datasettet`,
      }
    case "kpr-decision-mismatch": {
      const other = referral!.citizenId !== n.citizenId
      return {
        en: `${what.en} refers to ${n.referralId}, which is ${other ? "another citizen's" : `for ${referral!.offeringId}`}; KPR needs the decision that granted this service`,
        nb: `${what.nb} viser til ${n.referralId}, som gjelder ${other ? "en annen innbygger" : referral!.offeringId}; KPR trenger vedtaket som tildelte denne tjenesten`,
      }
    }
    case "kpr-start-before-decision":
      return {
        en: `${what.en} starts ${n.start}, before it was granted on ${referral!.date}`,
        nb: `${what.nb} starter ${n.start}, før den ble tildelt ${referral!.date}`,
      }
    case "kpr-end-missing":
      return {
        en: `${what.en} is ${n.status} but has no end date; KPR needs when the service ended`,
        nb: `${what.nb} er ${n.status === "completed" ? "fullført" : "avbrutt"}, men mangler sluttdato; KPR trenger når tjenesten sluttet`,
      }
  }
}

/**
 * Which enrollments the register would lack something for: a 1 per row of
 * `data.enrollments` that {@link check} finds a problem in, without wording
 * the problems (the analytics tables mark a whole year's rows this way).
 * @example
 * const rows = KprCheck.incomplete(year)
 * rows.reduce((n, r) => n + r, 0) // enrollments with a problem
 * @category invariants
 */
export const incomplete = guard(
  "KprCheck.incomplete",
  { en: "a dataset and optionally a crosswalk", nb: "et datasett og eventuelt en rapporteringsnøkkel" },
  (data: Dataset, crosswalk: Crosswalk.Crosswalk = Crosswalk.sandnes()): Uint8Array => {
    const out = new Uint8Array(data.enrollments.length)
    findings(data, crosswalk, (row) => {
      out[row] = 1
    })
    return out
  },
)
