// The few table moves every indicator makes: group by the requested
// dimensions (mapped to the source table's own column names), filter, roll up,
// join partial results on the dimensions, and derive rates. Expressions are
// built from the package's own column names and numbers only (see expr.ts).
import type { ColumnTable } from "arquero"
import { type Dimension, UNKNOWN } from "../Dimension.js"
import { own } from "./checks.js"
import { record } from "./expr.js"
import { aggregateText, isAggregate } from "./kernel/aggregates.js"
import type { Aggregate } from "./kernel/reduce.js"
import { aggregateOf, rollup } from "./kernel/rollup.js"
import { type Condition, conditionText, expression, type Where } from "./kernel/where.js"
import { AnalyticsError } from "./text.js"

/** Which column of a source table holds a dimension, when not the dimension's own name. */
export type ColumnMap = Partial<Record<string, string>>

// The column that carries `rows` into arquero when the kernel cannot run.
const KEPT = "keptRow"

/** Rollup values: column name → an arquero aggregate expression or op, or an aggregate as data (kernel/aggregates.ts). */
export type Values = Record<string, unknown>

/**
 * Groups by `by`, keeps the rows where `where` holds and `rows` has a 1 (or,
 * for a condition neither can state, the rows matching the arquero
 * expression `filter`), and rolls up `values`.
 *
 * Integer-coded keys with aggregates the kernel knows (count, sum, valid,
 * min, max, distinct, median or quantile of a plain column) and a
 * structured `where` run in
 * typed-array passes (kernel/rollup.ts), which give what arquero gives, row
 * for row. Anything else runs arquero, filtering after `groupby` on purpose:
 * arquero keeps the grouping of a filtered table by re-indexing it, so
 * dictionary columns stay pre-grouped (filtering first would make it hash
 * every remaining row again).
 */
export const rollupBy = (
  table: ColumnTable,
  by: ReadonlyArray<string>,
  values: Values,
  options: {
    readonly columns?: ColumnMap
    readonly where?: Where
    readonly rows?: Uint8Array
    readonly filter?: string
  } = {},
): ColumnTable => {
  const columns = options.columns ?? {}
  const keys = by.map((d) => (own(columns, d) as string | undefined) ?? d)
  const renames = record(by.flatMap((d, i) => (keys[i] !== d ? [[keys[i]!, d] as const] : [])))
  const rename = (out: ColumnTable) => (Object.keys(renames).length > 0 ? out.rename(renames) : out)
  const entries = Object.entries(values)
  const aggregates = entries.map(([name, v]) => [name, aggregateOf(v)] as const)
  if (options.filter === undefined && aggregates.every(([, a]) => a !== undefined)) {
    const known = aggregates as ReadonlyArray<readonly [string, Aggregate]>
    const fast = rollup(table, keys, known, options.where, options.rows)
    if (fast !== undefined) return rename(fast)
  }
  // arquero: the kept rows as a column of the package's own name, then one filter.
  const where: Where = [
    ...(options.where ?? []),
    ...(options.rows === undefined ? [] : [{ column: KEPT, is: "equal", value: 1 } as const]),
  ]
  const source = options.rows === undefined ? table : table.assign(record([[KEPT, options.rows]]))
  let t = keys.length > 0 ? source.groupby(...keys) : source
  const filters = [
    ...(where.length > 0 ? [expression(where)] : []),
    ...(options.filter === undefined ? [] : [options.filter]),
  ]
  for (const f of filters) t = t.filter(f)
  // Aggregates given as data go to arquero as their expression text.
  const texts = entries.map(([name, v]) => [name, isAggregate(v) ? aggregateText(v) : v] as const)
  return rename(t.rollup(record(texts) as Record<string, string>))
}

/**
 * Joins two partial results on the dimensions, keeping groups found in
 * either (a full outer join); with no dimensions both are single rows.
 */
export const joinBy = (left: ColumnTable, right: ColumnTable, by: ReadonlyArray<string>): ColumnTable => {
  if (by.length === 0) return left.assign(right)
  const keys = [...by]
  // A join does not match missing keys: records without an offering on both
  // sides would come out as two "(unknown)" rows. Name them first.
  const named = (t: ColumnTable) =>
    withColumns(t, keys, (k) => Array.from(t.array(k) as ArrayLike<unknown>, (v) => (v == null ? UNKNOWN : v)))
  return named(left).join_full(named(right), [keys, keys])
}

