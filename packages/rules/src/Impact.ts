/**
 * Policy impact: how many decisions change between two versions of a policy
 * tree over the same subjects, and which. Uses the compiled path, so a whole
 * year of records takes seconds.
 *
 * @module
 */
import { Redact } from "@aktivitetsmodell/core"
import { type FastOutcome, forTree } from "./Compile.js"
import type { Item } from "./DatasetSubjects.js"
import { guard, requireTree } from "./internal/boundary.js"

import type { Outcome } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"

/**
 * One changed decision. Outcomes are written as `type` or
 * `type(key=value,…)`; `not applicable` and `not in force` stand for no decision.
 * @category models
 */
export interface Change {
  readonly key: string
  readonly date: string
  readonly subject?: string
  readonly rule: string
  readonly before: string
  readonly after: string
}

/**
 * The impact of going from `base` to `head`.
 * @category models
 */
export interface Impact {
  readonly subjects: number
  /** Rule decisions made under each tree (rules that applied). */
  readonly decisions: { readonly base: number; readonly head: number }
  readonly changes: ReadonlyArray<Change>
  /** Changes counted per rule and transition, such as `ends → continues`. */
  readonly byRule: ReadonlyArray<{
    readonly rule: string
    readonly from: string
    readonly to: string
    readonly count: number
  }>
}

/**
 * An outcome as one short, stable string.
 * @example
 * Impact.show({ type: "escalate", params: { to: "therapist", action: "review-feedback" } }) // "escalate(action=review-feedback,to=therapist)"
 * @category constructors
 */
export const show = guard(
  "Impact.show",
  { nb: "(outcome: Outcome | undefined)", en: "(outcome: Outcome | undefined)" },
  (o: Outcome | undefined): string =>
    o === undefined
      ? "not applicable"
      : o.params === undefined || Object.keys(o.params).length === 0
        ? o.type
        : `${o.type}(${Object.entries(o.params)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => `${k}=${v}`)
            .join(",")})`,
)

/**
 * The totals of a comparison, without the list of changes.
 * @category models
 */
export type Summary = Omit<Impact, "changes">

/**
 * A comparison fed one item at a time, for inputs too large to hold: each
 * {@link Comparer.add} returns that item's changes, and {@link Comparer.summary}
 * the totals so far. Memory stays bounded by the trees, not the items.
 * @category models
 */
export interface Comparer {
  readonly add: (item: Item) => ReadonlyArray<Change>
  readonly summary: () => Summary
}

// The same rule ids in the same order under both trees.
const sameRules = (x: ReadonlyArray<FastOutcome>, y: ReadonlyArray<FastOutcome>): boolean => {
  if (x.length !== y.length) return false
  for (let i = 0; i < x.length; i++) if (x[i]!.rule !== y[i]!.rule) return false
  return true
}

/**
 * Starts a comparison of `base` and `head` that takes items one at a time.
 * @example
 * const c = Impact.comparer(base, head)
 * for (const item of items) for (const change of c.add(item)) console.log(JSON.stringify(change))
 * c.summary().byRule
 * @category evaluation
 */
export const comparer = guard(
  "Impact.comparer",
  { nb: "(base: Tree, head: Tree)", en: "(base: Tree, head: Tree)" },
  (base: Tree, head: Tree): Comparer => {
    requireTree("Impact.comparer", base)
    requireTree("Impact.comparer", head)
    const a = forTree(base)
    const b = forTree(head)
    let subjects = 0
    let baseCount = 0
    let headCount = 0
    const counts = new Map<string, { rule: string; from: string; to: string; count: number }>()
    const add = (item: Item): ReadonlyArray<Change> => {
      const before = a.outcomes(item.subject, item.date)
      const after = b.outcomes(item.subject, item.date)
      subjects++
      for (const o of before) if (o.outcome !== undefined) baseCount++
      for (const o of after) if (o.outcome !== undefined) headCount++
      const changes: Array<Change> = []
      const compareOne = (rule: string, x: string, y: string): void => {
        if (x === y) return
        const pseudonym = item.subject.citizen?.id
        // Keys name records and rule ids name files; either may have been written from an identity number.
        const shown = Redact.text(rule)
        changes.push({
          key: Redact.text(String(item.key)),
          date: item.date,
          ...(pseudonym === undefined ? {} : { subject: pseudonym }),
          rule: shown,
          before: x,
          after: y,
        })
        const k = `${rule}\u0000${x}\u0000${y}`
        const entry = counts.get(k) ?? { rule: shown, from: x, to: y, count: 0 }
        entry.count++
        counts.set(k, entry)
      }
      if (sameRules(before, after)) {
        // The usual edit keeps the rules and their order: compare them pair by
        // pair, and word an outcome only when the two are not the same object.
        for (let i = 0; i < before.length; i++) {
          const x = before[i]!.outcome
          const y = after[i]!.outcome
          if (x !== y) compareOne(before[i]!.rule, show(x), show(y))
        }
        return changes
      }
      const beforeBy = new Map(before.map((o) => [o.rule, o.outcome]))
      const afterBy = new Map(after.map((o) => [o.rule, o.outcome]))
      for (const rule of new Set([...beforeBy.keys(), ...afterBy.keys()]))
        compareOne(
          rule,
          beforeBy.has(rule) ? show(beforeBy.get(rule)) : "not in force",
          afterBy.has(rule) ? show(afterBy.get(rule)) : "not in force",
        )
      return changes
    }
    return {
      add: guard(
        "Comparer.add",
        {
          nb: "(item: { key: string; date: ÅÅÅÅ-MM-DD; subject: Subject })",
          en: "(item: { key: string; date: YYYY-MM-DD; subject: Subject })",
        },
        add,
      ),
      summary: () => ({
        subjects,
        decisions: { base: baseCount, head: headCount },
        byRule: [...counts.values()]
          .map((c) => ({ ...c }))
          .sort((x, y) => y.count - x.count || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0)),
      }),
    }
  },
)

/**
 * Evaluates every item under both trees and lists what changes.
 * @example
 * const impact = Impact.compare(base, head, DatasetSubjects.of(year, InForce.policy(base)))
 * impact.changes.length
 * @category evaluation
 */
export const compare = guard(
  "Impact.compare",
  { nb: "(base: Tree, head: Tree, items: Iterable<Item>)", en: "(base: Tree, head: Tree, items: Iterable<Item>)" },
  (base: Tree, head: Tree, items: Iterable<Item>): Impact => {
    const c = comparer(base, head)
    const changes: Array<Change> = []
    for (const item of items) for (const change of c.add(item)) changes.push(change)
    return { ...c.summary(), changes }
  },
)
