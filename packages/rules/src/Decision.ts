/**
 * Decisions: a subject evaluated on a date against every rule in force that
 * day. Each decision carries its outcome, the rule and file it comes from,
 * the version and its effective period, the facts and parameters it used,
 * and an explanation tree of every condition with the values on both sides.
 *
 * @module
 */
import { IsoDate } from "@aktivitetsmodell/core"
import { type InForce, on } from "./InForce.js"
import { guard, requireTree } from "./internal/boundary.js"
import {
  type Decision,
  type Decisions,
  decideOn,
  durationTypes,
  eligibilityTypes,
  extensionTypes,
  missingOf,
  type Summary,
  summaryOf,
} from "./internal/decideOn.js"
import { type Receipt, receiptOf } from "./internal/receipt.js"
import { type Kind, type Outcome, unknown as unknownOutcome } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"
import { ArgumentError } from "./RulesError.js"
import type { Subject } from "./Subject.js"

/**
 * A decision and what it carries. Defined where decisions are made, so the
 * modules that make and record them need not import this one.
 * @category models
 */
export type { Decision, Decisions, ParameterUse, Summary } from "./internal/decideOn.js"

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

// What is in force on each date a tree was asked about, the date and tree
// checked then: most callers ask about few dates many times.
const asked = new WeakMap<Tree, Map<string, InForce>>()
const datesRemembered = 4096

// The last answer, for callers that ask about one tree and date many times in a row.
let last: { readonly tree: Tree; readonly date: string; readonly now: InForce } | undefined

const inForce = (tree: Tree, date: string): InForce => {
  if (last !== undefined && last.tree === tree && last.date === date) return last.now
  const now = inForceOn(tree, date)
  last = { tree, date, now }
  return now
}

const inForceOn = (tree: Tree, date: string): InForce => {
  let byDate = asked.get(tree)
  const known = byDate?.get(date)
  if (known !== undefined) return known
  if (!IsoDate.isIsoDate(date))
    throw new ArgumentError("Decision.decide", {
      en: "Expected a date as YYYY-MM-DD",
      nb: "Forventet en dato på formen ÅÅÅÅ-MM-DD",
    })
  requireTree("Decision.decide", tree)
  const now = on(tree, date)
  if (byDate === undefined) {
    byDate = new Map()
    asked.set(tree, byDate)
  }
  if (byDate.size >= datesRemembered) byDate.clear()
  byDate.set(date, now)
  return now
}

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
 * Each decision's `explanation` is built the first time it is read (it is
 * still an own property, in JSON and in copies), so a caller who reads only
 * outcomes does not pay for explanations.
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
    const result = decideOn(inForce(tree, date), subject, date)
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
