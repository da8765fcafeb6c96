// The few table moves every indicator makes: group by the requested
// dimensions (mapped to the source table's own column names), filter, roll up,
// join partial results on the dimensions, and derive rates.
import * as aq from "arquero"
import type { ColumnTable } from "arquero"
import type { Dimension } from "../Dimension.js"
import { AnalyticsError, bi } from "./text.js"

/** Which column of a source table holds a dimension, when not the dimension's own name. */
export type ColumnMap = Partial<Record<string, string>>

/** Rollup values as arquero takes them: column name → aggregate expression. */
export type Values = Record<string, unknown>

/**
 * Groups by `by`, keeps the rows matching `filter`, and rolls up `values`.
 *
 * The filter comes after `groupby` on purpose: arquero keeps the grouping of
 * a filtered table by re-indexing it, so dictionary columns stay pre-grouped
 * (filtering first would make it hash every remaining row again).
 */
export const rollupBy = (
  table: ColumnTable,
  by: ReadonlyArray<string>,
  values: Values,
  options: { readonly columns?: ColumnMap; readonly filter?: string } = {}
): ColumnTable => {
  const columns = options.columns ?? {}
  const keys = by.map((d) => columns[d] ?? d)
  let t = keys.length > 0 ? table.groupby(...keys) : table
  if (options.filter !== undefined) t = t.filter(options.filter)
  const out = t.rollup(values as Record<string, string>)
  const renames: Record<string, string> = {}
  by.forEach((d, i) => {
    if (keys[i] !== d) renames[keys[i]!] = d
  })
  return Object.keys(renames).length > 0 ? out.rename(renames) : out
}

/**
 * Joins two partial results on the dimensions, keeping groups found in
 * either (a full outer join); with no dimensions both are single rows.
 */
export const joinBy = (left: ColumnTable, right: ColumnTable, by: ReadonlyArray<string>): ColumnTable => {
  if (by.length === 0) return left.assign(right)
  const keys = [...by]
  return left.join_full(right, [keys, keys])
}

/** Replaces missing values of count columns by 0: no rows means a count of zero. */
export const zeroFill = (table: ColumnTable, columns: ReadonlyArray<string>): ColumnTable =>
  table.derive(Object.fromEntries(columns.map((c) => [c, `d => d[${JSON.stringify(c)}] == null ? 0 : d[${JSON.stringify(c)}]`])))

/** Derives `name` = numerator / denominator, or null when the denominator is 0. */
export const withRate = (table: ColumnTable, name: string, numerator: string, denominator: string): ColumnTable =>
  table.derive({
    [name]: `d => d[${JSON.stringify(denominator)}] > 0 ? d[${JSON.stringify(numerator)}] / d[${JSON.stringify(denominator)}] : null`
  })

/** An arquero expression that is true for day numbers within `from`–`to`. */
export const dayWithin = (column: string, from: number, to: number): string =>
  `d[${JSON.stringify(column)}] != null && d[${JSON.stringify(column)}] >= ${from} && d[${JSON.stringify(column)}] <= ${to}`

/** Combines boolean arquero expressions with `&&`. */
export const all = (...conditions: ReadonlyArray<string>): string => `d => ${conditions.map((c) => `(${c})`).join(" && ")}`

/** Escapes a JavaScript value as an arquero expression literal. */
export const literal = (value: string | number): string => JSON.stringify(value)

/** Throws when an indicator is asked for a dimension it does not have. */
export const checkDimensions = (id: string, allowed: ReadonlyArray<Dimension>, by: ReadonlyArray<Dimension>): void => {
  const bad = by.filter((d) => !allowed.includes(d))
  if (bad.length > 0) {
    throw new AnalyticsError(
      bi(
        `Indikatoren ${id} kan ikke grupperes etter ${bad.join(", ")}; tillatt: ${allowed.join(", ")}`,
        `Indicator ${id} cannot be grouped by ${bad.join(", ")}; allowed: ${allowed.join(", ")}`
      )
    )
  }
}

/** An empty table with the given columns, for indicators over no records. */
export const emptyTable = (columns: ReadonlyArray<string>): ColumnTable =>
  aq.table(Object.fromEntries(columns.map((c) => [c, [] as Array<unknown>])))
