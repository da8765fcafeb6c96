// Rows to dense group numbers from integer-coded key columns, in the order
// arquero gives its groups: by one pre-grouped dictionary column, the
// dictionary's order (every value a group, rows or not, unless a filter
// drops empty ones); otherwise the order of first appearance over all rows.
// Groups no kept row falls in are dropped, as arquero regroups a filtered
// table.
import type { Coded } from "./codes.js"

/** Each row's group (-1 for a row the mask leaves out), and the key codes of each group. */
export interface Groups {
  readonly of: Int32Array
  readonly size: number
  /** keyCodes[k][g]: the code of key k in group g. */
  readonly keyCodes: ReadonlyArray<Int32Array>
  /** The first row of each group, whose values the group shows; none in dictionary order. */
  readonly firstRow: Int32Array | undefined
}

// Combined keys up to this many get a dense lookup array; beyond, a Map.
const DENSE = 2 ** 22

/**
 * Groups the rows by `keys`. `dictionaryOrder` is arquero's pre-grouped case
 * (one dictionary column): groups follow the codes.
 */
export const groupRows = (
  n: number,
  keys: ReadonlyArray<Coded>,
  keep: Uint8Array | undefined,
  dictionaryOrder: boolean,
): Groups => {
  const of = new Int32Array(n)
  let size: number
  let firstRow: Int32Array | undefined
  if (keys.length === 0) {
    size = 1
    firstRow = new Int32Array(1)
  } else if (keys.length === 1 && dictionaryOrder) {
    const codes = keys[0]!.codes
    size = keys[0]!.size
    for (let i = 0; i < n; i++) of[i] = codes[i]!
    firstRow = undefined
  } else {
    // Mixed-radix key per row, then dense numbers in order of first appearance.
    let span = 1
    for (const k of keys) span *= Math.max(1, k.size)
    const first: Array<number> = []
    if (span <= DENSE) {
      const index = new Int32Array(span).fill(-1)
      for (let i = 0; i < n; i++) {
        let key = 0
        for (let k = 0; k < keys.length; k++) key = key * keys[k]!.size + keys[k]!.codes[i]!
        let g = index[key]!
        if (g < 0) {
          g = index[key] = first.length
          first.push(i)
        }
        of[i] = g
      }
    } else {
      const index = new Map<number, number>()
      for (let i = 0; i < n; i++) {
        let key = 0
        for (let k = 0; k < keys.length; k++) key = key * keys[k]!.size + keys[k]!.codes[i]!
        let g = index.get(key)
        if (g === undefined) {
          g = first.length
          index.set(key, g)
          first.push(i)
        }
        of[i] = g
      }
    }
    size = first.length
    firstRow = Int32Array.from(first)
  }
  // Group g's key codes: from its first row, or the code itself in dictionary order.
  const rows = firstRow
  const keyCodes = keys.map((k) =>
    rows === undefined ? Int32Array.from({ length: size }, (_, g) => g) : Int32Array.from(rows, (row) => k.codes[row]!),
  )
  if (keep === undefined) return { of, size, keyCodes, firstRow }
  return dropEmpty({ of, size, keyCodes, firstRow }, keep)
}

// Leaves out the rows the mask drops and the groups left without rows, keeping the groups' order.
const dropEmpty = ({ of, size, keyCodes, firstRow }: Groups, keep: Uint8Array): Groups => {
  const n = of.length
  const seen = new Uint8Array(size)
  for (let i = 0; i < n; i++) if (keep[i] === 1) seen[of[i]!] = 1
  const renumber = new Int32Array(size)
  let m = 0
  for (let g = 0; g < size; g++) renumber[g] = seen[g] === 1 ? m++ : -1
  for (let i = 0; i < n; i++) of[i] = keep[i] === 1 ? renumber[of[i]!]! : -1
  // Without keys the single group stays, rows or not, as arquero's ungrouped rollup gives one row.
  if (keyCodes.length === 0) return { of, size: 1, keyCodes, firstRow }
  const keptOf = (codes: Int32Array) => {
    const out = new Int32Array(m)
    for (let g = 0; g < size; g++) if (renumber[g]! >= 0) out[renumber[g]!] = codes[g]!
    return out
  }
  return {
    of,
    size: m,
    keyCodes: keyCodes.map(keptOf),
    firstRow: firstRow === undefined ? undefined : keptOf(firstRow),
  }
}
