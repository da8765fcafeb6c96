// The grouping the rollup kernel makes of a table (kernel/groups.ts), for
// indicators that aggregate in one pass of their own: each row's group in
// the rollup's order, and the result table in the rollup's shape (the key
// columns under the dimensions' names, then the measures), so a fused pass
// gives what rollupBy gives, row for row.
import type { ColumnTable } from "arquero"
import { DictionaryColumn } from "../DictionaryColumn.js"
import { type Coded, codedOf } from "../kernel/codes.js"
import { type Groups, groupRows } from "../kernel/groups.js"
import { pick } from "../kernel/read.js"
import { tableOf } from "../kernel/table.js"

/** The groups of a table's rows by integer-coded key columns. */
export interface Grouping {
  readonly coded: ReadonlyArray<Coded>
  readonly groups: Groups
}

/**
 * The rows of `table` grouped by the columns `keys`, numbered as the rollup
 * kernel numbers them (over all rows, before any filter), or undefined when
 * the table is filtered or ordered or a key column is not integer-coded.
 */
export const groupingOf = (table: ColumnTable, keys: ReadonlyArray<string>): Grouping | undefined => {
  if (table.isFiltered() || table.isOrdered()) return undefined
  const columns = keys.map((k) => table.column(k) as unknown)
  const coded: Array<Coded> = []
  for (const c of columns) {
    const k = codedOf(c)
    if (k === undefined) return undefined
    coded.push(k)
  }
  const dictionaryOrder = keys.length === 1 && columns[0] instanceof DictionaryColumn
  return { coded, groups: groupRows(table.numRows(), coded, undefined, dictionaryOrder) }
}

/**
 * The groups a rollup shows: after a filter (and with keys), only those with
 * a kept row, in order; undefined for all of them.
 */
export const shownGroups = (grouping: Grouping, filtered: boolean, kept: ArrayLike<number>): Int32Array | undefined => {
  if (!filtered || grouping.coded.length === 0) return undefined
  const shown = new Int32Array(grouping.groups.size)
  let m = 0
  for (let g = 0; g < grouping.groups.size; g++) if (kept[g]! > 0) shown[m++] = g
  return shown.subarray(0, m)
}

/**
 * The rollup's table: one column per key, named `names`, holding each shown
 * group's value, then the measures (one value per group, shown or not).
 */
export const groupedTable = (
  grouping: Grouping,
  names: ReadonlyArray<string>,
  shown: Int32Array | undefined,
  measures: ReadonlyArray<readonly [string, ArrayLike<unknown>]>,
): ColumnTable => {
  const { coded, groups } = grouping
  const rows = groups.firstRow
  const keys = coded.map((c, k) => {
    const values =
      rows === undefined
        ? pick(groups.keyCodes[k]!, shown).map((code) => c.value(code))
        : pick(rows, shown).map((row) => c.at(row))
    return [names[k]!, values] as const
  })
  return tableOf([...keys, ...measures.map(([name, values]) => [name, pick(values, shown)] as const)])
}
