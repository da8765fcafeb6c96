/**
 * Exact integer arithmetic for the elimination, so that no decision depends on
 * a floating-point tolerance.
 *
 * The elimination is fraction-free: a column is reduced by another as
 * `b·u − a·v` (a, b the two entries in the pivot row, divided by their
 * greatest common divisor, as R's `ReduceGreatestDivisor`), and every result
 * is divided by the gcd of its entries. Every decision the algorithm takes —
 * is this column empty, are these two columns proportional, do the entries of
 * this column have more than one sign — is invariant under scaling a column,
 * so the normalisation changes nothing but keeps the numbers small.
 *
 * A column's entries are JavaScript numbers while they are exact integers
 * (within ±(2^53 − 1)); an operation on a column that would leave that range
 * is done again with BigInt for that column only, and a column whose entries
 * fit again after normalisation goes back to numbers. Ordinary tables (0/1
 * hierarchies) never leave numbers. R's GaussSuppression instead falls back
 * to doubles with a tolerance (`tolGauss`) when its 32-bit integers
 * overflow, and can then decide differently where rounding makes two equal
 * values look distinct.
 *
 * @module
 */

/**
 * A sparse integer vector over the inner rows: `rows` strictly ascending,
 * `values` non-zero, all numbers or all BigInts.
 */
export interface Sparse {
  readonly rows: Array<number>
  readonly values: Array<number> | Array<bigint>
}

export const EMPTY: Sparse = { rows: [], values: [] }

const MAX = Number.MAX_SAFE_INTEGER

// Thrown by the number arithmetic and caught in this module, which then
// redoes the work in bigint: one shared value, not an error with a stack.
const OVERFLOW: unique symbol = Symbol("overflow")

// Products and differences of exact integers: a true result beyond 2^53
// rounds to at least 2^53, so the range check catches every inexact one.
const mul = (a: number, b: number) => {
  const p = a * b
  if (p > MAX || p < -MAX) throw OVERFLOW
  return p
}
const sub = (a: number, b: number) => {
  const d = a - b
  if (d > MAX || d < -MAX) throw OVERFLOW
  return d
}

const gcdNumber = (a: number, b: number): number => {
  a = Math.abs(a)
  b = Math.abs(b)
  while (b) [a, b] = [b, a % b]
  return a
}
const gcdBig = (a: bigint, b: bigint): bigint => {
  if (a < 0n) a = -a
  if (b < 0n) b = -b
  while (b) [a, b] = [b, a % b]
  return a
}

const isBig = (v: Sparse) => v.values.length > 0 && typeof v.values[0] === "bigint"
const big = (v: Sparse): Array<bigint> =>
  isBig(v) ? (v.values as Array<bigint>) : (v.values as Array<number>).map((x) => BigInt(x))

/**
 * Position of `row` in the ascending `rows`, or −1.
 * @example
 * indexOf([1, 4, 9], 4) // 1
 * @category privacy
 */