/**
 * Whether the tables hold more than one municipality (`Tables.combine`), so
 * that offering and department ids, which repeat across municipalities, must
 * be keyed with their municipality. Read from the small offerings table.
 */
export const severalMunicipalities = (tables: { readonly offerings: ColumnTable }): boolean =>
  new Set(tables.offerings.array("municipality") as Iterable<unknown>).size > 1

/**
 * The table with `columns` set to `valuesOf(column)`: the small result tables
 * of indicators get their derived columns as plain arrays, with no
 * expression to parse and compile (and no name in expression text). A
 * filtered or ordered table is made whole first, so values line up by row.
 */
const withColumns = (
  table: ColumnTable,
  columns: ReadonlyArray<string>,
  valuesOf: (column: string) => Array<unknown>,
): ColumnTable => {
  if (columns.length === 0) return table
  const t = table.isFiltered() || table.isOrdered() ? table.reify() : table
  return t.assign(record(columns.map((c) => [c, valuesOf(c)] as const)))
}

/** Replaces missing values of count columns by 0: no rows means a count of zero. */
export const zeroFill = (table: ColumnTable, columns: ReadonlyArray<string>): ColumnTable =>
  withColumns(table, columns, (c) => Array.from(table.array(c) as ArrayLike<unknown>, (v) => (v == null ? 0 : v)))

/** Derives `name` = numerator / denominator, or null when the denominator is 0. */
export const withRate = (table: ColumnTable, name: string, numerator: string, denominator: string): ColumnTable => {
  const n = table.array(numerator) as ArrayLike<number>
  const d = table.array(denominator) as ArrayLike<number>
  return withColumns(table, [name], () => Array.from(d, (den, i) => (den > 0 ? n[i]! / den : null)))
}

/**
 * Derives every rate of `rates` as {@link withRate} does, one after the
 * other (a rate may divide an earlier one), in one new table.
 */
export const withRates = (
  table: ColumnTable,
  rates: ReadonlyArray<{ readonly column: string; readonly numerator: string; readonly denominator: string }>,
): ColumnTable => {
  const added = new Map<string, Array<unknown>>()
  const read = (c: string) => (added.get(c) ?? table.array(c)) as ArrayLike<number>
  for (const r of rates) {
    const n = read(r.numerator)
    const d = read(r.denominator)
    added.set(
      r.column,
      Array.from(d, (den, i) => (den > 0 ? n[i]! / den : null)),
    )
  }
  return withColumns(table, [...added.keys()], (c) => added.get(c)!)
}

/**
 * Derives `name` = `from` − each of `less`, row by row, as the expression
 * `d => d.from - d.less…` would, but as an array: no expression to compile.
 */
export const withDifference = (
  table: ColumnTable,
  name: string,
  from: string,
  less: ReadonlyArray<string>,
): ColumnTable => {
  const minuend = table.array(from) as ArrayLike<number>
  const subtrahends = less.map((c) => table.array(c) as ArrayLike<number>)
  return withColumns(table, [name], () => Array.from(minuend, (v, i) => subtrahends.reduce((acc, s) => acc - s[i]!, v)))
}

/** The condition that a column's day number lies within `from`–`to`. */
export const daysWithin = (column: string, from: number, to: number): Condition => ({
  column,
  is: "within",
  from,
  to,
})

/** An arquero expression that is true for day numbers within `from`–`to`. */
export const dayWithin = (column: string, from: number, to: number): string =>
  conditionText(daysWithin(column, from, to))

/** Throws when an indicator is asked for a dimension it does not have. */
export const checkDimensions = (id: string, allowed: ReadonlyArray<Dimension>, by: ReadonlyArray<Dimension>): void => {
  // Asked on every computation: a loop that allocates nothing when all are allowed.
  let allAllowed = true
  for (let i = 0; i < by.length; i++) if (!allowed.includes(by[i]!)) allAllowed = false
  if (!allAllowed) {
    const bad = by.filter((d) => !allowed.includes(d))
    throw new AnalyticsError({
      nb: `Indikatoren ${id} kan ikke grupperes etter ${bad.join(", ")}; tillatt: ${allowed.join(", ")}`,
      en: `Indicator ${id} cannot be grouped by ${bad.join(", ")}; allowed: ${allowed.join(", ")}`,
    })
  }
}
