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

// Group × value pairs up to this many are marked in a bitset; beyond, rows are
// bucketed by group and each group's values stamped.
const BITSET = 2 ** 27

/** Distinct values of an integer-coded column per group. */
export const distinct = (g: Groups, column: Coded): Float64Array => {
  const { of, size } = g
  const { codes, size: V } = column
  const out = new Float64Array(size)
  const validCode = Uint8Array.from({ length: V }, (_, k) => (column.valid(k) ? 1 : 0))
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
  } else if (size * V <= BITSET) {
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
