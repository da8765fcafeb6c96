/**
 * An engine-neutral description of how an indicator is computed: plain data
 * that compiles to arquero (`toArquero`) and to SQL text (`toSql`). It says
 * which tables are read, which rows count (period and fixed conditions), the
 * measures rolled up per group, and the columns derived from them. Groups of
 * the parts are joined on the dimensions, keeping groups found in any part,
 * and count-like measures of a group no part has rows for are 0.
 *
 * Every name in a description is one of the package's own column names
 * (checked against `Schema.tables`); no value from the records or a caller
 * ever becomes a name or a piece of expression text.
 *
 * @module
 */
import type { Dimension } from "../Dimension.js"
import type { TableName } from "./Schema.js"

/**
 * A fixed value in a condition: a finite number or a short fixed text of the
 * model (`"SRS"`, `"treatment"`, `"yes"`), letters, digits and dashes only.
 * @category models
 */
export type Literal = number | string

/**
 * A comparison operator, the same in arquero and SQL.
 * @category models
 */
export type Operator = "=" | "<>" | "<" | "<=" | ">" | ">="

/**
 * Which rows count:
 * - `inPeriod` — the day number in `column` lies within the period (inclusive);
 *   a missing day never does
 * - `compare` — `column` compared to a fixed value; a missing value never matches
 * - `in` — the value of `column` occurs in column `key` of table `table` (an
 *   enrollment that has an extension)
 * - `present` — `column` has a value (an enrollment reported to KPR)
 * @example
 * const srs: Query.Condition = { kind: "compare", column: "instrument", op: "=", value: "SRS" }
 * @category models
 */
export type Condition =
  | { readonly kind: "inPeriod"; readonly column: string }
  | { readonly kind: "compare"; readonly column: string; readonly op: Operator; readonly value: Literal }
  | { readonly kind: "in"; readonly column: string; readonly table: TableName; readonly key: string }
  | { readonly kind: "present"; readonly column: string }

/**
 * A measure rolled up per group. Count-like ones (`count`, `countIf`,
 * `countDistinct`, `countValid`, `sum`) are 0 for a group without rows;
 * `mean` and `median` are then missing. `countDistinct` is for columns
 * without missing values (citizen codes).
 * @example
 * const m: Query.Aggregate = { kind: "countDistinct", as: "citizens", column: "citizen" }
 * @category models
 */
export type Aggregate =
  | { readonly kind: "count"; readonly as: string }
  | { readonly kind: "countIf"; readonly as: string; readonly where: ReadonlyArray<Condition> }
  | { readonly kind: "countDistinct"; readonly as: string; readonly column: string }
  | { readonly kind: "countValid"; readonly as: string; readonly column: string }
  | { readonly kind: "sum"; readonly as: string; readonly column: string }
  | { readonly kind: "mean"; readonly as: string; readonly column: string }
  | { readonly kind: "median"; readonly as: string; readonly column: string }

/**
 * Keeps only the last row of each `partition` by `order` (the largest
 * `order`), judged over the whole table before any condition applies.
 * @category models
 */
export interface Latest {
  readonly partition: string
  readonly order: string
}

/**
 * A measure of one entity (a citizen) within a group: its number of rows, or
 * the value of `column` on its first or last row by `order` (a column whose
 * values are unique, such as the tables' `order`).
 * @category models
 */
export type EntityAggregate =
  | { readonly kind: "count"; readonly as: string }
  | { readonly kind: "first" | "last"; readonly as: string; readonly column: string; readonly order: string }

/**
 * A step per entity before the group's measures: the rows are rolled up per
 * group and `column` (one row per citizen, say), `derived` columns are added,
 * and only the entities meeting `having` are kept. The part's `aggregates`
 * then count and average these entity rows and read their columns.
 * @category models
 */
export interface PerEntity {
  readonly column: string
  readonly aggregates: ReadonlyArray<EntityAggregate>
  readonly derived: ReadonlyArray<Derived>
  readonly having: ReadonlyArray<Condition>
}

/**
 * One table read: its rows that meet every condition of `where`, grouped by
 * the requested dimensions and rolled up. `columns` names the table's column
 * for a dimension when it is not the dimension's own name (`month` →
 * `closedMonth`). With `per`, the rows are rolled up per entity first.
 * @category models
 */
export interface Part {
  readonly from: TableName
  readonly latest?: Latest
  readonly where: ReadonlyArray<Condition>
  readonly columns?: Readonly<Partial<Record<Dimension, string>>>
  readonly per?: PerEntity
  readonly aggregates: ReadonlyArray<Aggregate>
}

/**
 * A column computed from measures of the same row:
 * - `ratio` — numerator / denominator, missing when the denominator is not above 0
 * - `difference` — `from` minus each of `minus`
 * @category models
 */
export type Derived =
  | { readonly kind: "ratio"; readonly as: string; readonly numerator: string; readonly denominator: string }
  | { readonly kind: "difference"; readonly as: string; readonly from: string; readonly minus: ReadonlyArray<string> }

/**
 * The description of one indicator: the dimensions it may be grouped by, its
 * parts, its derived columns and the order of its output columns (after the
 * dimensions).
 * @example
 * Query.definitions.attendanceRate.parts[0]?.from // "attendance"
 * @category models
 */
export interface Query {
  readonly id: string
  readonly dimensions: ReadonlyArray<Dimension>
  readonly parts: ReadonlyArray<Part>
  readonly derived: ReadonlyArray<Derived>
  readonly output: ReadonlyArray<string>
}

/**
 * The period a query is run for, as day numbers (days since 1970-01-01,
 * inclusive), as `Tables.days` gives them.
 * @category models
 */
export interface Days {
  readonly from: number
  readonly to: number
}

/** The conditions of a part, its own and those of its `countIf` measures. */
export const conditionsOf = (part: Part): ReadonlyArray<Condition> => [
  ...part.where,
  ...part.aggregates.flatMap((a) => (a.kind === "countIf" ? a.where : [])),
]

/** Whether an aggregate is a count or sum, so that a group without rows has 0. */
export const isCountLike = (a: Aggregate): boolean => a.kind !== "mean" && a.kind !== "median"
