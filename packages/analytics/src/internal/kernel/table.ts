// A table from named columns, built the cheap way: arquero reads a Map's
// entries directly, where an object made with record() (no prototype, so
// slow properties) is first listed with Object.entries. arquero copies the
// names into a plain object, where "__proto__" would set the prototype: names
// that are not plain identifiers go the record() way.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { isColumnName, record } from "../expr.js"

/** The table of `columns` in their order. */
export const tableOf = (columns: ReadonlyArray<readonly [string, ArrayLike<unknown>]>): ColumnTable =>
  columns.every(([name]) => isColumnName(name))
    ? aq.table(new Map(columns as ReadonlyArray<[string, ArrayLike<unknown>]>))
    : aq.table(record(columns))