export const indexOf = (rows: ReadonlyArray<number>, row: number): number => {
  let lo = 0
  let hi = rows.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = rows[mid]!
    if (r === row) return mid
    if (r < row) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/**
 * The sign of a stored value.
 * @example
 * sign(-3n) // -1
 * @category privacy
 */
export const sign = (x: number | bigint): number => (x > 0 ? 1 : x < 0 ? -1 : 0)

const normalizeNumber = (values: Array<number>): Array<number> => {
  let g = 0
  for (let k = 0; k < values.length && g !== 1; k++) g = gcdNumber(g, values[k]!)
  return g > 1 ? values.map((x) => x / g) : values
}

const SMALL = 2n ** 26n
const normalizeBig = (values: Array<bigint>): Array<number> | Array<bigint> => {
  let g = 0n
  for (let k = 0; k < values.length && g !== 1n; k++) g = gcdBig(g, values[k]!)
  const out = g > 1n ? values.map((x) => x / g) : values
  // Back to numbers when they are small enough to stay exact for a while
  // (converting at the edge of the range only to overflow again costs more).
  return out.every((x) => x <= SMALL && x >= -SMALL) ? out.map((x) => Number(x)) : out
}

/**
 * Builds a normalised sparse vector from integer entries (numbers).
 * @example
 * sparse([0, 2], [4, -6]).values // [2, -3]
 * @category privacy
 */
export const sparse = (rows: Array<number>, values: Array<number>): Sparse => ({
  rows,
  values: normalizeNumber(values),
})

// The rows of b·u − a·v without the pivot row, in order, with each row's
// position in u and in v (−1 where it has none); `keep` filters the rows of
// v. The number and bigint passes below share it, so the merge is written once.
interface Merge {
  readonly rows: Array<number>
  readonly inU: Array<number>
  readonly inV: Array<number>
}

const merge = (
  ur: Array<number>,
  pu: number,
  vr: Array<number>,
  pv: number,
  keep?: (row: number) => boolean,
): Merge => {
  const rows: Array<number> = []
  const inU: Array<number> = []
  const inV: Array<number> = []
  let i = 0
  let k = 0
  while (i < ur.length || k < vr.length) {
    if (i === pu) {
      i++
      continue
    }
    if (k < vr.length && (k === pv || (keep !== undefined && !keep(vr[k]!)))) {
      k++
      continue
    }
    const ri = i < ur.length ? ur[i]! : Infinity
    const rk = k < vr.length ? vr[k]! : Infinity
    rows.push(Math.min(ri, rk))
    inU.push(ri <= rk ? i++ : -1)
    inV.push(rk <= ri ? k++ : -1)
  }
  return { rows, inU, inV }
}

const eliminateNumber = (u: Sparse, pu: number, v: Sparse, pv: number, keep?: (row: number) => boolean): Sparse => {
  const uv = u.values as Array<number>
  const vv = v.values as Array<number>
  const g = gcdNumber(uv[pu]!, vv[pv]!)
  const a = uv[pu]! / g
  const b = vv[pv]! / g
  const m = merge(u.rows, pu, v.rows, pv, keep)
  const rows: Array<number> = []
  const values: Array<number> = []
  for (let n = 0; n < m.rows.length; n++) {
    const i = m.inU[n]!
    const k = m.inV[n]!
    const d = k < 0 ? mul(b, uv[i]!) : i < 0 ? -mul(a, vv[k]!) : sub(mul(b, uv[i]!), mul(a, vv[k]!))
    if (d !== 0) {
      rows.push(m.rows[n]!)
      values.push(d)
    }
  }
  return { rows, values: normalizeNumber(values) }
}

const eliminateBig = (u: Sparse, pu: number, v: Sparse, pv: number, keep?: (row: number) => boolean): Sparse => {
  const uv = big(u)
  const vv = big(v)
  const g = gcdBig(uv[pu]!, vv[pv]!)
  const a = uv[pu]! / g
  const b = vv[pv]! / g
  const m = merge(u.rows, pu, v.rows, pv, keep)
  const rows: Array<number> = []
  const values: Array<bigint> = []
  for (let n = 0; n < m.rows.length; n++) {
    const i = m.inU[n]!
    const k = m.inV[n]!
    const d = k < 0 ? b * uv[i]! : i < 0 ? -a * vv[k]! : b * uv[i]! - a * vv[k]!
    if (d !== 0n) {
      rows.push(m.rows[n]!)
      values.push(d)
    }
  }
  return { rows, values: normalizeBig(values) }
}

/**
 * Eliminates the pivot row from `u` using `v`, both containing that row (at
 * positions `pu` and `pv`): returns `b·u − a·v` without the pivot row, where
 * `a = u[pivot]/g`, `b = v[pivot]/g`, normalised. `v` is the column just
 * published; only rows of `v` that `keep` accepts take part (all by default;
 * the "subSpace" singleton methods keep the singleton rows out of the primary
 * columns).
 * @example
 * // u = (1, 1, 0), v = (1, 0, 1): eliminating row 0 from u leaves (·, 1, −1).
 * eliminate({ rows: [0, 1], values: [1, 1] }, 0, { rows: [0, 2], values: [1, 1] }, 0) // { rows: [1, 2], values: [1, -1] }
 * @category privacy
 */
export const eliminate = (u: Sparse, pu: number, v: Sparse, pv: number, keep?: (row: number) => boolean): Sparse => {
  if (!isBig(u) && !isBig(v)) {
    try {
      return eliminateNumber(u, pu, v, pv, keep)
    } catch (e) {
      if (e !== OVERFLOW) throw e
    }
  }
  return eliminateBig(u, pu, v, pv, keep)
}

/**
 * True when `u` and `v` have the same rows and proportional values.
 * @example
 * proportional({ rows: [0, 3], values: [2, -4] }, { rows: [0, 3], values: [-1, 2] }) // true
 * @category privacy
 */
export const proportional = (u: Sparse, v: Sparse): boolean => {
  const n = u.rows.length
  if (n !== v.rows.length) return false
  for (let k = 0; k < n; k++) if (u.rows[k] !== v.rows[k]) return false
  if (n === 1) return true
  if (!isBig(u) && !isBig(v)) {
    const uv = u.values as Array<number>
    const vv = v.values as Array<number>
    try {
      for (let k = 1; k < n; k++) if (mul(uv[k]!, vv[0]!) !== mul(vv[k]!, uv[0]!)) return false
      return true
    } catch (e) {
      if (e !== OVERFLOW) throw e
    }
  }
  const uv = big(u)
  const vv = big(v)
  for (let k = 1; k < n; k++) if (uv[k]! * vv[0]! !== vv[k]! * uv[0]!) return false
  return true
}

/**
 * Whether the entries take more than one sign (`bySign`) or more than one value.
 * @example
 * mixed({ rows: [0, 1], values: [1, 2] }, true) // false
 * mixed({ rows: [0, 1], values: [1, 2] }, false) // true
 * @category privacy
 */
export const mixed = (v: Sparse, bySign: boolean): boolean => {
  const xs = v.values
  if (xs.length < 2) return false
  if (bySign) {
    const s0 = sign(xs[0]!)
    for (let k = 1; k < xs.length; k++) if (sign(xs[k]!) !== s0) return true
    return false
  }
  for (let k = 1; k < xs.length; k++) if (xs[k] !== xs[0]) return true
  return false
}

/**
 * The vector without the given rows.
 * @example
 * withoutRows({ rows: [0, 1, 2], values: [1, 1, 1] }, new Set([1])).rows // [0, 2]
 * @category privacy
 */
export const withoutRows = (v: Sparse, drop: ReadonlySet<number>): Sparse => {
  const rows: Array<number> = []
  const values: Array<number | bigint> = []
  v.rows.forEach((r, k) => {
    if (!drop.has(r)) {
      rows.push(r)
      values.push(v.values[k]!)
    }
  })
  return { rows, values: values as Array<number> | Array<bigint> }
}

/**
 * The vector restricted to rows below `limit`.
 * @example
 * below({ rows: [0, 3, 7], values: [1, 1, 1] }, 5).rows // [0, 3]
 * @category privacy
 */
export const below = (v: Sparse, limit: number): Sparse => {
  let k = v.rows.length
  while (k > 0 && v.rows[k - 1]! >= limit) k--
  return { rows: v.rows.slice(0, k), values: v.values.slice(0, k) as Array<number> | Array<bigint> }
}
