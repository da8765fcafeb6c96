/**
 * The activity report with its indicators computed on DuckDB: every
 * (indicator, grouping) the report reads is run as SQL first, then the same
 * builder as `buildReport` publishes them (the same suppression) and writes
 * the same outputs. For years too large for arquero, or a folder of tables.
 *
 * @module
 */
import { Calendar, type Dataset, type Policy } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import { evidenceGroupings } from "../evaluation/evidence.js"
import { guard } from "../internal/boundary.js"
import { pairKey } from "../internal/groupings.js"
import { reportFromTables, tablesFor } from "../internal/reportBuild.js"
import { type Checked, checkReportOptions } from "../internal/reportOptions.js"
import { reportGroupings, reportResults } from "../internal/reportResults.js"
import type { Options, Report } from "../internal/reportTypes.js"
import { withResults } from "../internal/resultSource.js"
import { AnalyticsError } from "../internal/text.js"
import { innerGroupings } from "../privacy/Publication.js"
import type { Period, Tables } from "../tables/types.js"
import { readArrow } from "./arrow.js"
import { type Engine, type Format, open } from "./Engine.js"
import { folderTables } from "./folderTables.js"
import { reading } from "./reading.js"
import { runPairs } from "./runPairs.js"

/** Options of the engine a report opens. */
export interface EngineOptions {
  /** DuckDB's worker threads (default: one per core). */
  readonly threads?: number
}

/**
 * The report of the tables an engine holds (loaded or attached). `tables`
 * gives what the report reads besides indicators (the period, the policy,
 * offerings, departments, feedback themes); every indicator table comes from
 * the engine. Two rounds: the tables the report and its plan show, then the
 * finer groupings the suppression counts inner cells by, found from those.
 */
export const reportOnEngine = async (engine: Engine, tables: Tables, checked: Checked): Promise<Report> => {
  const computed = new Map<string, ColumnTable>()
  const withDuckDb = withResults(tables, (indicator, by) => computed.get(pairKey(indicator, by)))
  await runPairs(engine, [...reportGroupings(), ...evidenceGroupings], computed)
  const { results } = reportResults(withDuckDb)
  await runPairs(
    engine,
    innerGroupings(results).map((g) => ({ ...g, margins: false })),
    computed,
  )
  return reportFromTables(withDuckDb, checked)
}

/**
 * Builds the report of a municipality-year as `buildReport` does, with its
 * indicators computed on DuckDB: the year's tables go into DuckDB through
 * the appender. The published tables, their suppression and the outputs are
 * those of `buildReport` on the same year (the tests compare them).
 * @example
 * const report = await DuckDbReport.build(year, { policy, lang: "en" })
 * console.log(report.summary)
 * @category outputs
 */
export const build = guard(
  "DuckDbReport.build",
  {
    nb: "et kommuneår (et Dataset fra core), valgene til buildReport og eventuelt { threads? }",
    en: "a municipality-year (a core Dataset), the options of buildReport and optionally { threads? }",
  },
  async (dataset: Dataset.Dataset, options: Options, engineOptions: EngineOptions = {}): Promise<Report> => {
    const checked = checkReportOptions("DuckDbReport.build", dataset, options)
    const tables = tablesFor(dataset, checked)
    const engine = await open(engineOptions)
    try {
      await engine.loadTables(tables)
      return await reportOnEngine(engine, tables, checked)
    } finally {
      engine.close()
    }
  },
)

/**
 * Options of {@link fromFolder}: those of `buildReport` with the `year`
 * required (a folder may hold several), no `capacity` (the folder's
 * `offerings/` holds it), and the files' `format` (default parquet).
 * @category models
 */
export interface FolderOptions extends Omit<Options, "capacity" | "year"> {
  readonly year: number
  readonly format?: FolderFormat
}

/**
 * The formats of a folder of tables: Parquet and CSV, which DuckDB reads
 * file by file, and Arrow IPC (`<table>/data.arrow`), which is read into
 * memory and loaded through the appender (DuckDB reads Arrow IPC only with an
 * extension it would have to download).
 * @category models
 */
export type FolderFormat = Format | "arrow"

// The Arrow layout's tables, read into memory, with the period and policy `loadTables` reads besides.
const arrowTables = (folder: string, period: Period, policy: Policy.Policy): Tables => ({
  ...readArrow(folder),
  period,
  days: { from: Calendar.dayNumber(period.from), to: Calendar.dayNumber(period.to) },
  policy,
})

/**
 * Builds the report of one year of a folder of tables (the layout
 * `aktivitet-report export` and `DuckDb.writeTables` write, docs/scale.md):
 * DuckDB reads Parquet and CSV files for every indicator without loading the
 * records into memory; Arrow IPC files are read into memory and loaded. Offerings and departments are named from the catalogue; an
 * offering the catalogue does not know is shown by its id.
 * @example
 * const report = await DuckDbReport.fromFolder("data/sandnes", { policy, year: 2024 })
 * @category outputs
 */
export const fromFolder = guard(
  "DuckDbReport.fromFolder",
  {
    nb: "en mappe med tabeller (docs/scale.md), { policy, year, format?, … } som buildReport og eventuelt { threads? }",
    en: "a folder of tables (docs/scale.md), { policy, year, format?, … } as buildReport and optionally { threads? }",
  },
  async (folder: string, options: FolderOptions, engineOptions: EngineOptions = {}): Promise<Report> => {
    const name = "DuckDbReport.fromFolder"
    const { format, ...rest } = options
    if (rest.year === undefined)
      throw new AnalyticsError({
        nb: `${name}: options.year mangler; en mappe kan ha flere år`,
        en: `${name}: options.year is missing; a folder may hold several years`,
      })
    if (Object.hasOwn(rest, "capacity"))
      throw new AnalyticsError({
        nb: `${name}: options.capacity brukes ikke; kapasiteten står i mappens offerings/`,
        en: `${name}: options.capacity is not used; the capacity is in the folder's offerings/`,
      })
    if (format !== undefined && format !== "parquet" && format !== "csv" && format !== "arrow")
      throw new AnalyticsError({
        nb: `${name}: options.format må være parquet, csv eller arrow`,
        en: `${name}: options.format must be parquet, csv or arrow`,
      })
    const checked = checkReportOptions(name, undefined, rest)
    const engine = await open(engineOptions)
    try {
      const period = { from: `${checked.year}-01-01`, to: `${checked.year}-12-31` }
      if (format === "arrow") await engine.loadTables(arrowTables(folder, period, checked.options.policy))
      else
        await reading(engine.attach(folder, { period, ...(format === undefined ? {} : { format }) }), {
          nb: "mappens tabeller",
          en: "the folder's tables",
        })
      const tables = await folderTables(engine, checked.year, checked.options.policy)
      return await reportOnEngine(engine, tables, checked)
    } finally {
      engine.close()
    }
  },
)
