// Aggregates per group over typed arrays, with arquero's meaning: only valid
// values (not null, undefined or NaN) are summed, counted as valid or
// compared; a sum, minimum or maximum of no valid value is undefined; a
// distinct count counts the distinct valid values and one more when any
// value is missing.
import { type Coded, isValid } from "./codes.js"
import type { Groups } from "./groups.js"

/** The aggregates a kernel computes. */
export type Aggregate =
  | { readonly op: "count" }
  | { readonly op: "sum" | "valid" | "min" | "max"; readonly column: string }
  | { readonly op: "distinct"; readonly column: string }
  | { readonly op: "quantile"; readonly column: string; readonly p: number }
  /** `op.sum(d.column * d.times)`: the sum of the valid products. */
  | { readonly op: "sumProduct"; readonly column: string; readonly times: string }
  /** `op.sum(d.column > value ? 1 : 0)` (`countAtLeast`: `>=`): the rows whose value passes. */
  | { readonly op: "countAbove" | "countAtLeast"; readonly column: string; readonly value: number }
  /** `op.sum(d.column) / op.valid(d.column)`: the mean as SQL's AVG gives it (NaN for no valid value). */
  | { readonly op: "mean"; readonly column: string }

/** Rows per group. */
export const count = (g: Groups): Float64Array => {
  const out = new Float64Array(g.size)
  const of = g.of
  for (let i = 0; i < of.length; i++) {
    const k = of[i]!
    if (k >= 0) out[k]!++
  }
  return out
}

/** Sum, valid count, minimum or maximum of a column of numbers per group. */
export const numeric = (
  g: Groups,
  op: "sum" | "valid" | "min" | "max",
  values: ArrayLike<unknown>,
): Array<number | undefined> => {
  const of = g.of
  if (op === "sum" && isTypedNumbers(values)) return typedSum(g, values)
  const valid = new Float64Array(g.size)
  const acc = new Float64Array(g.size)
  const typed = ArrayBuffer.isView(values)
  for (let i = 0; i < of.length; i++) {
    const k = of[i]!
    if (k < 0) continue
    const v = values[i]
    if (typed ? Number.isNaN(v) : !isValid(v)) continue
    const x = +(v as number)
    if (op === "sum") acc[k]! += x
    else if (valid[k] === 0 || (op === "min" ? x < acc[k]! : x > acc[k]!)) acc[k] = x
    valid[k]!++
  }
  return Array.from(acc, (a, k) => (op === "valid" ? valid[k]! : valid[k]! > 0 ? a : undefined))
}

const isTypedNumbers = (values: ArrayLike<unknown>): values is ArrayLike<number> =>
  ArrayBuffer.isView(values) && !(values instanceof BigInt64Array || values instanceof BigUint64Array)

// A sum over a typed array of numbers, where NaN is the only missing value: the loop most rollups run.
const typedSum = (g: Groups, values: ArrayLike<number>): Array<number | undefined> => {
  const of = g.of
  const valid = new Float64Array(g.size)
  const acc = new Float64Array(g.size)
  for (let i = 0; i < of.length; i++) {
    const k = of[i]!
    if (k < 0) continue
    const v = values[i]!
    if (Number.isNaN(v)) continue
    acc[k]! += v
    valid[k]!++
  }
  return Array.from(acc, (a, k) => (valid[k]! > 0 ? a : undefined))
}

/**
 * A sum over integers, which are never missing, and the rows per group it
 * passed on the way (the sum is undefined for a group without rows).
 */
export const sumAndCount = (
  g: Groups,
  values: ArrayLike<number>,
): { readonly sums: Array<number | undefined>; readonly rows: Float64Array } => {
  const of = g.of
  const rows = new Float64Array(g.size)
  const acc = new Float64Array(g.size)
  for (let i = 0; i < of.length; i++) {
    const k = of[i]!
    if (k < 0) continue
    acc[k]! += values[i]!
    rows[k]!++
  }
  return { sums: Array.from(acc, (a, k) => (rows[k]! > 0 ? a : undefined)), rows }
}

// Group × value pairs up to this many are marked in a bitset; beyond, rows are
// bucketed by group and each group's values stamped.
const BITSET = 2 ** 27

