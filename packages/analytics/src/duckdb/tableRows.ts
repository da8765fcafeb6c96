// A whole table of the schema read back from DuckDB as an arquero table:
// the schema's columns, quoted, in its order; whole numbers DuckDB returns as
// bigint become plain numbers. For the small tables a report reads directly.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { record } from "../internal/expr.js"
import { AnalyticsError } from "../internal/text.js"
import { duckdb as q } from "../query/dialect.js"
import { plain } from "../query/finish.js"
import { columnsOf, type TableName, tableNames } from "../query/Schema.js"

/** The SELECT reading every column of the schema's table (only a table of the schema). */
export const selectAll = (table: TableName): string => {
  if (!tableNames.includes(table))
    throw new AnalyticsError({
      nb: `DuckDB: ${JSON.stringify(String(table)).slice(0, 40)} er ingen tabell i skjemaet`,
      en: `DuckDB: ${JSON.stringify(String(table)).slice(0, 40)} is no table of the schema`,
    })
  return `SELECT ${columnsOf(table)
    .map(([c]) => q.quote(c))
    .join(", ")} FROM ${q.quote(table)}`
}

/** The rows DuckDB gave for `selectAll(table)`, as an arquero table. */
export const tableOf = (table: TableName, columns: Readonly<Record<string, ArrayLike<unknown>>>): ColumnTable =>
  aq.table(record(columnsOf(table).map(([c]) => [c, Array.from(columns[c] ?? [], plain)] as const)))
