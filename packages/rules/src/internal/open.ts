// Facts a subject leaves open. With only a birth year a citizen is one of two
// ages on a date; without `jointMeetingHeld` the meeting may or may not have
// been held. Rather than guess, every combination is evaluated: when all give
// the same answer the answer stands, and when they differ it is `unknown`,
// naming the inputs whose value would decide it. The explaining path
// (Decision) and the compiled path (Compile.forTree) both use this, so they
// agree on what is unknown.
import type { Value } from "../Facts.js"

/**
 * An input the subject did not give, with the values it leaves open for the
 * facts it decides. Option 0 is what the facts hold by default.
 */
export interface Open {
  /** The subject's input that would decide it: `citizen.birthDate`, `jointMeetingHeld`. */
  readonly missing: string
  readonly options: ReadonlyArray<{ readonly [fact: string]: Value }>
}

/** One combination of options: the facts, and which option of each open input it took. */
export interface Variant {
  readonly facts: { readonly [fact: string]: Value }
  readonly choice: ReadonlyArray<number>
}

/**
 * Every combination of the open inputs' options, as the option each takes:
 * the first open input varies slowest, and combination 0 takes option 0 of each.
 */
export const combinations = (open: ReadonlyArray<Open>): ReadonlyArray<ReadonlyArray<number>> => {
  let out: Array<Array<number>> = [[]]
  for (const o of open) {
    const next: Array<Array<number>> = []
    for (const choice of out) for (let i = 0; i < o.options.length; i++) next.push([...choice, i])
    out = next
  }
  return out
}

/** Every combination of the open inputs' options over `facts`, in {@link combinations} order; the first is `facts` itself. */
export const variants = (
  facts: { readonly [fact: string]: Value },
  open: ReadonlyArray<Open>,
): ReadonlyArray<Variant> =>
  combinations(open).map((choice) => {
    if (choice.every((i) => i === 0)) return { facts, choice }
    const merged: { [fact: string]: Value } = { ...facts }
    choice.forEach((i, j) => {
      if (i !== 0) Object.assign(merged, open[j]!.options[i])
    })
    return { facts: merged, choice }
  })

/** True when the open input `i` is among the facts a rule reads. */
export const touches = (o: Open, read: ReadonlySet<string>): boolean =>
  o.options.some((option) => Object.keys(option).some((f) => read.has(f)))

/**
 * Whether `results` (one per combination of `open`'s options, in
 * {@link combinations} order) agree; when they do not, the inputs that
 * matter: those for which two combinations differing only in that input
 * give different results. A combination's place is computed from its
 * options, so no combination is looked up by a key.
 */
export const agree = <T>(
  results: ReadonlyArray<T>,
  open: ReadonlyArray<Open>,
  same: (a: T, b: T) => boolean,
): { readonly same: true; readonly value: T } | { readonly same: false; readonly missing: ReadonlyArray<string> } => {
  const first = results[0]!
  let all = true
  for (let k = 1; k < results.length && all; k++) all = same(results[k]!, first)
  if (all) return { same: true, value: first }
  // stride[j]: how far apart two combinations are that differ by one in input j's option.
  const stride: Array<number> = []
  for (let j = open.length - 1, size = 1; j >= 0; j--) {
    stride[j] = size
    size *= open[j]!.options.length
  }
  const missing = open
    .filter((o, j) => {
      const n = o.options.length
      for (let k = 0; k < results.length; k++) {
        const mine = Math.floor(k / stride[j]!) % n
        for (let i = 0; i < n; i++)
          if (i !== mine && !same(results[k]!, results[k + (i - mine) * stride[j]!]!)) return true
      }
      return false
    })
    .map((o) => o.missing)
  return { same: false, missing: missing.length > 0 ? missing : open.map((o) => o.missing) }
}
