// Distinct citizens per group of a combined key, in one pass: the groups in
// order of first appearance (as the rollup kernel numbers groups that are not
// one dictionary's) and the (key, citizen) pairs seen, for later lookups.
// Each loop sits in a small function of its own, so that it is optimised
// on its own and does not wait for feedback from the rest of a count.
import { KeyGroups } from "./keyGroups.js"
import { PairSet } from "./pairSet.js"

/** The groups, the pairs seen, and the distinct citizens of each group. */
export interface KeyedCitizens {
  readonly groups: KeyGroups
  readonly seen: PairSet
  readonly citizens: Float64Array
}

/** The rows' combined keys: `codes[at[i]]` for row i, or `codes[i]` without `at`. */
export interface Keys {
  readonly codes: ArrayLike<number>
  readonly at: Int32Array | undefined
  /** Every key is below it. */
  readonly span: number
}

// Keys up to this many are counted in arrays indexed by key, and numbered after the pass.
const SMALL = 2 ** 16

/** One more than the largest value of a column of non-negative codes (at least 1). */
export const codeBound = (values: ArrayLike<number>): number => {
  let bound = 1
  for (let i = 0; i < values.length; i++) if (values[i]! >= bound) bound = values[i]! + 1
  return bound
}

/**
 * Over `m` rows, each with a combined key (`keys`) and the citizen
 * `citizen[rows[i]]` (below `bound`): the groups and the distinct citizens
 * per group. With `whole`, group 0 (key 0) exists even without rows (a count
 * without dimensions gives its one row).
 */
export const keyedCitizens = (
  m: number,
  keys: Keys,
  rows: Int32Array,
  citizen: ArrayLike<number>,
  bound: number,
  whole: boolean,
): KeyedCitizens => {
  const seen = new PairSet(keys.span, bound)
  const groups = new KeyGroups(keys.span)
  if (whole) groups.add(0, 0)
  if (keys.span > SMALL) {
    const citizens = new Float64Array(Math.min(keys.span, m) + 1)
    largePass(m, keys, rows, citizen, groups, seen, citizens)
    return { groups, seen, citizens: citizens.subarray(0, groups.size) }
  }
  // By key in the pass; the keys then numbered in order of their first rows.
  const first = new Int32Array(keys.span).fill(-1)
  const perKey = new Float64Array(keys.span)
  smallPass(m, keys, rows, citizen, first, seen, perKey)
  const shown: Array<number> = []
  for (let k = 0; k < keys.span; k++) if (first[k]! >= 0) shown.push(k)
  shown.sort((a, b) => first[a]! - first[b]!)
  for (const k of shown) groups.add(k, first[k]!)
  const citizens = new Float64Array(groups.size)
  for (const k of shown) citizens[groups.get(k)] = perKey[k]!
  return { groups, seen, citizens }
}

const smallPass = (
  m: number,
  keys: Keys,
  rows: Int32Array,
  citizen: ArrayLike<number>,
  first: Int32Array,
  seen: PairSet,
  perKey: Float64Array,
): void => {
  const { codes, at } = keys
  for (let i = 0; i < m; i++) {
    const k = at === undefined ? codes[i]! : codes[at[i]!]!
    if (first[k]! < 0) first[k] = i
    if (seen.add(k, citizen[rows[i]!]!)) perKey[k]!++
  }
}

const largePass = (
  m: number,
  keys: Keys,
  rows: Int32Array,
  citizen: ArrayLike<number>,
  groups: KeyGroups,
  seen: PairSet,
  citizens: Float64Array,
): void => {
  const { codes, at } = keys
  for (let i = 0; i < m; i++) {
    const k = at === undefined ? codes[i]! : codes[at[i]!]!
    const g = groups.add(k, i)
    if (seen.add(k, citizen[rows[i]!]!)) citizens[g]!++
  }
}
