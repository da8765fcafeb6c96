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

/** Every combination of the open inputs' options over `facts`; the first is `facts` itself. */
export const variants = (
  facts: { readonly [fact: string]: Value },
  open: ReadonlyArray<Open>,
): ReadonlyArray<Variant> => {
  let out: Array<Variant> = [{ facts, choice: [] }]
  for (const o of open) {
    const next: Array<Variant> = []
    for (const v of out)
      o.options.forEach((option, i) => {
        next.push({ facts: i === 0 ? v.facts : { ...v.facts, ...option }, choice: [...v.choice, i] })
      })
    out = next
  }
  return out
}

/** True when the open input `i` is among the facts a rule reads. */
export const touches = (o: Open, read: ReadonlySet<string>): boolean =>
  o.options.some((option) => Object.keys(option).some((f) => read.has(f)))

/**
 * Whether `results` (one per variant) agree; when they do not, the inputs
 * that matter: those for which two variants differing only in that input
 * give different results.
 */
export const agree = <T>(
  results: ReadonlyArray<T>,
  all: ReadonlyArray<Variant>,
  open: ReadonlyArray<Open>,
  same: (a: T, b: T) => boolean,
): { readonly same: true; readonly value: T } | { readonly same: false; readonly missing: ReadonlyArray<string> } => {
  const first = results[0]!
  if (results.every((r) => same(r, first))) return { same: true, value: first }
  const index = new Map(all.map((v, k) => [v.choice.join(","), k]))
  const missing = open
    .filter((o, j) =>
      all.some((v, k) =>
        o.options.some((_, i) => {
          if (i === v.choice[j]) return false
          const other = index.get(v.choice.map((c, n) => (n === j ? i : c)).join(","))
          return other !== undefined && !same(results[k]!, results[other]!)
        }),
      ),
    )
    .map((o) => o.missing)
  return { same: false, missing: missing.length > 0 ? missing : open.map((o) => o.missing) }
}
