// DuckDB and Postgres (PGlite) for one test file: opened before its tests and
// closed after them, loaded with the same tables, and each run's result
// compared with the table arquero gives.
import { PGlite } from "@electric-sql/pglite"
import type { ColumnTable } from "arquero"
import { afterAll, beforeAll } from "vitest"
import type { Engine } from "../../src/duckdb/Engine.js"
import { DuckDb } from "../../src/duckdb/index.js"
import type { Dimension, Tables } from "../../src/index.js"
import type { HandWritten, Query } from "../../src/query/index.js"
import { sameTable } from "./compare.js"
import { loadPostgres, runPostgres } from "./postgres.js"

export interface SqlEngines {
  /** The DuckDB engine, for what a test asks of it alone. */
  readonly duckdb: () => Engine
  /** Loads the same tables into both engines. */
  readonly load: (tables: Tables.Tables) => Promise<void>
  /** Asserts that both engines give `expected` for the query grouped by `by`; `what` names the case. */
  readonly agree: (
    query: Query | HandWritten,
    by: ReadonlyArray<Dimension.Dimension>,
    tables: Tables.Tables,
    expected: ColumnTable,
    what: string,
  ) => Promise<void>
}

export const sqlEngines = (): SqlEngines => {
  let pg: PGlite
  let duck: Engine
  beforeAll(async () => {
    pg = await PGlite.create()
    duck = await DuckDb.open({ threads: 1 })
  })
  afterAll(async () => {
    duck?.close()
    await pg?.close()
  })
  return {
    duckdb: () => duck,
    load: async (tables) => {
      await duck.loadTables(tables)
      await loadPostgres(pg, tables)
    },
    agree: async (query, by, tables, expected, what) => {
      sameTable(await duck.run(query, by), expected, by, `DuckDB: ${what}`)
      sameTable(await runPostgres(pg, query, by, tables), expected, by, `Postgres: ${what}`)
    },
  }
}
