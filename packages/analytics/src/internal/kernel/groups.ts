// Rows to dense group numbers from integer-coded key columns, in the order
// arquero gives its groups: by one pre-grouped dictionary column, the
// dictionary's order (every value a group, rows or not, unless a filter
// drops empty ones); otherwise the order of first appearance over all rows.
// Groups no kept row falls in are dropped, as arquero regroups a filtered
// table.
import type { Coded } from "./codes.js"

/**
 * Each row's group (-1 for a row the mask leaves out), the key codes of each
 * group, and whether groups without a kept row are to be dropped from the
 * output (arquero drops them when a filter follows the grouping).
 */
export interface Groups {
  readonly of: Int32Array
  readonly size: number
  /** keyCodes[k][g]: the code of key k in group g. */
  readonly keyCodes: ReadonlyArray<Int32Array>
  /** The first row of each group, whose values the group shows; none in dictionary order. */
  readonly firstRow: Int32Array | undefined
  readonly dropEmpty: boolean
  /** The kept rows of each group, where the grouping counted them on the way. */
  readonly rows?: Float64Array
}

// Combined keys up to this many get a dense lookup array; beyond, a Map.
const DENSE = 2 ** 22

/**
 * Groups the rows by `keys`. `dictionaryOrder` is arquero's pre-grouped case
 * (one dictionary column): groups follow the codes. Groups are numbered over
 * all rows, as arquero groups before it filters; the rows `keep` leaves out
 * get -1.
 */
export const groupRows = (
  n: number,
  keys: ReadonlyArray<Coded>,
  keep: Uint8Array | undefined,
  dictionaryOrder: boolean,
): Groups => {
  const dropEmpty = keep !== undefined && keys.length > 0
  if (keys.length === 1 && dictionaryOrder) {
    const codes = keys[0]!.codes
    const size = keys[0]!.size
    const keyCodes = [Int32Array.from({ length: size }, (_, g) => g)]
    // Without a mask the codes are the groups as they stand.
    if (keep === undefined) return { of: codes, size, keyCodes, firstRow: undefined, dropEmpty }
    const of = new Int32Array(n)
    const rows = new Float64Array(size)
    for (let i = 0; i < n; i++) {
      if (keep[i] === 1) {
        const k = codes[i]!
        of[i] = k
        rows[k]!++
      } else of[i] = -1
    }
    return { of, size, keyCodes, firstRow: undefined, dropEmpty, rows }
  }
  const of = new Int32Array(n)
  if (keys.length === 0) {
    if (keep !== undefined) for (let i = 0; i < n; i++) of[i] = keep[i] === 1 ? 0 : -1
    return { of, size: 1, keyCodes: [], firstRow: new Int32Array(1), dropEmpty }
  }
  // Mixed-radix key per row, then dense numbers in order of first appearance.
  let span = 1
  for (const k of keys) span *= Math.max(1, k.size)
  const first: Array<number> = []
  const dense = span <= DENSE ? new Int32Array(span).fill(-1) : undefined
  const sparse = dense === undefined ? new Map<number, number>() : undefined
  for (let i = 0; i < n; i++) {
    let key = 0
    for (let k = 0; k < keys.length; k++) key = key * keys[k]!.size + keys[k]!.codes[i]!
    let g = dense !== undefined ? dense[key]! : (sparse!.get(key) ?? -1)
    if (g < 0) {
      g = first.length
      if (dense !== undefined) dense[key] = g
      else sparse!.set(key, g)
      first.push(i)
    }
    of[i] = keep === undefined || keep[i] === 1 ? g : -1
  }
  const firstRow = Int32Array.from(first)
  const keyCodes = keys.map((k) => Int32Array.from(firstRow, (row) => k.codes[row]!))
  return { of, size: first.length, keyCodes, firstRow, dropEmpty }
}
