/**
 * @aktivitetsmodell/rules/decide — decisions with explanations in the
 * browser, from a snapshot of a policy tree made at build time
 * (`Snapshot.of(tree)` in `@aktivitetsmodell/rules`). It decides exactly as
 * `Decision.decide` does from the tree, without Effect's schemas, a YAML
 * parser or the rule-file decoder: about 24 KiB gzipped with the shipped
 * policy's eligibility rules.
 *
 * @example
 * import { decide, decodeSubject, explainDecision } from "@aktivitetsmodell/rules/decide"
 * import snapshot from "./snapshot.json" // Snapshot.of(tree, { kinds: ["eligibility"] }), written at build time
 * const r = decodeSubject({ citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" }, snapshot)
 * if (r.ok) for (const d of decide(snapshot, r.subject, "2024-03-01").decisions) console.log(explainDecision(d, snapshot, "nb"))
 *
 * @module
 */
import type { Bilingual, Policy } from "@aktivitetsmodell/core"
import { Calendar } from "@aktivitetsmodell/core"
import type { Decision, Decisions } from "../Decision.js"
import type { Node } from "../Evaluate.js"
import { guard } from "../internal/boundary.js"
import { decideOn } from "../internal/decideOn.js"
import { decisionsText, decisionText, type Lang, nodeLines } from "../internal/explain.js"

import { describe as describeOutcome, type Kind, type Outcome } from "../Outcome.js"
import { ArgumentError } from "../RulesError.js"
import type { Snapshot } from "../Snapshot.js"
import type * as SourceModule from "../Source.js"
import type * as SubjectModule from "../Subject.js"
import type { SubjectProblem } from "../Subject.js"
import { epochOn, type Prepared, prepared } from "./prepare.js"
import { checkedSubject } from "./subject.js"

export type { Decision, Decisions, ParameterUse, Summary } from "../Decision.js"
export type { Node, Side } from "../Evaluate.js"
export type { Lang } from "../internal/explain.js"
export type { Kind, Outcome } from "../Outcome.js"
export type { Snapshot } from "../Snapshot.js"
export type { Input, SubjectProblem } from "../Subject.js"

// Aliases rather than re-exports: `Subject` and `Source` are also schemas in
// their modules, and this entry hands out no schema, not even as a declaration.
/**
 * A subject of a decision, as {@link decodeSubject} returns it.
 * @category models
 */
export type Subject = SubjectModule.Subject
/**
 * Where a rule comes from, as a decision carries it.
 * @category models
 */
export type Source = SourceModule.Source

/**
 * Checks outside input (a form, a request) and returns the subject, or every
 * problem with a JSON pointer and a message in both languages. It accepts
 * what `Subject.decode` accepts, checking the offering and departments
 * against the snapshot's catalogue; no value from the input is echoed, and
 * no key of it reaches an object's prototype.
 * @example
 * const r = decodeSubject(JSON.parse(text), snapshot)
 * if (!r.ok) for (const p of r.problems) console.error(p.pointer, p.message.nb)
 * @category constructors
 */
export const decodeSubject = guard(
  "decodeSubject",
  { nb: "(input: unknown, snapshot: Snapshot)", en: "(input: unknown, snapshot: Snapshot)" },
  (
    input: unknown,
    snapshot: Snapshot,
  ):
    | { readonly ok: true; readonly subject: Subject }
    | { readonly ok: false; readonly problems: ReadonlyArray<SubjectProblem> } => {
    const p = prepared("decodeSubject", snapshot)
    return checkedSubject(
      input,
      p.subject,
      snapshot.offerings.map((o) => o.id),
      snapshot.departments.map((d) => d.id),
    )
  },
)

/**
 * Evaluates `subject` on `date` against the snapshot's rules in force that
 * day: the same decisions, summary and explanation trees as
 * `Decision.decide(tree, subject, date)` for the tree the snapshot was made
 * from (a snapshot of some kinds only has those kinds' decisions). Check
 * outside input with {@link decodeSubject} first. Throws an `ArgumentError`
 * for a date that is not `YYYY-MM-DD` or something that is not a snapshot.
 * @example
 * decide(snapshot, subject, "2024-03-01").summary.eligibility // { type: "not-eligible" }
 * @category evaluation
 */
