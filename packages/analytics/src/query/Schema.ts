/**
 * The tables and columns a query may read: the whitelist every name of a
 * description is checked against, and the column types an SQL engine stores
 * them as. They are the columns of `Tables` (see Tables.ts), with dictionary
 * columns written out as text, and `parameters`: the numbers of `Tables` that
 * are no table, as one row. No name or other text a person wrote (an
 * offering's or a department's name) is among them.
 *
 * @module
 */
import { guard } from "../internal/boundary.js"
import { AnalyticsError } from "../internal/text.js"
import type { Tables } from "../tables/types.js"

/**
 * A column's type: whole numbers, floating-point numbers or text.
 * @category models
 */
export type ColumnType = "integer" | "double" | "text"

/** Dimension columns repeated on every dated table. */
const dated = {
  municipality: "text",
  offering: "text",
  category: "text",
  department: "text",
  day: "integer",
  month: "text",
  year: "text",
} as const

/**
 * The tables queries read and each one's columns, in a fixed order (the
 * order in which they are loaded and written to Parquet).
 * @example
 * Schema.tables.attendance.present // "integer"
 * @category models
 */
export const tables = {
  attendance: { enrollment: "integer", citizen: "integer", ...dated, present: "integer", noShow: "integer" },
  sessions: { ...dated, students: "integer", volunteers: "integer" },
  enrollments: {
    municipality: "text",
    enrollment: "integer",
    citizen: "integer",
    offering: "text",
    category: "text",
    department: "text",
    kprService: "text",
    kprIncomplete: "integer",
    start: "integer",
    startMonth: "text",
    startYear: "text",
    stop: "integer",
    closed: "integer",
    closedMonth: "text",
    closedYear: "text",
    status: "text",
    completed: "integer",
    hasCompletion: "integer",
    referralDay: "integer",
  },
  extensions: { enrollment: "integer", day: "integer" },
  goalEvaluations: { enrollment: "integer", ...dated, order: "double", goalReached: "text" },
  transitions: { citizen: "integer", enrollment: "integer", ...dated },
  fitScores: {
    citizen: "integer",
    ...dated,
    order: "double",
    instrument: "text",
    total: "double",
    srsAlert: "integer",
    orsClinical: "integer",
    reliableChange: "double",
  },
  feedback: { source: "text", ...dated, rating: "integer", theme: "text" },
  offerings: { municipality: "text", offering: "text", capacity: "integer" },
  departments: { municipality: "text", department: "text" },
  contributions: {
    municipality: "text",
    department: "text",
    from: "integer",
    to: "integer",
    share: "double",
    form: "text",
  },
  parameters: { requiredContributionPercent: "double" },
} as const satisfies Record<string, Record<string, ColumnType>>

/**
 * The name of a table a query may read.
 * @category models
 */
export type TableName = keyof typeof tables

/**
 * The tables that are written to Parquet partitioned by year (they carry the
 * `year` of each record's date); the others are written as one file each.
 * @category models
 */
export const partitionedByYear: ReadonlyArray<TableName> = [
  "attendance",
  "sessions",
  "goalEvaluations",
  "transitions",
  "fitScores",
  "feedback",
]

/**
 * Every table name, in a fixed order.
 * @category models
 */
export const tableNames = Object.keys(tables) as ReadonlyArray<TableName>

/**
 * A table's columns and their types, in order.
 * @example
 * Schema.columnsOf("extensions") // [["enrollment", "integer"], ["day", "integer"]]
 * @category models
 */
export const columnsOf = (table: TableName): ReadonlyArray<readonly [string, ColumnType]> => {
  requireTableName(table)
  return Object.entries(tables[table]) as Array<[string, ColumnType]>
}

// Own keys only: "constructor" is no table.
const requireTableName = (table: unknown): void => {
  if (typeof table !== "string" || !Object.hasOwn(tables, table))
    throw new AnalyticsError({
      nb: `tabellen må være en av ${Object.keys(tables).join(", ")}`,
      en: `the table must be one of ${Object.keys(tables).join(", ")}`,
    })
}

/**
 * The type of a column of a table, or undefined when the table has no such
 * column (own keys only: `"constructor"` is no column).
 * @category predicates
 */
export const typeOf = (table: string, column: string): ColumnType | undefined => {
  if (!Object.hasOwn(tables, table)) return undefined
  const columns = tables[table as TableName] as Record<string, ColumnType>
  return Object.hasOwn(columns, column) ? columns[column] : undefined
}

/**
 * What the schema's tables are read from: the tables of `Tables`, and the
 * numbers that make up `parameters`.
 * @category models
 */
export type Source = Pick<Tables, Exclude<TableName, "parameters"> | "requiredContributionPercent">

/**
 * A table's whitelisted columns from `Tables`, as plain arrays of equal
 * length (dictionary columns written out, missing values null), for loading
 * into an SQL engine. `parameters` is one row.
 * @example
 * Schema.columnValues(tables, "extensions").day
 * @category constructors
 */
export const columnValues = guard(
  "Query.Schema.columnValues",
  { nb: "tabellene fra Tables og et tabellnavn", en: "the tables from Tables and a table name" },
  (source: Source, table: TableName): Record<string, Array<number | string | null>> => {
    requireTableName(table)
    return columnValuesOf(source, table)
  },
)

const columnValuesOf = (source: Source, table: TableName): Record<string, Array<number | string | null>> => {
  const out = Object.create(null) as Record<string, Array<number | string | null>>
  if (table === "parameters") {
    out.requiredContributionPercent = [source.requiredContributionPercent]
    return out
  }
  const t = source[table]
  for (const [column] of columnsOf(table))
    out[column] = Array.from(t.array(column) as ArrayLike<number | string | null | undefined>, (v) => v ?? null)
  return out
}

/**
 * The number of rows `columnValues` gives for a table.
 * @category constructors
 */
export const rowCount = guard(
  "Query.Schema.rowCount",
  { nb: "tabellene fra Tables og et tabellnavn", en: "the tables from Tables and a table name" },
  (source: Source, table: TableName): number => {
    requireTableName(table)
    return table === "parameters" ? 1 : source[table].numRows()
  },
)
