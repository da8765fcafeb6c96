/**
 * `@aktivitetsmodell/analytics/duckdb` — the described indicators on DuckDB,
 * for data a municipality-year in arquero is too small for: a county, the
 * country, several years. Node only; needs the optional peer dependency
 * `@duckdb/node-api`. Tables come from a `Dataset` (through the appender) or
 * from a folder of Parquet or CSV files, laid out as `docs/scale.md`
 * describes; results have the shape of the arquero path. `DuckDbReport`
 * builds the whole report with its indicators computed on DuckDB: the same
 * suppression and outputs as `buildReport`; `DuckDbIndicators` computes one
 * indicator, with its totals, as `Indicator.compute` gives it.
 *
 * @example
 * import { DuckDb, Query } from "@aktivitetsmodell/analytics/duckdb"
 * const engine = await DuckDb.open()
 * await engine.attach("data/2024", { period: { from: "2024-01-01", to: "2024-12-31" } })
 * const table = await engine.run(Query.definitions.participation, ["offering", "month"])
 * engine.close()
 * const report = await DuckDbReport.fromFolder("data/2024", { policy, year: 2024 })
 *
 * @module
 */

export * as Query from "../query/index.js"
export * as DuckDb from "./Engine.js"
export * as DuckDbIndicators from "./Indicators.js"
export * as DuckDbReport from "./Report.js"
