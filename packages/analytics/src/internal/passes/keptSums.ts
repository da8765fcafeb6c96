// Rows and the sum of a whole-number column per group, over the rows a
// condition keeps, in one pass: what rollupBy(table, by, { count, sum(c) },
// { where }) gives, without the mask, grouping and sum passes one after
// another.
import type { ColumnTable } from "arquero"
import type { Where } from "../kernel/where.js"
import { groupingOf } from "./grouping.js"
import { isWhole, keptGroups, keptTable, type Whole } from "./keptGroups.js"
import { type ByCode, type Range, splitConditions } from "./keptOf.js"

/**
 * Per group of `by` (read from the columns `keys`) over the rows where
 * `where` holds: the rows (named `rows`) and the sum of `column` (named
 * `sum`; 0 for a group without rows, as the counts are zero-filled);
 * undefined when a column is not of a kind this pass reads.
 */
export const keptSums = (
  table: ColumnTable,
  by: ReadonlyArray<string>,
  keys: ReadonlyArray<string>,
  where: Where,
  column: string,
  names: { readonly rows: string; readonly sum: string },
): ColumnTable | undefined => {
  const values = table.column(column) as unknown
  if (!isWhole(values)) return undefined
  // A dictionary condition and a range, the reported enrollments' shape: judged in the one pass.
  const split = splitConditions(table, where)
  if (split.byCode !== undefined && split.range !== undefined && split.rest.length === 0) {
    const grouping = groupingOf(table, keys)
    if (grouping === undefined) return undefined
    const size = grouping.groups.size
    const rows = new Float64Array(size)
    const sums = new Float64Array(size)
    judgedPass(grouping.groups.of, split.byCode, split.range, values, rows, sums)
    return keptTable({ grouping, of: grouping.groups.of, filtered: true }, by, rows, [
      [names.rows, rows],
      [names.sum, sums],
    ])
  }
  const kept = keptGroups(table, keys, where)
  if (kept === undefined) return undefined
  const size = kept.grouping.groups.size
  const rows = new Float64Array(size)
  const sums = new Float64Array(size)
  pass(kept.of, values, rows, sums)
  return keptTable(kept, by, rows, [
    [names.rows, rows],
    [names.sum, sums],
  ])
}

// The loop in a function of its own, optimised on its own.
const pass = (of: Int32Array, values: Whole, rows: Float64Array, sums: Float64Array): void => {
  for (let i = 0; i < of.length; i++) {
    const g = of[i]!
    if (g < 0) continue
    rows[g]!++
    sums[g]! += values[i]!
  }
}

const judgedPass = (
  of: Int32Array,
  { codes, pass }: ByCode,
  { values: days, from, to }: Range,
  values: Whole,
  rows: Float64Array,
  sums: Float64Array,
): void => {
  for (let i = 0; i < of.length; i++) {
    const d = days[i]!
    if (pass[codes[i]!] === 0 || !(d >= from && d <= to)) continue
    const g = of[i]!
    rows[g]!++
    sums[g]! += values[i]!
  }
}
