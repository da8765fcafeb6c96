// The one shape every engine's result is brought to, so that arquero, DuckDB
// and Postgres results compare cell by cell and read like Indicator.compute's
// tables: the dimension columns then the output columns, rows sorted by the
// dimensions with arquero's own ordering, a missing dimension value as
// "(unknown)", any other missing value (undefined, NaN) as null, and whole
// numbers an SQL engine returns as bigint or text as plain numbers.

import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { type Dimension, UNKNOWN } from "../Dimension.js"
import { record } from "../internal/expr.js"
import type { Query } from "./Query.js"

/** A value as an engine returned it, as arquero holds it: bigint as a number, undefined and NaN as null. */
export const plain = (v: unknown): unknown => {
  if (typeof v === "bigint") return Number(v)
  if (v === undefined || (typeof v === "number" && Number.isNaN(v))) return null
  return v
}

/** A column's values as plain JavaScript values, from an arquero table or a column object. */
type Columns = ColumnTable | Readonly<Record<string, ArrayLike<unknown>>>

const valuesOf = (source: Columns, column: string): ArrayLike<unknown> =>
  typeof (source as ColumnTable).array === "function"
    ? ((source as ColumnTable).array(column) as ArrayLike<unknown>)
    : (source as Record<string, ArrayLike<unknown>>)[column]!

/** Brings a result to the canonical shape; `by` is in canonical order. */
export const finish = (query: Pick<Query, "output">, by: ReadonlyArray<Dimension>, source: Columns): ColumnTable => {
  const columns = [...by, ...query.output]
  const table = aq.table(
    record(
      columns.map((c) => {
        const isDimension = (by as ReadonlyArray<string>).includes(c)
        const values = Array.from(valuesOf(source, c), (v) => {
          const x = plain(v)
          return isDimension ? (x === null ? UNKNOWN : String(x)) : x
        })
        return [c, values] as const
      }),
    ),
  )
  return by.length > 0 ? table.orderby(...by) : table
}
