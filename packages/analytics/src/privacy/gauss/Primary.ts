/**
 * The default primary and singleton rules of GaussSuppression for frequency
 * tables (`PrimaryDefault`, `SingletonDefault`).
 *
 * @module
 */

/**
 * Options of the frequency rules, with R's defaults.
 * @category privacy
 */
export interface FrequencyRule {
  /** Cells with frequency ≤ maxN are primary suppressed (default 3). */
  readonly maxN?: number
  /** Zeros are primary suppressed too (default true): a zero can reveal that no one has a property. */
  readonly protectZeros?: boolean
  /** Zeros may be hidden as secondary cells (default false). Only affects the singletons here. */
  readonly secondaryZeros?: boolean
}

/**
 * Primary suppression of small counts: `freq <= maxN`, except zeros when
 * `protectZeros` is false.
 * @example
 * primaryDefault([0, 1, 3, 4]) // [true, true, true, false]
 * primaryDefault([0, 1, 3, 4], { maxN: 2, protectZeros: false }) // [false, true, false, false]
 * @category privacy
 */
export const primaryDefault = (freq: ReadonlyArray<number>, rule: FrequencyRule = {}): Array<boolean> => {
  const maxN = rule.maxN ?? 3
  const protectZeros = rule.protectZeros ?? true
  return freq.map((f) => f <= maxN && (protectZeros || f !== 0))
}

/**
 * The inner cells to treat as singletons: zeros when zeros are protected or
 * may be secondary suppressed (a sum of zeros would reveal each of them),
 * otherwise ones (a single contributor who knows their own cell could
 * subtract themselves from a small sum).
 * @example
 * singletonDefault([0, 1, 2]) // [true, false, false]
 * singletonDefault([0, 1, 2], { protectZeros: false }) // [false, true, false]
 * @category privacy
 */
export const singletonDefault = (innerFreq: ReadonlyArray<number>, rule: FrequencyRule = {}): Array<boolean> => {
  const zeros = (rule.protectZeros ?? true) || (rule.secondaryZeros ?? false)
  return innerFreq.map((f) => (zeros ? f === 0 : f === 1))
}
