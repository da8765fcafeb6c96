/**
 * "Did you mean" for names a person typed: the closest known name by edit
 * distance, offered only when it is close enough to be a likely typo. One
 * helper for every package that refuses an unknown name (rule files, export
 * folders, dataset keys).
 *
 * @module
 */
//
// The work is bounded whatever the input: a name longer than `maxName`
// gets no suggestion (nobody mistypes a 64-character name into a 990 kB
// one), only known names within the allowed number of edits in length are
// compared, and each comparison keeps three rows of the table and stops as
// soon as every cell in a row is over the limit. One suggestion costs at
// most about maxName × (2 × limit + 1) steps per known name.

import { guard } from "./internal/guard.js"
import type { Bilingual } from "./internal/text.js"

/** Names longer than this get no suggestion. */
export const maxName = 64

/**
 * The optimal-string-alignment distance between `a` and `b` (a swapped pair
 * of letters counts as one edit, the commonest typo in hand-edited files),
 * or `limit + 1` as soon as it is certain to exceed `limit`.
 * @example
 * Suggest.distance("attendence", "attendance", 3) // 1
 * @category constructors
 */
export const distance = guard(
  "Suggest.distance",
  { en: "(a: string, b: string, limit: number)", nb: "(a: string, b: string, limit: number)" },
  (a: string, b: string, limit: number): number => {
    if (typeof a !== "string" || typeof b !== "string" || typeof limit !== "number")
      throw new TypeError("not strings and a limit")
    if (Math.abs(a.length - b.length) > limit) return limit + 1
    let before = new Array<number>(b.length + 1).fill(0)
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
    let current = new Array<number>(b.length + 1).fill(0)
    for (let i = 1; i <= a.length; i++) {
      current[0] = i
      let rowMin = i
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        let v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1)
        current[j] = v
        if (v < rowMin) rowMin = v
      }
      // Every later cell is at least the smallest cell of this row or the one
      // before it (a transposition reaches back two rows).
      if (rowMin > limit && Math.min(...previous) > limit) return limit + 1
      ;[before, previous, current] = [previous, current, before]
    }
    return Math.min(previous[b.length]!, limit + 1)
  },
)

/** The edits a name of this length may be away from a known one and still be a typo of it. */
const allowedEdits = (length: number): number => (length <= 4 ? 1 : Math.max(2, Math.floor(length / 3)))

/**
 * The known name closest to `name`, or undefined when none is plausibly meant.
 * @example
 * Suggest.suggest("attendence", ["attendance", "sessions"]) // "attendance"
 * @category constructors
 */
export const suggest = guard(
  "Suggest.suggest",
  { en: "(name: string, known: Iterable<string>)", nb: "(name: string, known: Iterable<string>)" },
  (name: string, known: Iterable<string>): string | undefined => {
    if (typeof name !== "string" || name.length > maxName) return undefined
    const lower = name.toLowerCase()
    // Short names get one edit: "pwn" is not a typo of "in".
    const allowed = allowedEdits(name.length)
    let best: string | undefined
    let bestScore = allowed + 1
    for (const k of known) {
      if (typeof k !== "string" || Math.abs(k.length - name.length) > allowed) continue
      const score = distance(lower, k.toLowerCase(), Math.min(allowed, bestScore - 1))
      if (score < bestScore) {
        best = k
        bestScore = score
      }
    }
    return best !== undefined && bestScore <= allowed ? best : undefined
  },
)

/**
 * `; did you mean "x"?` / `; mente du «x»?`, or two empty texts when no known
 * name is close.
 * @example
 * Suggest.didYouMean("attendence", ["attendance"]).nb // "; mente du «attendance»?"
 * @category constructors
 */
export const didYouMean = guard(
  "Suggest.didYouMean",
  { en: "(name: string, known: Iterable<string>)", nb: "(name: string, known: Iterable<string>)" },
  (name: string, known: Iterable<string>): Bilingual => {
    const s = suggest(name, known)
    return s === undefined ? { en: "", nb: "" } : { en: `; did you mean "${s}"?`, nb: `; mente du «${s}»?` }
  },
)
