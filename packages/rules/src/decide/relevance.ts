// Which of the inputs a subject leaves open can change each rule's answer.
// Only the facts an open input decides matter (the age, whether the joint
// meeting was held), not their values, so the answer is worked out once per
// plan and per set of those facts, rather than for every subject.
import { meetingOptions } from "../internal/derive.js"
import type { Open } from "../internal/open.js"

/** Per rule (by index), the open inputs that can change its answer. */
export interface Relevance {
  /** The open inputs (by index) that decide a fact the rule reads; undefined where none does. */
  readonly relevant: ReadonlyArray<ReadonlyArray<number> | undefined>
  /** True where one of those decides a fact the rule's appliesWhen reads. */
  readonly scoped: ReadonlyArray<boolean>
}

/** What relevance is worked out from: which rules read each fact, and each rule's appliesWhen facts. */
export interface Readers {
  readonly readers: ReadonlyMap<string, ReadonlyArray<number>>
  readonly steps: ReadonlyArray<{ readonly appliesFacts: ReadonlySet<string> }>
}

/**
 * The facts each option of `o` decides, as a key: the fact itself when every
 * option decides that one fact (the usual case, no text built), otherwise
 * the list of each option's facts as JSON.
 */
const factsOf = (o: Open): { readonly one: boolean; readonly key: string } => {
  let fact: string | undefined
  for (const option of o.options) {
    let n = 0
    for (const key in option) {
      if (++n > 1 || (fact !== undefined && key !== fact)) return general(o)
      fact = key
    }
    if (n === 0) return general(o)
  }
  return fact === undefined ? general(o) : { one: true, key: fact }
}

const general = (o: Open) => ({ one: false, key: JSON.stringify(o.options.map((option) => Object.keys(option))) })

// The shared, frozen options of an unmentioned joint meeting: their facts never change.
const meetingFacts = factsOf(meetingOptions)

/** A cache of relevance by the facts of each open input in turn: one level per input. */
interface Level {
  found: Relevance | undefined
  readonly one: Map<string, Level>
  readonly general: Map<string, Level>
}

const level = (): Level => ({ found: undefined, one: new Map(), general: new Map() })

const work = (plan: Readers, open: ReadonlyArray<Open>): Relevance => {
  const relevant: Array<Array<number> | undefined> = []
  const scoped: Array<boolean> = plan.steps.map(() => false)
  open.forEach((o, j) => {
    const facts = new Set(o.options.flatMap((option) => Object.keys(option)))
    for (const fact of facts)
      for (const i of plan.readers.get(fact) ?? []) {
        const list = relevant[i]
        if (list === undefined) relevant[i] = [j]
        else if (!list.includes(j)) list.push(j)
        if (plan.steps[i]!.appliesFacts.has(fact)) scoped[i] = true
      }
  })
  return { relevant, scoped }
}

const byPlan = new WeakMap<Readers, Level>()
// Open inputs come from the subject's own fields, so a plan sees few sets of facts; a bound all the same.
const kept = 64

/** The relevance of `open` (not empty) to the rules of `plan`. */
export const relevanceOf = (plan: Readers, open: ReadonlyArray<Open>): Relevance => {
  let root = byPlan.get(plan)
  if (root === undefined) {
    root = level()
    byPlan.set(plan, root)
  }
  let at: Level = root
  for (const o of open) {
    const facts = o === meetingOptions ? meetingFacts : factsOf(o)
    const next: Map<string, Level> = facts.one ? at.one : at.general
    let below: Level | undefined = next.get(facts.key)
    if (below === undefined) {
      if (next.size >= kept) next.clear()
      below = level()
      next.set(facts.key, below)
    }
    at = below
  }
  at.found ??= work(plan, open)
  return at.found
}
