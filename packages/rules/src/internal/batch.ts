// The compiled path over many subjects at once: per policy period, a plan of
// the facts the rule set reads (computed once), one reused facts object
// that each subject's facts are written into, and the compiled program run
// on it. Facts a subject leaves open are tried by a second, smaller program
// of only the rules that read them, so a subject with an open age costs one
// extra run of a rule or two, not of the whole set.
import type { Subject } from "../Subject.js"
import {
  blankFacts,
  type Context,
  type DatedParameter,
  type FactsOut,
  type Needs,
  needsOf,
  openFacts,
  writeFacts,
} from "./derive.js"

/** A program as the batch runs it: writes one code per rule into `out` from index `at`. */
export type Run = (facts: { readonly [name: string]: unknown }, out: Uint8Array, at?: number) => void

/** A policy period made ready for batches. */
export interface BatchPlan {
  readonly rules: number
  readonly run: Run
  readonly needs: Needs
  readonly readsAge: boolean
  readonly readsMeeting: boolean
  /** The program of the rules that read an open fact, and where each of them is in the whole set. */
  readonly open: OpenRules | undefined
}

/** The rules that read an open fact: their program, where each is in the whole set, and what each reads. */
export interface OpenRules {
  readonly run: Run
  readonly at: Int32Array
  /** By rule: 1 when it reads the age, 2 the joint meeting, 3 both; for its whole version and for its appliesWhen alone. */
  readonly reads: Uint8Array
  readonly scope: Uint8Array
}

const AGE = 1
const MEETING = 2

const openBits = (read: ReadonlySet<string>): number =>
  (read.has("age") ? AGE : 0) | (read.has("jointMeetingHeld") ? MEETING : 0)

/** The code of a rule whose outcome depends on a value the subject left open. */
export const UNKNOWN = 3

/**
 * The plan for a rule set: `reads` gives the facts each rule reads, in
 * order; `compile` compiles the rules at the given indices.
 */
export const planBatch = (
  reads: ReadonlyArray<ReadonlySet<string>>,
  scopes: ReadonlyArray<ReadonlySet<string>>,
  run: Run,
  compile: (indices: ReadonlyArray<number>) => Run,
): BatchPlan => {
  const all = new Set(reads.flatMap((r) => [...r]))
  const opened = reads.flatMap((r, i) => (openFacts.some((f) => r.has(f)) ? [i] : []))
  return {
    rules: reads.length,
    run,
    needs: needsOf(all),
    readsAge: all.has("age"),
    readsMeeting: all.has("jointMeetingHeld"),
    open:
      opened.length === 0
        ? undefined
        : {
            run: compile(opened),
            at: Int32Array.from(opened),
            reads: Uint8Array.from(opened, (i) => openBits(reads[i]!)),
            scope: Uint8Array.from(opened, (i) => openBits(scopes[i]!)),
          },
  }
}

/**
 * Whether the values left open (`open`, AGE and MEETING bits) can change a
 * rule's code: only for a rule that reads one of them, and of those, one
 * that applies or whose appliesWhen reads one (a rule whose appliesWhen
 * fails whatever the open values are gives 0 for every combination).
 */
const mayVary = (rules: OpenRules, open: number, codes: Uint8Array, at: number): boolean => {
  for (let k = 0; k < rules.at.length; k++)
    if ((rules.reads[k]! & open) !== 0 && (codes[at + rules.at[k]!] !== 0 || (rules.scope[k]! & open) !== 0))
      return true
  return false
}

// One facts object per plan, so every subject's facts have the same shape.
const scratchOf = new WeakMap<BatchPlan, FactsOut>()

/**
 * Codes for every subject on `date` (a checked date, in `now`'s period):
 * `subjects.length` rows of `plan.rules` codes, 0 the rule does not apply,
 * 1 its event, 2 otherwise, 3 unknown (it depends on an input left open).
 */
export const runBatch = <P extends DatedParameter>(
  plan: BatchPlan,
  now: Context<P>,
  subjects: ReadonlyArray<Subject>,
  date: string,
): Uint8Array => {
  const codes = new Uint8Array(subjects.length * plan.rules)
  // Taken out while in use: a subject's getter that starts another batch gets an object of its own.
  const facts = scratchOf.get(plan) ?? blankFacts()
  scratchOf.delete(plan)
  try {
    fill(plan, now, subjects, date, facts, codes)
  } finally {
    scratchOf.set(plan, facts)
  }
  return codes
}

const fill = <P extends DatedParameter>(
  plan: BatchPlan,
  now: Context<P>,
  subjects: ReadonlyArray<Subject>,
  date: string,
  facts: FactsOut,
  codes: Uint8Array,
): void => {
  // The plan's parts in locals: the loop reads none of them from the plan again.
  const { rules: n, run, needs, open, readsAge, readsMeeting } = plan
  const other = new Uint8Array(open === undefined ? 0 : open.at.length)
  for (let s = 0, at = 0; s < subjects.length; s++, at += n) {
    const subject = subjects[s]!
    const otherAge = writeFacts(subject, date, now, facts, undefined, needs)
    run(facts, codes, at)
    if (open === undefined) continue
    const left =
      (readsAge && otherAge !== undefined ? AGE : 0) |
      (readsMeeting && subject.jointMeetingHeld === undefined ? MEETING : 0)
    if (left !== 0 && mayVary(open, left, codes, at)) markUnknown(open, left, otherAge, facts, codes, at, other)
  }
}

/**
 * Runs the open rules on every other combination of the values left open
 * (`left`), against the first: a rule they answer differently is unknown.
 * `facts` is given back as it came.
 */
const markUnknown = (
  open: OpenRules,
  left: number,
  otherAge: number | undefined,
  facts: FactsOut,
  codes: Uint8Array,
  at: number,
  other: Uint8Array,
): void => {
  const ages = (left & AGE) !== 0 ? 2 : 1
  const meetings = (left & MEETING) !== 0 ? 2 : 1
  const age = facts.age
  const meeting = facts.jointMeetingHeld
  for (let a = 0; a < ages; a++)
    for (let m = 0; m < meetings; m++) {
      if (a === 0 && m === 0) continue
      facts.age = a === 0 ? age : (otherAge as number)
      facts.jointMeetingHeld = m === 0 ? meeting : true
      open.run(facts, other)
      for (let k = 0; k < other.length; k++) if (other[k] !== codes[at + open.at[k]!]) codes[at + open.at[k]!] = UNKNOWN
    }
  facts.age = age
  facts.jointMeetingHeld = meeting
}
