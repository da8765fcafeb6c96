/**
 * Small-count suppression of a frequency table, the way GaussSuppression's
 * `SuppressSmallCounts` / `GaussSuppressionFromData` put the pieces together:
 * published frequencies from the model matrix, primary cells by
 * {@link primaryDefault}, singletons by {@link singletonDefault}, candidates
 * by {@link candidatesDefault}, then {@link runGaussSuppression}.
 *
 * @module
 */
import { type CandidateOptions, candidatesDefault } from "./Candidates.js"
import { type CellSelection, runGaussSuppression, type SingletonMethod } from "./GaussSuppression.js"
import { crossprod, type ModelMatrix } from "./ModelMatrix.js"
import { type FrequencyRule, primaryDefault, singletonDefault } from "./Primary.js"

/**
 * Input of {@link suppressSmallCounts}.
 * @category privacy
 */
export interface SmallCountInput extends FrequencyRule {
  readonly x: ModelMatrix
  /** The frequency of every inner cell (row of `x`). */
  readonly innerFreq: ReadonlyArray<number>
  /** Default: `"anySumNOTprimary"` with `secondaryZeros`, else `"anySum"`. */
  readonly singletonMethod?: SingletonMethod
  readonly forced?: CellSelection
  readonly hidden?: CellSelection
  /** Extra primary cells, besides those of the small-count rule. */
  readonly primary?: CellSelection
  /** Candidate order; default {@link candidatesDefault}. */
  readonly candidates?: ReadonlyArray<number>
  readonly weight?: CandidateOptions["weight"]
}

/**
 * The outcome per published cell.
 * @category privacy
 */
export interface SmallCountResult {
  readonly freq: ReadonlyArray<number>
  readonly primary: ReadonlyArray<boolean>
  readonly secondary: ReadonlyArray<boolean>
  /** Primary or secondary, and not forced; `null` for a hidden cell (not published, as R's `NA`). */
  readonly suppressed: ReadonlyArray<boolean | null>
  /** Primary cells that forced cells give away. */
  readonly unsafe: ReadonlyArray<boolean>
  readonly singletonMethod: SingletonMethod
  readonly notes: ReadonlyArray<string>
}

const indices = (sel: CellSelection | undefined): ReadonlyArray<number> =>
  sel === undefined
    ? []
    : sel.length > 0 && typeof sel[0] === "boolean"
      ? (sel as ReadonlyArray<boolean>).flatMap((b, j) => (b ? [j] : []))
      : (sel as ReadonlyArray<number>)

/**
 * Primary suppression of small counts and secondary suppression by Gaussian
 * elimination of a frequency table.
 * @example
 * // Two inner cells, 1 and 9, and their total: the 1 is primary, so the 9 is hidden too.
 * const x = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
 * suppressSmallCounts({ x, innerFreq: [1, 9] }).suppressed // [true, true, false]
 * @category privacy
 */
export const suppressSmallCounts = (input: SmallCountInput): SmallCountResult => {
  const { x } = input
  const n = x.columns.length
  const freq = crossprod(x, input.innerFreq)
  const primary = primaryDefault(freq, input)
  for (const j of indices(input.primary)) primary[j] = true
  const secondaryZeros = input.secondaryZeros ?? false
  const method = input.singletonMethod ?? (secondaryZeros ? "anySumNOTprimary" : "anySum")
  const candidates =
    input.candidates ??
    candidatesDefault(freq, x, { secondaryZeros, ...(input.weight === undefined ? {} : { weight: input.weight }) })
  const singleton = method === "none" ? undefined : singletonDefault(input.innerFreq, input)
  const r = runGaussSuppression({
    x,
    candidates,
    primary,
    singletonMethod: method,
    ...(singleton === undefined ? {} : { singleton }),
    ...(input.forced === undefined ? {} : { forced: input.forced }),
    ...(input.hidden === undefined ? {} : { hidden: input.hidden }),
  })
  const flags = (js: ReadonlyArray<number>) => {
    const out = new Array<boolean>(n).fill(false)
    for (const j of js) out[j] = true
    return out
  }
  const secondary = flags(r.secondary)
  const forced = flags(indices(input.forced))
  const hidden = flags(indices(input.hidden))
  return {
    freq,
    primary,
    secondary,
    suppressed: primary.map((p, j) => (forced[j] ? false : hidden[j] ? null : p || secondary[j]!)),
    unsafe: flags(r.unsafe),
    singletonMethod: r.singletonMethod,
    notes: r.notes,
  }
}
