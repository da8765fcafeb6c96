// Postgres in the tests: PGlite (Postgres 18 in WebAssembly, in process).
// Loads the schema's tables with parameterized INSERTs (values never become
// SQL text) and runs compiled queries, bringing results to the canonical shape.
import type { PGlite } from "@electric-sql/pglite"
import type { ColumnTable } from "arquero"
import { canonical, type Dimension } from "../../src/Dimension.js"
import { postgres as q } from "../../src/query/dialect.js"
import { finish } from "../../src/query/finish.js"
import { type HandWritten, handWrittenSql } from "../../src/query/HandWritten.js"
import type { Query } from "../../src/query/Query.js"
import { columnsOf, columnValues, rowCount, tableNames } from "../../src/query/Schema.js"
import { toSql } from "../../src/query/sql.js"
import type { Tables } from "../../src/Tables.js"

const BATCH = 500

export const loadPostgres = async (db: PGlite, tables: Tables): Promise<void> => {
  for (const table of tableNames) {
    const columns = columnsOf(table)
    await db.exec(
      `DROP TABLE IF EXISTS ${q.quote(table)}; CREATE TABLE ${q.quote(table)} (${columns.map(([c, t]) => `${q.quote(c)} ${q.type(t)}`).join(", ")})`,
    )
    const values = columnValues(tables, table)
    const rows = rowCount(tables, table)
    for (let start = 0; start < rows; start += BATCH) {
      const end = Math.min(rows, start + BATCH)
      const params: Array<unknown> = []
      const tuples: Array<string> = []
      for (let r = start; r < end; r++) {
        tuples.push(`(${columns.map(([c]) => `$${params.push(values[c]![r])}`).join(", ")})`)
      }
      await db.query(`INSERT INTO ${q.quote(table)} VALUES ${tuples.join(", ")}`, params)
    }
  }
}

export const runPostgres = async (
  db: PGlite,
  query: Query | HandWritten,
  by: ReadonlyArray<Dimension>,
  tables: Tables,
): Promise<ColumnTable> => {
  const result = await db.query<Record<string, unknown>>(
    "sql" in query ? handWrittenSql(query, by, tables.days, q) : toSql(query, by, tables.days, q),
  )
  const columns = Object.fromEntries(result.fields.map((f) => [f.name, result.rows.map((r) => r[f.name])]))
  return finish(query, canonical(by), columns)
}
