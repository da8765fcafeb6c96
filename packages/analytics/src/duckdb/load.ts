// Loads the whitelisted columns of `Tables` into DuckDB tables through the
// appender, a data chunk of up to 2,048 rows at a time. Names come from the
// schema and are quoted; values travel as typed vectors, never as SQL text.
import { DOUBLE, type DuckDBConnection, DuckDBDataChunk, type DuckDBType, INTEGER, VARCHAR } from "@duckdb/node-api"
import { duckdb as q } from "../query/dialect.js"
import {
  type ColumnType,
  columnsOf,
  columnValues,
  rowCount,
  type Source,
  type TableName,
  tableNames,
} from "../query/Schema.js"

const CHUNK = 2048
const types: Record<ColumnType, DuckDBType> = { integer: INTEGER, double: DOUBLE, text: VARCHAR }

/** `CREATE OR REPLACE TABLE` for one table of the schema, with its typed columns. */
export const createTable = (table: TableName): string =>
  `CREATE OR REPLACE TABLE ${q.quote(table)} (${columnsOf(table)
    .map(([c, t]) => `${q.quote(c)} ${q.type(t)}`)
    .join(", ")})`

/** Replaces the DuckDB tables of the schema with the tables' rows. */
export const loadTables = async (connection: DuckDBConnection, tables: Source): Promise<void> => {
  for (const table of tableNames) {
    await connection.run(createTable(table))
    const columns = columnsOf(table)
    const values = columnValues(tables, table)
    const rows = rowCount(tables, table)
    const appender = await connection.createAppender(table)
    try {
      for (let start = 0; start < rows; start += CHUNK) {
        const end = Math.min(rows, start + CHUNK)
        const chunk = DuckDBDataChunk.create(
          columns.map(([, t]) => types[t]),
          end - start,
        )
        chunk.setColumns(columns.map(([c]) => values[c]!.slice(start, end)))
        appender.appendDataChunk(chunk)
      }
      appender.flushSync()
    } finally {
      appender.closeSync()
    }
  }
}
