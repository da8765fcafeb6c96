/**
 * Policy impact: how many decisions change between two versions of a policy
 * tree over the same subjects, and which. Uses the compiled path, so a whole
 * year of records takes seconds.
 *
 * @module
 */
import { forTree } from "./Compile.js"
import type { Item } from "./DatasetSubjects.js"
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
  readonly byRule: ReadonlyArray<{ readonly rule: string; readonly from: string; readonly to: string; readonly count: number }>
}

/**
 * An outcome as one short, stable string.
 * @example
 * Impact.show({ type: "escalate", params: { to: "therapist", action: "review-feedback" } }) // "escalate(action=review-feedback,to=therapist)"
 * @category constructors
 */
export const show = (o: Outcome | undefined): string =>
  o === undefined
    ? "not applicable"
    : o.params === undefined || Object.keys(o.params).length === 0
      ? o.type
      : `${o.type}(${Object.entries(o.params).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(",")})`

/**
 * Evaluates every item under both trees and lists what changes.
 * @example
 * const impact = Impact.compare(base, head, DatasetSubjects.of(year))
 * impact.changes.length
 * @category evaluation
 */
export const compare = (base: Tree, head: Tree, items: ReadonlyArray<Item>): Impact => {
  const a = forTree(base)
  const b = forTree(head)
  const changes: Array<Change> = []
  let baseCount = 0
  let headCount = 0
  for (const item of items) {
    const before = new Map(a.outcomes(item.subject, item.date).map((o) => [o.rule, o.outcome]))
    const after = new Map(b.outcomes(item.subject, item.date).map((o) => [o.rule, o.outcome]))
    for (const o of before.values()) if (o !== undefined) baseCount++
    for (const o of after.values()) if (o !== undefined) headCount++
    for (const rule of new Set([...before.keys(), ...after.keys()])) {
      const x = before.has(rule) ? show(before.get(rule)) : "not in force"
      const y = after.has(rule) ? show(after.get(rule)) : "not in force"
      if (x !== y) {
        const pseudonym = item.subject.citizen?.id
        changes.push({ key: item.key, date: item.date, ...(pseudonym === undefined ? {} : { subject: pseudonym }), rule, before: x, after: y })
      }
    }
  }
  const counts = new Map<string, { rule: string; from: string; to: string; count: number }>()
  for (const c of changes) {
    const k = `${c.rule}\u0000${c.before}\u0000${c.after}`
    const entry = counts.get(k) ?? { rule: c.rule, from: c.before, to: c.after, count: 0 }
    entry.count++
    counts.set(k, entry)
  }
  return {
    subjects: items.length,
    decisions: { base: baseCount, head: headCount },
    changes,
    byRule: [...counts.values()].sort((x, y) => y.count - x.count || (x.rule < y.rule ? -1 : 1))
  }
}
