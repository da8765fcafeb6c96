/**
 * The outcomes a rule can give, per kind of rule, and how each reads. A rule
 * file's `event` and `otherwise` must use one of these; `params` name the
 * offering a service is granted as, or who a case is escalated to and what they do.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { type Named, nameIn } from "./internal/codes.js"
import { own } from "./internal/own.js"

/**
 * The three kinds of rule, one folder each in the policy tree.
 * @category models
 */
export type Kind = "eligibility" | "duration" | "escalation"

/**
 * The kinds, in the order the tree lists them.
 * @example
 * Outcome.kinds // ["eligibility", "duration", "escalation"]
 * @category models
 */
export const kinds: ReadonlyArray<Kind> = ["eligibility", "duration", "escalation"]

/**
 * An outcome, as json-rules-engine's event: a type and optional parameters.
 * @example
 * const o: Outcome.Outcome = { type: "escalate", params: { to: "therapist", action: "consider-other-measures" } }
 * @category models
 */
export interface Outcome {
  readonly type: string
  readonly params?: Readonly<Record<string, string>>
}

/**
 * Who a case is escalated to (Mestringsenhetens modell for aktivitet §Nye tilbud, §Saksgang).
 * @example
 * Outcome.recipients["extended-leadership-group"].nb // "utvida ledergruppe"
 * @category models
 */
export const recipients: Readonly<Record<string, Bilingual>> = {
  "extended-leadership-group": { en: "the extended leadership group", nb: "utvida ledergruppe" },
  "activity-lead": { en: "the activity lead", nb: "fagleder aktivitet" },
  therapist: { en: "the therapist", nb: "behandler" },
  "activity-team": { en: "the activity team", nb: "aktivitetsteamet" },
}

/**
 * What the recipient is asked to do.
 * @example
 * Outcome.actions["consider-other-measures"].en // "considers whether other measures should be tried"
 * @category models
 */
export const actions: Readonly<Record<string, Bilingual>> = {
  "decide-on-offering": { en: "decides whether the offering starts", nb: "avgjør om tilbudet skal startes" },
  "review-department-group": {
    en: "reviews a group a department started outside its own groups",
    nb: "vurderer en gruppe en avdeling har startet utenom egne grupper",
  },
  "consider-other-measures": {
    en: "considers whether other measures should be tried",
    nb: "vurderer om andre tiltak skal forsøkes",
  },
  "review-feedback": {
    en: "goes through the feedback with the citizen",
    nb: "går gjennom tilbakemeldingen sammen med innbyggeren",
  },
  "follow-up-contact": { en: "contacts the citizen to follow up", nb: "tar kontakt med innbyggeren for å følge opp" },
  "move-participant": {
    en: "helps the participant over to an offering in the local community",
    nb: "hjelper deltakeren over i et tilbud i lokalmiljøet",
  },
}

/**
 * How an outcome type is spelled and which parameters it takes.
 * @category models
 */
export interface OutcomeInfo {
  readonly label: Bilingual
  /** Each parameter and the codes it takes (`offering` means an offering id). */
  readonly params: Readonly<Record<string, "offering" | "recipient" | "action">>
}

/**
 * Every outcome type by kind.
 * @example
 * Object.keys(Outcome.vocabulary.duration) // ["continues", "ends", "no-more-this-week", "may-extend", "may-not-extend"]
 * @category models
 */
export const vocabulary: Readonly<Record<Kind, Readonly<Record<string, OutcomeInfo>>>> = {
  eligibility: {
    eligible: { label: { en: "May take part", nb: "Kan delta" }, params: {} },
    "not-eligible": { label: { en: "May not take part", nb: "Kan ikke delta" }, params: {} },
    "granted-as": {
      label: { en: "Granted as another service", nb: "Innvilges som en annen tjeneste" },
      params: { offering: "offering" },
    },
  },
  duration: {
    continues: { label: { en: "Continues", nb: "Fortsetter" }, params: {} },
    ends: { label: { en: "Ends", nb: "Avsluttes" }, params: {} },
    "no-more-this-week": { label: { en: "No more sessions this week", nb: "Ingen flere økter denne uka" }, params: {} },
    "may-extend": {
      label: { en: "May be extended by one more period", nb: "Kan forlenges med en periode til" },
      params: {},
    },
    "may-not-extend": { label: { en: "May not be extended", nb: "Kan ikke forlenges" }, params: {} },
  },
  escalation: {
    escalate: { label: { en: "Escalated", nb: "Løftes videre" }, params: { to: "recipient", action: "action" } },
    "no-escalation": { label: { en: "No escalation", nb: "Ingen eskalering" }, params: {} },
  },
}

