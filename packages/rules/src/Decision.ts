/**
 * Decisions: a subject evaluated on a date against every rule in force that
 * day. Each decision carries its outcome, the rule and file it comes from,
 * the version and its effective period, the facts and parameters it used,
 * and an explanation tree of every condition with the values on both sides.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { IsoDate } from "@aktivitetsmodell/core"
import type { Node } from "./Evaluate.js"
import type { Value } from "./Facts.js"
import { on } from "./InForce.js"
import { guard, requireTree } from "./internal/boundary.js"
import { decideOn, durationTypes, eligibilityTypes, extensionTypes, missingOf, summaryOf } from "./internal/decideOn.js"
import { type Receipt, receiptOf } from "./internal/receipt.js"
import { type Kind, type Outcome, unknown as unknownOutcome } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"
import type { Period } from "./RuleFile.js"
import { ArgumentError } from "./RulesError.js"
import type { Source } from "./Source.js"
import type { Subject } from "./Subject.js"

/**
 * A dated parameter value a decision used, directly or through a derived fact.
 * @category models
 */
export interface ParameterUse {
  readonly name: string
  readonly value: number | string
  readonly from: string
  readonly file: string
}

/**
 * One rule's decision about a subject on a date.
 * @category models
 */
export interface Decision {
  readonly rule: string
  readonly kind: Kind
  readonly file: string
  readonly version: number
  readonly effective: Period
  readonly date: string
  readonly outcome: Outcome
  /** `event` when the conditions held, `otherwise` when they did not, `unknown` when that depends on an input the subject did not give. */
  readonly branch: "event" | "otherwise" | "unknown"
  readonly title: Bilingual
  readonly source: Source
  readonly facts: { readonly [fact: string]: Value }
  readonly parameters: ReadonlyArray<ParameterUse>
  readonly explanation: { readonly appliesWhen?: Node; readonly conditions: Node }
  /** For an `unknown` outcome: the inputs that would decide it, and the outcomes it could be (`not-applicable` when the rule might not apply). */
  readonly unknown?: { readonly missing: ReadonlyArray<string>; readonly possible: ReadonlyArray<Outcome> }
}

/**
 * The decisions combined per question: whether the citizen may take part,
 * whether the enrollment continues, whether it may be extended, and every escalation.
 * @category models
 */
export interface Summary {
  readonly eligibility?: Outcome
  readonly duration?: Outcome
  readonly extension?: Outcome
  readonly escalations: ReadonlyArray<Outcome>
}

/**
 * All decisions for one subject on one date. `subject` is the citizen's
 * pseudonym when the subject has one.
 * @category models
 */
export interface Decisions {
  readonly date: string
  readonly subject?: string
  readonly decisions: ReadonlyArray<Decision>
  /** Rules in force whose `appliesWhen` did not hold for this subject. */
  readonly notApplicable: ReadonlyArray<string>
  readonly summary: Summary
}

/**
 * Combines decisions: one "not eligible" outweighs any "eligible", a grant as
 * another service outweighs plain eligibility; an enrollment that ends under
 * any rule ends. An `unknown` decision makes its question unknown unless a
 * definite outcome outweighs it (a "not eligible" still decides).
 * `Decision.decide` combines more precisely: it knows which open values go
 * together, so it reports unknown only when the combined answer differs.
 * @example
 * Decision.summarise(decisions).eligibility?.type // "not-eligible"
 * @category evaluation
 */
export const summarise = guard(
  "Decision.summarise",
  { en: "(decisions: ReadonlyArray<Decision>)", nb: "(decisions: ReadonlyArray<Decision>)" },
  (decisions: ReadonlyArray<Decision>): Summary => {
    const definite = summaryOf(decisions.filter((d) => d.branch !== "unknown"))
    const open = decisions.filter((d) => d.branch === "unknown")
    const unknownFor = (
      kind: Kind,
      types: ReadonlyArray<string>,
      strongest: string,
      current: Outcome | undefined,
    ): Outcome | undefined => {
      if (current?.type === strongest) return current
      const relevant = open.filter(
        (d) => d.kind === kind && (d.unknown?.possible ?? []).some((o) => types.includes(o.type)),
      )
      return relevant.length === 0 ? current : unknownOutcome([...new Set(relevant.flatMap(missingOf))])
    }
    const eligibility = unknownFor("eligibility", eligibilityTypes, "not-eligible", definite.eligibility)
    const duration = unknownFor("duration", durationTypes, "ends", definite.duration)
    const extension = unknownFor("duration", extensionTypes, "may-not-extend", definite.extension)
    const escalating = open.filter(
      (d) => d.kind === "escalation" && (d.unknown?.possible ?? []).some((o) => o.type === "escalate"),
    )
    return {
      ...(eligibility === undefined ? {} : { eligibility }),
      ...(duration === undefined ? {} : { duration }),
      ...(extension === undefined ? {} : { extension }),
      escalations: [...definite.escalations, ...escalating.map((d) => unknownOutcome(missingOf(d)))],
    }
  },
)

/**
 * Options for {@link decide}.
 * @category models
 */
export interface Options {
  /** Also return a receipt: file hashes, parameter values and every condition, so the decision can be replayed. */
  readonly receipt?: boolean
}

/**
 * Evaluates `subject` on `date` against the rules in force that day. Decode
 * outside input with `Subject.decode` first. Where the answer depends on
 * something the subject does not give — a birth date when only the birth
 * year is known and the citizen is near the minimum age, whether the joint
 * meeting was held — the outcome is `unknown` and names it, never a guess.
 * With `{ receipt: true }` the result carries a receipt (see the `Receipt` module) that
 * `Receipt.replay` (or `aktivitet-rules replay`) re-decides later. Throws an
 * `ArgumentError` for a date that is not `YYYY-MM-DD` or a tree that did not
 * come from `PolicyTree.load`.
 * @example
 * const result = Decision.decide(tree, { citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" }, "2024-03-01")
 * result.summary.eligibility // { type: "not-eligible" }
 * @category evaluation
 */
export const decide = guard(
  "Decision.decide",
  {
    en: "(tree: Tree, subject: Subject, date: YYYY-MM-DD, options?: { receipt?: boolean })",
    nb: "(tree: Tree, subject: Subject, date: ÅÅÅÅ-MM-DD, options?: { receipt?: boolean })",
  },
  (tree: Tree, subject: Subject, date: string, options: Options = {}): Decisions & { readonly receipt?: Receipt } => {
    if (!IsoDate.isIsoDate(date))
      throw new ArgumentError("Decision.decide", {
        en: "Expected a date as YYYY-MM-DD",
        nb: "Forventet en dato på formen ÅÅÅÅ-MM-DD",
      })
    requireTree("Decision.decide", tree)
    const result = decideOn(on(tree, date), subject, date)
    return options?.receipt === true ? { ...result, receipt: receiptOf(tree, subject, result) } : result
  },
) as {
  (
    tree: Tree,
    subject: Subject,
    date: string,
    options: { readonly receipt: true },
  ): Decisions & { readonly receipt: Receipt }
  (tree: Tree, subject: Subject, date: string, options?: Options): Decisions
}