/** Distinct values of an integer-coded column per group. */
export const distinct = (g: Groups, column: Coded): Float64Array => {
  const { of, size } = g
  const { codes, size: V } = column
  const out = new Float64Array(size)
  const missing = new Uint8Array(size)
  if (size * V <= BITSET && column.allValid) {
    // The common case, every value valid: no check per row.
    const bits = new Uint32Array(Math.ceil((size * V) / 32))
    for (let i = 0; i < of.length; i++) {
      const k = of[i]!
      if (k < 0) continue
      const bit = k * V + codes[i]!
      const word = bit >>> 5
      const mask = 1 << (bit & 31)
      if ((bits[word]! & mask) === 0) {
        bits[word]! |= mask
        out[k]!++
      }
    }
    return out
  }
  // Which codes stand for a valid value (every one, for integer codes).
  const validCode = new Uint8Array(V)
  if (column.allValid) validCode.fill(1)
  else for (let k = 0; k < V; k++) validCode[k] = column.valid(k) ? 1 : 0
  if (size * V <= BITSET) {
    const bits = new Uint32Array(Math.ceil((size * V) / 32))
    for (let i = 0; i < of.length; i++) {
      const k = of[i]!
      if (k < 0) continue
      const v = codes[i]!
      if (validCode[v] === 0) {
        missing[k] = 1
        continue
      }
      const bit = k * V + v
      const word = bit >>> 5
      const mask = 1 << (bit & 31)
      if ((bits[word]! & mask) === 0) {
        bits[word]! |= mask
        out[k]!++
      }
    }
  } else {
    // Bucket the rows by group (a counting sort), then stamp each value with its group.
    const start = new Int32Array(size + 1)
    for (let i = 0; i < of.length; i++) if (of[i]! >= 0) start[of[i]! + 1]!++
    for (let k = 0; k < size; k++) start[k + 1]! += start[k]!
    const next = start.slice(0, size)
    const rows = new Int32Array(start[size]!)
    for (let i = 0; i < of.length; i++) if (of[i]! >= 0) rows[next[of[i]!]!++] = i
    const stamp = new Int32Array(V).fill(-1)
    for (let k = 0; k < size; k++) {
      for (let r = start[k]!; r < start[k + 1]!; r++) {
        const v = codes[rows[r]!]!
        if (validCode[v] === 0) missing[k] = 1
        else if (stamp[v] !== k) {
          stamp[v] = k
          out[k]!++
        }
      }
    }
  }
  for (let k = 0; k < size; k++) out[k]! += missing[k]!
  return out
}

/**
 * The `p` quantile of a column of numbers per group, as arquero's `quantile`
 * (and `median`, p = 0.5) gives it: the valid values sorted, linear
 * interpolation between the two nearest ranks; undefined for no value.
 */
export const quantile = (g: Groups, values: ArrayLike<unknown>, p: number): Array<number | undefined> => {
  const { of, size } = g
  const typed = ArrayBuffer.isView(values)
  const ok = (v: unknown) => (typed ? !Number.isNaN(v) : isValid(v))
  // Bucket the valid values by group, then sort each bucket.
  const start = new Int32Array(size + 1)
  for (let i = 0; i < of.length; i++) if (of[i]! >= 0 && ok(values[i])) start[of[i]! + 1]!++
  for (let k = 0; k < size; k++) start[k + 1]! += start[k]!
  const next = start.slice(0, size)
  const sorted = new Float64Array(start[size]!)
  for (let i = 0; i < of.length; i++) if (of[i]! >= 0 && ok(values[i])) sorted[next[of[i]!]!++] = +(values[i] as number)
  const out: Array<number | undefined> = new Array(size)
  for (let k = 0; k < size; k++) {
    const bucket = sorted.subarray(start[k]!, start[k + 1]!).sort()
    const n = bucket.length
    if (n === 0) out[k] = undefined
    else if (p <= 0 || n < 2) out[k] = bucket[0]
    else if (p >= 1) out[k] = bucket[n - 1]
    else {
      const i = (n - 1) * p
      const i0 = Math.floor(i)
      out[k] = bucket[i0]! + (bucket[i0 + 1]! - bucket[i0]!) * (i - i0)
    }
  }
  return out
}

/** The sum of `a × b` per group over the rows whose product is valid; undefined for none. */
export const sumProduct = (g: Groups, a: ArrayLike<unknown>, b: ArrayLike<unknown>): Array<number | undefined> => {
  const of = g.of
  const valid = new Uint8Array(g.size)
  const acc = new Float64Array(g.size)
  for (let i = 0; i < of.length; i++) {
    const k = of[i]!
    if (k < 0) continue
    // The product as the expression computes it: null counts as 0, undefined gives NaN.
    const x = (a[i] as number) * (b[i] as number)
    if (Number.isNaN(x)) continue
    acc[k]! += x
    valid[k] = 1
  }
  return Array.from(acc, (s, k) => (valid[k] === 1 ? s : undefined))
}

/**
 * The rows per group whose value is above `value` (or, `orEqual`, at least
 * it), compared as JavaScript compares (a null is 0, undefined never
 * passes); undefined for a group without rows, whose sum is empty.
 */
export const countPassing = (
  g: Groups,
  values: ArrayLike<unknown>,
  value: number,
  orEqual: boolean,
  rows: Float64Array,
): Array<number | undefined> => {
  const of = g.of
  const out = new Float64Array(g.size)
  for (let i = 0; i < of.length; i++) {
    const k = of[i]!
    if (k < 0) continue
    const v = values[i] as number
    if (orEqual ? v >= value : v > value) out[k]!++
  }
  return Array.from(out, (c, k) => (rows[k]! > 0 ? c : undefined))
}

/** The sum over the valid count per group: NaN where no value is valid, as `undefined / 0` is. */
export const mean = (g: Groups, values: ArrayLike<unknown>): Array<number> => {
  // One pass for both, adding as numeric's sum adds.
  const of = g.of
  const valid = new Float64Array(g.size)
  const acc = new Float64Array(g.size)
  for (let i = 0; i < of.length; i++) {
    const k = of[i]!
    if (k < 0) continue
    const v = values[i]
    if (!isValid(v)) continue
    acc[k]! += +(v as number)
    valid[k]!++
  }
  return Array.from(acc, (s, k) => (valid[k]! > 0 ? s / valid[k]! : Number.NaN))
}