/**
 * The inputs a subject can leave out that a rule may need, by name, as an
 * `unknown` outcome's `params.missing` names them.
 * @example
 * Outcome.missingInputs["citizen.birthDate"].nb // "innbyggerens fødselsdato"
 * @category models
 */
export const missingInputs: Readonly<Record<string, Bilingual>> = {
  "citizen.birthDate": { en: "the citizen's birth date", nb: "innbyggerens fødselsdato" },
  jointMeetingHeld: {
    en: "whether the joint meeting with a goal has been held",
    nb: "om det felles møtet med mål er holdt",
  },
}

/**
 * The outcome no rule file writes: the answer depends on an input the subject
 * did not give. `params.missing` names the inputs, comma-separated.
 * @example
 * Outcome.unknown(["citizen.birthDate"]) // { type: "unknown", params: { missing: "citizen.birthDate" } }
 * @category constructors
 */
export const unknown = guard(
  "Outcome.unknown",
  { en: "(missing: ReadonlyArray<string>)", nb: "(missing: ReadonlyArray<string>)" },
  (missing: ReadonlyArray<string>): Outcome => {
    if (!Array.isArray(missing) || !missing.every((m) => typeof m === "string"))
      throw new TypeError("missing must be a list of texts")
    return { type: "unknown", params: { missing: [...missing].sort().join(",") } }
  },
)

/**
 * Outcomes a case may expect besides a rule kind's own: the rule does not
 * apply, or its answer is unknown. With their labels, so a case written with
 * a Norwegian label finds its code.
 * @example
 * Outcome.caseOutcomes["not-applicable"].nb // "Gjelder ikke"
 * @category models
 */
export const caseOutcomes: Readonly<Record<string, Bilingual>> = {
  "not-applicable": { en: "Does not apply", nb: "Gjelder ikke" },
  unknown: { en: "Unknown", nb: "Ukjent" },
}

const andList = (items: ReadonlyArray<string>, and: string): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`

/**
 * An outcome in plain language, with its parameters spelled out.
 * @example
 * Outcome.describe("escalation", { type: "escalate", params: { to: "therapist", action: "review-feedback" } }, Catalogue.sandnes()).nb
 * // "Løftes til behandler, som går gjennom tilbakemeldingen sammen med innbyggeren"
 * @category constructors
 */
export const describe = guard(
  "Outcome.describe",
  {
    en: '(kind: "eligibility" | "duration" | "escalation", outcome: Outcome, catalogue: Catalogue)',
    nb: '(kind: "eligibility" | "duration" | "escalation", outcome: Outcome, catalogue: Catalogue)',
  },
  (kind: Kind, outcome: Outcome, catalogue: { readonly offerings: ReadonlyArray<Named> }): Bilingual => {
    const p = outcome.params ?? {}
    if (outcome.type === "unknown") {
      const names = (own(p, "missing") ?? "")
        .split(",")
        .filter((n) => n !== "")
        .map((n) => own(missingInputs, n) ?? { en: n, nb: n })
      if (names.length === 0) return caseOutcomes.unknown!
      return {
        en: `Unknown: it depends on ${andList(
          names.map((n) => n.en),
          "and",
        )}, which the question does not give`,
        nb: `Ukjent: det avhenger av ${andList(
          names.map((n) => n.nb),
          "og",
        )}, som spørsmålet ikke oppgir`,
      }
    }
    const byType = own(vocabulary, kind)
    const info = byType === undefined ? undefined : own(byType, outcome.type)
    if (info === undefined) return { en: outcome.type, nb: outcome.type }
    const offering = own(p, "offering")
    if (outcome.type === "granted-as" && offering !== undefined) {
      const name = nameIn(catalogue.offerings, offering)
      return { en: `Granted as ${name.en}`, nb: `Innvilges som ${name.nb}` }
    }
    const recipient = own(p, "to")
    if (outcome.type === "escalate" && recipient !== undefined) {
      const to = own(recipients, recipient) ?? { en: recipient, nb: recipient }
      const what = own(p, "action")
      const action = what === undefined ? undefined : own(actions, what)
      return action === undefined
        ? { en: `Escalated to ${to.en}`, nb: `Løftes til ${to.nb}` }
        : { en: `Escalated to ${to.en}, who ${action.en}`, nb: `Løftes til ${to.nb}, som ${action.nb}` }
    }
    return info.label
  },
)