export const decide = guard(
  "decide",
  {
    nb: "(snapshot: Snapshot, subject: Subject, date: ÅÅÅÅ-MM-DD)",
    en: "(snapshot: Snapshot, subject: Subject, date: YYYY-MM-DD)",
  },
  (snapshot: Snapshot, subject: Subject, date: string): Decisions => {
    if (!Calendar.isIsoDate(date))
      throw new ArgumentError("decide", {
        nb: "Forventet en dato på formen ÅÅÅÅ-MM-DD",
        en: "Expected a date as YYYY-MM-DD",
      })
    return decideOn(epochOn(prepared("decide", snapshot), date), subject, date)
  },
)

const wording = (name: string, snapshot: Snapshot): Prepared["wording"] => prepared(name, snapshot).wording

/**
 * An outcome in plain language, as `Outcome.describe` words it.
 * @example
 * describe("eligibility", result.summary.eligibility, snapshot).nb // "Kan ikke delta"
 * @category constructors
 */
export const describe = guard(
  "describe",
  {
    nb: '(kind: "eligibility" | "duration" | "escalation", outcome: Outcome, snapshot: Snapshot)',
    en: '(kind: "eligibility" | "duration" | "escalation", outcome: Outcome, snapshot: Snapshot)',
  },
  (kind: Kind, outcome: Outcome, snapshot: Snapshot): Bilingual =>
    describeOutcome(kind, outcome, wording("describe", snapshot)),
)

/**
 * An explanation tree as indented lines, as `Explain.node` writes them.
 * @example
 * explainNode(decision.explanation.conditions, snapshot, "nb") // ["✗ Påmeldt inntak (nei) er ja"]
 * @category constructors
 */
export const explainNode = guard(
  "explainNode",
  {
    nb: '(node: Node, snapshot: Snapshot, lang: "nb" | "en", indent?: string)',
    en: '(node: Node, snapshot: Snapshot, lang: "nb" | "en", indent?: string)',
  },
  (node: Node, snapshot: Snapshot, lang: Lang, indent = ""): Array<string> =>
    nodeLines(node, wording("explainNode", snapshot), lang, indent),
)

/**
 * One decision as a block of plain text, as `Explain.decision` writes it.
 * @example
 * console.log(explainDecision(result.decisions[0], snapshot, "nb"))
 * @category constructors
 */
export const explainDecision = guard(
  "explainDecision",
  {
    nb: '(decision: Decision, snapshot: Snapshot, lang: "nb" | "en")',
    en: '(decision: Decision, snapshot: Snapshot, lang: "nb" | "en")',
  },
  (d: Decision, snapshot: Snapshot, lang: Lang): string => decisionText(d, wording("explainDecision", snapshot), lang),
)

/**
 * All decisions for a subject, summary first, as `Explain.decisions` writes them.
 * @example
 * console.log(explainDecisions(decide(snapshot, subject, "2024-03-01"), snapshot, "en"))
 * @category constructors
 */
export const explainDecisions = guard(
  "explainDecisions",
  {
    nb: '(decisions: Decisions, snapshot: Snapshot, lang: "nb" | "en")',
    en: '(decisions: Decisions, snapshot: Snapshot, lang: "nb" | "en")',
  },
  (ds: Decisions, snapshot: Snapshot, lang: Lang): string =>
    decisionsText(ds, wording("explainDecisions", snapshot), lang),
)

/**
 * A decision's source as one line, as `Source.format` writes it (empty for
 * a source the snapshot does not hold).
 * @example
 * formatSource(decision.source, snapshot, "nb") // "Mestringsenhetens modell for aktivitet, Hverdagsaktiviteter, linje 102"
 * @category constructors
 */
export const formatSource = guard(
  "formatSource",
  {
    nb: '(source: Source, snapshot: Snapshot, lang: "nb" | "en")',
    en: '(source: Source, snapshot: Snapshot, lang: "nb" | "en")',
  },
  (source: Source, snapshot: Snapshot, lang: Lang): string => wording("formatSource", snapshot).source(source, lang),
)

/**
 * The snapshot's parameters as core's `Policy`, for `Policy.limits`,
 * `Offering.transitionEnd` or the synthetic generator: the same values the
 * decisions read.
 * @example
 * Policy.limits(policyOf(snapshot), offering, { question: "2024-03-01" })
 * @category constructors
 */
export const policyOf = guard(
  "policyOf",
  { nb: "(snapshot: Snapshot)", en: "(snapshot: Snapshot)" },
  (snapshot: Snapshot): Policy.Policy => prepared("policyOf", snapshot).policy,
)
