/**
 * The pieces every hand-written SQL query is built from: day numbers written
 * in, fixed texts of the model, group keys with a missing value named
 * "(unknown)", and rates. Names go through the dialect's `quote`; nothing
 * else is ever written in.
 *
 * @module
 */
import { type Dimension, UNKNOWN } from "../../Dimension.js"
import { literalPattern } from "../check.js"
import type { Dialect } from "../dialect.js"

/** A day number as SQL text; anything but a whole number is refused. */
export const day = (n: number): string => {
  if (!Number.isInteger(n)) throw new TypeError("a day number must be a whole number")
  return String(n)
}

/** A fixed text of the model (an offering slug, a contribution form) as an SQL literal; checked again before it is written in. */
export const fixedText = (value: string): string => {
  if (!literalPattern.test(value)) throw new TypeError("not a fixed text")
  return `'${value}'`
}

/** The group key of each dimension, read from `column(d)` (a quoted name or expression), as text with a missing value "(unknown)". */
export const groupKeys = (
  by: ReadonlyArray<Dimension>,
  q: Dialect,
  column: (d: Dimension) => string = q.quote,
): Array<string> => by.map((d) => `COALESCE(CAST(${column(d)} AS ${q.type("text")}), '${UNKNOWN}')`)

/** The SELECT list's keys, each named as its dimension. */
const keyColumns = (by: ReadonlyArray<Dimension>, keys: ReadonlyArray<string>, q: Dialect): Array<string> =>
  keys.map((k, i) => `${k} AS ${q.quote(by[i]!)}`)

/** `GROUP BY` the keys, or nothing without dimensions (one row). */
const groupBy = (keys: ReadonlyArray<string>): Array<string> => (keys.length > 0 ? [`GROUP BY ${keys.join(", ")}`] : [])

/** A SELECT of the keys named as their dimensions and the measures, from a table's rows meeting `where`, grouped by the keys. */
export const groupedSelect = (
  by: ReadonlyArray<Dimension>,
  keys: ReadonlyArray<string>,
  q: Dialect,
  measures: ReadonlyArray<string>,
  from: string,
  where: ReadonlyArray<string> = [],
): Array<string> => [
  `SELECT ${[...keyColumns(by, keys, q), ...measures].join(", ")}`,
  `FROM ${q.quote(from)}${where.length > 0 ? ` WHERE ${where.join(" AND ")}` : ""}`,
  ...groupBy(keys),
]

/** A count as BIGINT on every engine. */
export const bigint = (e: string): string => `CAST(${e} AS BIGINT)`

/** numerator / denominator as a double, missing when the denominator is not above 0. */
export const rate = (q: Dialect, numerator: string, denominator: string): string =>
  `CASE WHEN ${denominator} > 0 THEN CAST(${numerator} AS ${q.type("double")}) / ${denominator} ELSE NULL END`

/** The median and a quantile of a day count, as doubles. */
export const daysStatistic = (q: Dialect, column: string, p: number | "median"): string => {
  const days = `CAST(${column} AS ${q.type("double")})`
  return `CAST(${p === "median" ? q.median(days) : q.quantile(days, p)} AS ${q.type("double")})`
}
