/**
 * A DuckDB engine for the indicators: it holds a DuckDB database in memory,
 * takes a municipality-year's tables through the appender or reads them from
 * Parquet or CSV files, and runs query descriptions compiled to SQL and the
 * hand-written SQL of the others (`Query.handWritten`). Results have the
 * shape of the arquero path (`Query.toArquero`, `Indicator.compute`).
 *
 * @module
 */

import type { Dataset } from "@aktivitetsmodell/core"
import { Calendar } from "@aktivitetsmodell/core"
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api"
import type { ColumnTable } from "arquero"
import { canonical, type Dimension } from "../Dimension.js"
import { guard } from "../internal/boundary.js"
import { AnalyticsError } from "../internal/text.js"
import { duckdb as dialect } from "../query/dialect.js"
import { finish } from "../query/finish.js"
import { type HandWritten, handWrittenSql } from "../query/HandWritten.js"
import type { Days, Query } from "../query/Query.js"
import { type TableName, tableNames } from "../query/Schema.js"
import { toSql } from "../query/sql.js"
import { fromDataset, type Period, type Tables } from "../Tables.js"
import { copyTo, type Format, viewOver } from "./files.js"
import { loadTables } from "./load.js"
import { selectAll, tableOf } from "./tableRows.js"

export type { Format } from "./files.js"

/** The options `Tables.fromDataset` takes, whatever they are. */
type TableOptions = Parameters<typeof fromDataset>[1]

/**
 * An open DuckDB engine. Load tables (`loadTables`, `loadDataset`) or attach
 * files (`attach`) before `run`; `close` when done.
 * @category models
 */
export interface Engine {
  /** The period queries are run for, as day numbers; set by loading or attaching. */
  readonly days: () => Days | undefined
  /** Replaces the engine's tables with these (through the appender); their period becomes the engine's. */
  readonly loadTables: (tables: Tables) => Promise<void>
  /** `loadTables(Tables.fromDataset(dataset, options))`. */
  readonly loadDataset: (dataset: Dataset.Dataset, options: TableOptions) => Promise<void>
  /** Reads the tables from a folder in the layout `write` makes (views: the files are read by each query). */
  readonly attach: (folder: string, options: { readonly period: Period; readonly format?: Format }) => Promise<void>
  /** Writes the engine's tables to a folder: Parquet partitioned by year (default) or CSV. */
  readonly write: (folder: string, options?: { readonly format?: Format }) => Promise<void>
  /**
   * Runs a described indicator grouped by `by` (the table `Query.toArquero`
   * gives), or a hand-written one (the table of its indicator's `compute`).
   */
  readonly run: (query: Query | HandWritten, by: ReadonlyArray<Dimension>) => Promise<ColumnTable>
  /** The SQL text `run` sends. */
  readonly sql: (query: Query | HandWritten, by: ReadonlyArray<Dimension>) => string
  /** A whole table of the schema as an arquero table, with the schema's columns (for the small ones: offerings, feedback, parameters). */
  readonly table: (name: TableName) => Promise<ColumnTable>
  readonly close: () => void
}

const notLoaded = (): never => {
  throw new AnalyticsError({
    nb: "DuckDB: ingen tabeller er lastet; bruk loadTables, loadDataset eller attach først",
    en: "DuckDB: no tables are loaded; use loadTables, loadDataset or attach first",
  })
}

/**
 * Opens a DuckDB engine with a database in memory. `threads` limits DuckDB's
 * worker threads (default: DuckDB's own, one per core).
 * @example
 * const engine = await DuckDb.open()
 * await engine.loadDataset(year, { policy })
 * const table = await engine.run(Query.definitions.attendanceRate, ["offering"])
 * engine.close()
 * @category constructors
 */
export const open = guard(
  "DuckDb.open",
  { nb: "{ threads? }", en: "{ threads? }" },
  async (options: { readonly threads?: number } = {}): Promise<Engine> => {
    const instance = await DuckDBInstance.create(
      ":memory:",
      options.threads === undefined ? {} : { threads: String(options.threads) },
    )
    const connection: DuckDBConnection = await instance.connect()
    let days: Days | undefined
    // What the schema's names are now: DuckDB replaces a table by a table and
    // a view by a view, but not one by the other, so the old kind is dropped first.
    let holds: "tables" | "views" | undefined
    const dropAll = async (kind: "tables" | "views") => {
      if (holds === kind)
        for (const table of tableNames)
          await connection.run(`DROP ${kind === "tables" ? "TABLE" : "VIEW"} IF EXISTS ${dialect.quote(table)}`)
    }
    const sql = (query: Query | HandWritten, by: ReadonlyArray<Dimension>) =>
      "sql" in query
        ? handWrittenSql(query, by, days ?? notLoaded(), dialect)
        : toSql(query, by, days ?? notLoaded(), dialect)
    const engine: Engine = {
      days: () => days,
      loadTables: async (tables) => {
        await dropAll("views")
        await loadTables(connection, tables)
        holds = "tables"
        days = tables.days
      },
      loadDataset: async (dataset, tableOptions) => engine.loadTables(fromDataset(dataset, tableOptions)),
      attach: async (folder, o) => {
        const from = Calendar.dayNumber(o.period.from)
        const to = Calendar.dayNumber(o.period.to)
        if (!Number.isFinite(from) || !Number.isFinite(to))
          throw new AnalyticsError({
            nb: "DuckDB: perioden må være to ISO-datoer",
            en: "DuckDB: the period must be two ISO dates",
          })
        await dropAll("tables")
        for (const table of tableNames) await connection.run(viewOver(table, folder, o.format ?? "parquet"))
        holds = "views"
        days = { from, to }
      },
      write: async (folder, o = {}) => {
        if (days === undefined) notLoaded()
        for (const table of tableNames) await connection.run(copyTo(table, folder, o.format ?? "parquet"))
      },
      run: async (query, by) => {
        const reader = await connection.runAndReadAll(sql(query, by))
        return finish(query, canonical(by), reader.getColumnsObjectJS())
      },
      sql,
      table: async (name) => {
        const reader = await connection.runAndReadAll(selectAll(name))
        return tableOf(name, reader.getColumnsObjectJS())
      },
      close: () => {
        connection.closeSync()
        instance.closeSync()
      },
    }
    return engine
  },
)

/**
 * Writes the tables of a municipality-year to a folder of Parquet files (or
 * CSV): the layout `docs/scale.md` describes, which `attach` reads back.
 * @example
 * await DuckDb.writeTables(Tables.fromDataset(year, { policy }), "out/2024")
 * @category constructors
 */
export const writeTables = guard(
  "DuckDb.writeTables",
  {
    nb: "tabeller fra Tables.fromDataset, en mappe og { format? } (parquet eller csv)",
    en: "tables from Tables.fromDataset, a folder and { format? } (parquet or csv)",
  },
  async (tables: Tables, folder: string, options: { readonly format?: Format } = {}): Promise<void> => {
    const engine = await open()
    try {
      await engine.loadTables(tables)
      await engine.write(folder, options)
    } finally {
      engine.close()
    }
  },
)
