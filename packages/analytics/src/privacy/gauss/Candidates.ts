/**
 * The default priority order of the candidates for publication, a port of
 * GaussSuppression's `CandidatesDefault`.
 *
 * Cells are wanted in decreasing order of frequency: a large cell is taken
 * first and so published, and the small cells near the primary ones are the
 * ones left to hide. Ties are broken towards cells computed from many inner
 * cells (totals), by a term below 1 so it never overrides a difference in
 * frequency. Zeros come first of all unless `secondaryZeros`, so that a zero
 * is not hidden to protect another cell (hiding a known empty cell protects
 * little and costs a reader a lot).
 *
 * The arithmetic is R's, in doubles, in the same order, so that ties are
 * broken identically; the sort is stable like R's radix `order`.
 *
 * @module
 */
import { AnalyticsError } from "../../internal/text.js"
import { crossprod, type ModelMatrix, multiply } from "./ModelMatrix.js"

/**
 * Options of {@link candidatesDefault}.
 * @category privacy
 */
export interface CandidateOptions {
  /** Let zeros be hidden as secondary cells (default false: zeros are published first). */
  readonly secondaryZeros?: boolean
  /** A weight per published cell; the order is then by `(freq + 1) · weight`. */
  readonly weight?: ReadonlyArray<number>
}

// A loop rather than Math.max(...xs), which overflows the stack on long arrays.
const maxOf = (xs: ReadonlyArray<number>) => xs.reduce((m, x) => Math.max(m, x), -Infinity)

/** R's FreqPlus1: freq + 1, but negative frequencies (special hierarchies) are kept. */
const freqPlus1 = (f: number) => (f + 1 <= 0 ? f : f + 1)

/**
 * The published cells (0-based) in the order GaussSuppression tries to
 * publish them by default.
 * @example
 * // Inner cells 3 and 0 with their total: the zero first, then the total, then the 3.
 * const x = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
 * candidatesDefault([3, 0, 3], x) // [1, 2, 0]
 * @category privacy
 */
export const candidatesDefault = (
  freq: ReadonlyArray<number>,
  x: ModelMatrix,
  options: CandidateOptions = {},
): Array<number> => {
  const n = x.columns.length
  if (freq.length !== n)
    throw new AnalyticsError({
      nb: `freq: ventet ${n} verdier, fikk ${freq.length}`,
      en: `freq: expected ${n} values, got ${freq.length}`,
    })
  let weight: Array<number> = new Array<number>(n).fill(1)
  if (options.weight !== undefined) {
    if (options.weight.length !== n)
      throw new AnalyticsError({
        nb: `weight: ventet ${n} verdier, fikk ${options.weight.length}`,
        en: `weight: expected ${n} values, got ${options.weight.length}`,
      })
    weight = options.weight.map((w) => Math.max(w, 0))
    const min = weight.reduce((m, w) => Math.min(m, w), Infinity)
    const max = maxOf(weight)
    if (min === 0) weight = weight.map((w) => w + max * 1e-20)
  }
  const freq1weight = freq.map((f, j) => freqPlus1(f) * weight[j]!)
  // Per published cell: the sum over its inner cells of the weighted
  // frequencies of every published cell those inner cells belong to.
  const tieRaw = crossprod(x, multiply(x, freq1weight)).map(Math.abs)
  const tieMax = maxOf(tieRaw)
  const freqOrd = freq1weight.map((fw, j) => Math.abs(fw) + 0.99 * (tieRaw[j]! / tieMax))
  if (!options.secondaryZeros) {
    const max = maxOf(freqOrd)
    freq.forEach((f, j) => {
      if (f === 0) freqOrd[j] = 0.01 + max + freqOrd[j]!
    })
  }
  return [...freqOrd.keys()].sort((a, b) => freqOrd[b]! - freqOrd[a]! || a - b)
}
