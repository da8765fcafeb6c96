// The Parquet (and CSV) layout of a dataset's tables, and the SQL that
// writes and reads it. A folder is the only caller-supplied text that reaches
// SQL: it is refused if it holds a control character or one DuckDB would read
// as a pattern, and written as a string literal with quotes doubled.
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { AnalyticsError } from "../internal/text.js"
import { duckdb as q } from "../query/dialect.js"
import { columnsOf, partitionedByYear, type TableName } from "../query/Schema.js"

/**
 * The file formats a dataset's tables are written to and read from.
 * @category models
 */
export type Format = "parquet" | "csv"

/** The caller's folder, refused when DuckDB would read part of it as a pattern. */
export const checkFolder = (folder: unknown): string => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class exists to refuse control characters (U+0000–U+001F) in a folder name
  if (typeof folder !== "string" || folder.length === 0 || /[\u0000-\u001f*?[\]{}]/u.test(folder)) {
    throw new AnalyticsError({
      nb: "En mappe for tabellfiler kan ikke inneholde kontrolltegn eller * ? [ ] { }",
      en: "A folder of table files cannot hold control characters or * ? [ ] { }",
    })
  }
  return folder
}

/** A path (a checked folder and our own file names) as an SQL string literal. */
const pathLiteral = (path: string): string => `'${path.replaceAll("'", "''")}'`

/**
 * The folder levels a table is written in (Parquet only), outermost first:
 * `year=YYYY` for the dated tables, then `municipality=NNNN` for every table
 * with a municipality column. A missing municipality is DuckDB's
 * `__HIVE_DEFAULT_PARTITION__`, read back as missing.
 */
export const partitionsOf = (table: TableName, format: Format): ReadonlyArray<"year" | "municipality"> =>
  format !== "parquet"
    ? []
    : [
        ...(partitionedByYear.includes(table) ? (["year"] as const) : []),
        ...(columnsOf(table).some(([c]) => c === "municipality") ? (["municipality"] as const) : []),
      ]

/**
 * The COPY statement writing one table under `folder`: Parquet tables as
 * `<table>/year=YYYY/municipality=NNNN/data_0.parquet` (the levels of
 * `partitionsOf`), a table with neither as `<table>/data.parquet`; CSV as
 * `<table>/data.csv` with a header.
 */
export const copyTo = (table: TableName, folder: string, format: Format): string => {
  const dir = join(checkFolder(folder), table)
  mkdirSync(dir, { recursive: true })
  const levels = partitionsOf(table, format)
  if (levels.length > 0)
    return `COPY ${q.quote(table)} TO ${pathLiteral(dir)} (FORMAT parquet, PARTITION_BY (${levels.map(q.quote).join(", ")}), OVERWRITE_OR_IGNORE true)`
  return format === "parquet"
    ? `COPY ${q.quote(table)} TO ${pathLiteral(join(dir, "data.parquet"))} (FORMAT parquet)`
    : `COPY ${q.quote(table)} TO ${pathLiteral(join(dir, "data.csv"))} (FORMAT csv, HEADER true)`
}

/**
 * A view over one table's files under `folder` with exactly the schema's
 * columns, each cast to its type: extra columns in the files are not read.
 */
export const viewOver = (table: TableName, folder: string, format: Format): string => {
  const dir = join(checkFolder(folder), table)
  const columns = columnsOf(table).map(([c, t]) => `CAST(${q.quote(c)} AS ${q.type(t)}) AS ${q.quote(c)}`)
  const levels = partitionsOf(table, format)
  // Partition values are read as text: a municipality number keeps its leading zero.
  const types = levels.map((l) => `'${l}': VARCHAR`).join(", ")
  const source =
    format === "csv"
      ? `read_csv(${pathLiteral(join(dir, "*.csv"))}, header = true, all_varchar = true)`
      : levels.length > 0
        ? `read_parquet(${pathLiteral(join(dir, ...levels.map(() => "*"), "*.parquet"))}, hive_partitioning = true, hive_types = {${types}})`
        : `read_parquet(${pathLiteral(join(dir, "*.parquet"))})`
  return `CREATE OR REPLACE VIEW ${q.quote(table)} AS SELECT ${columns.join(", ")} FROM ${source}`
}
