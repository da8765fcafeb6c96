// Combined keys of several small integer codes, as mixed-radix numbers
// (floats: a product of several dictionaries' sizes may pass 2^31).

/**
 * Mixes one more key into `key`: key[i] × size + the code of row i, read at
 * `rows[i]` when given (a subset of a table's rows), else at i.
 */
export const mixIn = (
  key: Float64Array,
  size: number,
  codes: ArrayLike<number>,
  rows: ArrayLike<number> | undefined,
): void => {
  if (rows === undefined) for (let i = 0; i < key.length; i++) key[i] = key[i]! * size + codes[i]!
  else for (let i = 0; i < key.length; i++) key[i] = key[i]! * size + codes[rows[i]!]!
}
