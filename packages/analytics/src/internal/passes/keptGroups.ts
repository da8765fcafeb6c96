// The start and end every fused counting pass shares: the rollup's grouping
// of a table's rows with -1 for each row a condition drops, then the result
// table in the rollup's shape (groups without a kept row dropped after a
// condition, as arquero drops them when a filter follows the grouping).
import type { ColumnTable } from "arquero"
import type { Where } from "../kernel/where.js"
import { type Grouping, groupedTable, groupingOf, shownGroups } from "./grouping.js"
import { keptOf } from "./keptOf.js"

/** Each kept row's group, -1 for a row the condition drops. */
export interface KeptGroups {
  readonly grouping: Grouping
  readonly of: Int32Array
  readonly filtered: boolean
}

/** The groups of `keys` over the kept rows, or undefined when a column is not of a kind the kernel reads. */
export const keptGroups = (table: ColumnTable, keys: ReadonlyArray<string>, where: Where): KeptGroups | undefined => {
  const grouping = groupingOf(table, keys)
  if (grouping === undefined) return undefined
  if (where.length === 0) return { grouping, of: grouping.groups.of, filtered: false }
  // A copy: a dictionary key's groups are its codes themselves.
  const of = keptOf(table, where, grouping.groups.of)
  return of === undefined ? undefined : { grouping, of, filtered: true }
}

/** The rollup's table: the key columns named `names`, then the measures (one value per group). */
export const keptTable = (
  { grouping, filtered }: KeptGroups,
  names: ReadonlyArray<string>,
  rows: ArrayLike<number>,
  measures: ReadonlyArray<readonly [string, ArrayLike<unknown>]>,
): ColumnTable => groupedTable(grouping, names, shownGroups(grouping, filtered, rows), measures)

/** Whole numbers in a typed array: never missing, so a sum needs no check per row. */
export type Whole = Uint8Array | Int32Array | Uint32Array | Uint16Array | Int16Array | Int8Array

export const isWhole = (u: unknown): u is Whole =>
  u instanceof Uint8Array ||
  u instanceof Int32Array ||
  u instanceof Uint32Array ||
  u instanceof Uint16Array ||
  u instanceof Int16Array ||
  u instanceof Int8Array
