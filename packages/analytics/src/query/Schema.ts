/**
 * The tables and columns a query may read: the whitelist every name of a
 * description is checked against, and the column types an SQL engine stores
 * them as. They are the columns of `Tables` (see Tables.ts), with dictionary
 * columns written out as text.
 *
 * @module
 */
import type { Tables } from "../tables/types.js"

/**
 * A column's type: whole numbers, floating-point numbers or text.
 * @category models
 */
export type ColumnType = "integer" | "double" | "text"

/** Dimension columns repeated on every dated table. */
const dated = {
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
export const columnsOf = (table: TableName): ReadonlyArray<readonly [string, ColumnType]> =>
  Object.entries(tables[table]) as Array<[string, ColumnType]>

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
 * A table's whitelisted columns from `Tables`, as plain arrays (dictionary
 * columns written out, missing values null), for loading into an SQL engine.
 * @example
 * Schema.columnValues(tables, "extensions").day
 * @category constructors
 */
export const columnValues = (
  source: Pick<Tables, TableName>,
  table: TableName,
): Record<string, Array<number | string | null>> => {
  const t = source[table]
  const out = Object.create(null) as Record<string, Array<number | string | null>>
  for (const [column] of columnsOf(table))
    out[column] = Array.from(t.array(column) as ArrayLike<number | string | null | undefined>, (v) => v ?? null)
  return out
}
