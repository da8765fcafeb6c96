/**
 * Policy impact: how many decisions change between two versions of a policy
 * tree over the same subjects, and which. Uses the compiled path, so a whole
 * year of records takes seconds.
 *
 * @module
 */
import { Redact } from "@aktivitetsmodell/core"
import { forTree } from "./Compile.js"
import type { Item } from "./DatasetSubjects.js"
import { guard, requireArray, requireTree } from "./internal/boundary.js"
import { chunkSize, codeComparer, wellFormed } from "./internal/impactCodes.js"
import { showOutcome } from "./internal/showOutcome.js"
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
  (o: Outcome | undefined): string => showOutcome(o),
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
 * {@link Comparer.addAll} takes many items at once and gives the same changes,
 * many times faster.
 * @category models
 */
export interface Comparer {
  readonly add: (item: Item) => ReadonlyArray<Change>
  /** The changes of `items`, in their order: the same as `add` on each. */
  readonly addAll: (items: ReadonlyArray<Item>) => ReadonlyArray<Change>
  readonly summary: () => Summary
}

// The same rule ids in the same order under both trees.
const sameRules = (
  x: ReadonlyArray<{ readonly rule: string }>,
  y: ReadonlyArray<{ readonly rule: string }>,
): boolean => {
  if (x.length !== y.length) return false
  for (let i = 0; i < x.length; i++) if (x[i]!.rule !== y[i]!.rule) return false
  return true
}

/**
 * Starts a comparison of `base` and `head` that takes items one at a time,
 * or many at once with `addAll`.
 * @example
 * const c = Impact.comparer(base, head)
 * for (const item of items) for (const change of c.add(item)) console.log(JSON.stringify(change))
 * c.addAll(moreItems).length
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
    const record = (changes: Array<Change>, item: Item, rule: string, x: string, y: string): void => {
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
    const add = (item: Item): ReadonlyArray<Change> => {
      const before = a.outcomes(item.subject, item.date)
      const after = b.outcomes(item.subject, item.date)
      subjects++
      for (const o of before) if (o.outcome !== undefined) baseCount++
      for (const o of after) if (o.outcome !== undefined) headCount++
      const changes: Array<Change> = []
      const compareOne = (rule: string, x: string, y: string): void => {
        if (x !== y) record(changes, item, rule, x, y)
      }
      if (sameRules(before, after)) {
        // The usual edit keeps the rules and their order: compare them pair by
        // pair, and word an outcome only when the two are not the same object.
        for (let i = 0; i < before.length; i++) {
          const x = before[i]!.outcome
          const y = after[i]!.outcome
          if (x !== y) compareOne(before[i]!.rule, showOutcome(x), showOutcome(y))
        }
        return changes
      }
      const beforeBy = new Map(before.map((o) => [o.rule, o.outcome]))
      const afterBy = new Map(after.map((o) => [o.rule, o.outcome]))
      for (const rule of new Set([...beforeBy.keys(), ...afterBy.keys()]))
        compareOne(
          rule,
          beforeBy.has(rule) ? showOutcome(beforeBy.get(rule)) : "not in force",
          afterBy.has(rule) ? showOutcome(afterBy.get(rule)) : "not in force",
        )
      return changes
    }
    const batch = codeComparer(base, head, a, b)
    const addAll = (items: ReadonlyArray<Item>): ReadonlyArray<Change> => {
      requireArray("Comparer.addAll", "items", items)
      const changes: Array<Change> = []
      const pushAll = (xs: ReadonlyArray<Change>) => {
        for (const x of xs) changes.push(x)
      }
      let run: Array<Item> = []
      const flush = () => {
        if (run.length === 0) return
        const totals = batch(run, add, (item, rule, x, y) => record(changes, item, rule, x, y), pushAll)
        subjects += totals.subjects
        baseCount += totals.base
        headCount += totals.head
        run = []
      }
      for (let i = 0; i < items.length; i++) {
        const item = wellFormed(items[i])
        if (item !== undefined) {
          run.push(item)
          continue
        }
        // What the batch cannot take goes through add, in its place, which says what is wrong with it.
        flush()
        pushAll(add(items[i]!))
      }
      flush()
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
      addAll: guard(
        "Comparer.addAll",
        {
          nb: "(items: ReadonlyArray<{ key: string; date: ÅÅÅÅ-MM-DD; subject: Subject }>)",
          en: "(items: ReadonlyArray<{ key: string; date: YYYY-MM-DD; subject: Subject }>)",
        },
        addAll,
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
    // A list is compared whole (the larger the date groups, the faster); any other iterable a chunk at a time.
    if (Array.isArray(items)) {
      const changes = c.addAll(items)
      return { ...c.summary(), changes }
    }
    const changes: Array<Change> = []
    let chunk: Array<Item> = []
    const flush = () => {
      for (const change of c.addAll(chunk)) changes.push(change)
      chunk = []
    }
    for (const item of items) {
      chunk.push(item)
      if (chunk.length === chunkSize) flush()
    }
    flush()
    return { ...c.summary(), changes }
  },
)
