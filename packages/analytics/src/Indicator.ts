/**
 * What an indicator is: an id, names in bokmål and English, a definition
 * (numerator, denominator, unit, period), the dimensions it may be grouped
 * by, the seed fact it serves, its measures, and how it is computed.
 *
 * @module
 */

import type { ColumnTable } from "arquero"
import { type Dimension, standard, TOTAL, UNKNOWN } from "./Dimension.js"
import { notApplicableRows } from "./internal/applicability.js"
import { guard } from "./internal/boundary.js"
import { optionsOf, reject, requireRecord } from "./internal/checks.js"
import { inCanonicalOrder, requireBy } from "./internal/dimensionList.js"
import { record } from "./internal/expr.js"
import { checkDimensions, withRates, zeroFill } from "./internal/group.js"
import { marginSubsets } from "./internal/groupings.js"
import { isValid } from "./internal/kernel/codes.js"
import { inOrder, orderOf } from "./internal/kernel/sort.js"
import { tableOf } from "./internal/kernel/table.js"
import { precomputed } from "./internal/resultSource.js"
import { computeOf, measureColumns, requireIndicator, requireTables } from "./internal/shapes.js"
import type { Tables } from "./Tables.js"

export type { Definition, Indicator, Measure, MeasureKind, Result, SeedFact } from "./internal/indicatorModel.js"

import type { Indicator, Measure, Result } from "./internal/indicatorModel.js"

// Turns missing values (arquero's undefined for an empty aggregate, NaN) into
// null and fixes column order, so that every output writes them the same way.
// A record that names no offering (say) gets the dimension value "(unknown)".
// `rows` gives the order to write the rows in (all of them when absent).
const tidy = (
  table: ColumnTable,
  by: ReadonlyArray<Dimension>,
  columns: ReadonlyArray<string>,
  rows?: Uint32Array,
): ColumnTable =>
  tableOf(
    columns.map((c) => [c, cleaned(valuesByRow(table, c), (by as ReadonlyArray<string>).includes(c), rows)] as const),
  )

// A column's values in the order `rows` gives (all, when absent), a missing
// one (undefined, null, NaN) as "(unknown)" in a dimension and null elsewhere.
const cleaned = (values: ArrayLike<unknown>, dimension: boolean, rows: Uint32Array | undefined): Array<unknown> => {
  const missing = dimension ? UNKNOWN : null
  const n = rows === undefined ? values.length : rows.length
  const out = new Array<unknown>(n)
  for (let i = 0; i < n; i++) {
    const v = values[rows === undefined ? i : rows[i]!]
    out[i] = isValid(v) ? v : missing
  }
  return out
}

// A column's values by row: read in place when the table is neither filtered nor ordered.
const valuesByRow = (table: ColumnTable, c: string): ArrayLike<unknown> => {
  if (table.isFiltered() || table.isOrdered()) return table.array(c) as ArrayLike<unknown>
  const column = table.column(c) as unknown
  if (ArrayBuffer.isView(column) || Array.isArray(column)) return column as ArrayLike<unknown>
  return table.array(c) as ArrayLike<unknown>
}

// The columns of the result: `by`, then the measures. Loops, not concat():
// the lists are often frozen ones of an indicator, which concat copies
// slowly in V8.
const columnsOf = (indicator: Indicator, by: ReadonlyArray<Dimension>): Array<string> => {
  const measures = measureColumns(indicator)
  const columns = new Array<string>(by.length + measures.length)
  for (let i = 0; i < by.length; i++) columns[i] = by[i]!
  for (let i = 0; i < measures.length; i++) columns[by.length + i] = measures[i]!
  return columns
}

// The raw table sorted by `by` as arquero's orderby sorts it (kernel/sort.ts),
// read and written once: no ordered table to build and read back.
const computeOne = (indicator: Indicator, tables: Tables, by: ReadonlyArray<Dimension>): ColumnTable => {
  const columns = columnsOf(indicator, by)
  // Tables a DuckDB engine computed for (see internal/resultSource.ts) hold the raw table.
  const source = precomputed(tables, indicator, by)
  const raw = source ?? computeOf(indicator)(tables, by)
  // orderby sorts the rows as they stand, whatever order the table had.
  const rows = by.length > 0 && raw.isOrdered() ? raw.unorder() : raw
  const keys = by.map((d) => valuesByRow(rows, d))
  // Rows in order already need no sort: the common case, and a sort's worth of work per call.
  const order = inOrder(rows.numRows(), keys) ? undefined : orderOf(rows.numRows(), keys)
  // A table the indicator made (not a source's, which others may hold) that
  // is tidy already is the result as it stands: no second table to build.
  if (source === undefined && isTidy(rows, by, columns, order)) return rows
  return tidy(rows, by, columns, order)
}

// Whether `table` is what tidy would make of it: exactly `columns`, in order,
// each a plain array with no missing value (none in a dimension, no undefined
// or NaN in a measure), and its rows in order already (no `order` given).
const isTidy = (
  table: ColumnTable,
  by: ReadonlyArray<Dimension>,
  columns: ReadonlyArray<string>,
  order: Uint32Array | undefined,
): boolean => {
  if (table.isFiltered() || table.isOrdered()) return false
  // By index: columnNames() copies the frozen list of names.
  if (table.numCols() !== columns.length) return false
  for (let i = 0; i < columns.length; i++) if (table.columnName(i) !== columns[i]) return false
  if (order !== undefined) return false
  for (let i = 0; i < columns.length; i++) {
    const values = table.column(columns[i]!) as unknown
    // The names are told apart (a table holds each once), so the first are the dimensions.
    if (!Array.isArray(values) || !isClean(values, i < by.length)) return false
  }
  return true
}

// No value a tidy table would change: undefined and NaN anywhere, null in a
// dimension. NaN is the one value not equal to itself.
const isClean = (values: ReadonlyArray<unknown>, dimension: boolean): boolean => {
  if (dimension) {
    for (let i = 0; i < values.length; i++) if (!isValid(values[i])) return false
    return true
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    // biome-ignore lint/suspicious/noSelfCompare: the NaN check, for any value.
    if (v === undefined || v !== v) return false
  }
  return true
}

/**
 * Computes an indicator for a grouping (default: the indicator's own).
 * With `margins`, adds a total row over every value of each dimension and a
 * grand total, each computed from the records, not summed, so distinct counts
 * and medians stay right.
 * @example
 * const r = Indicator.compute(Indicators.catalogue.attendanceRate, tables, { by: ["offering"], margins: true })
 * r.table.objects()
 * @category indicators
 */
export const compute = guard(
  "Indicator.compute",
  {
    nb: "en indikator (som Indicators.catalogue.participation), tabeller fra Tables.fromDataset og { by?, margins? }",
    en: "an indicator (such as Indicators.catalogue.participation), tables from Tables.fromDataset and { by?, margins? }",
  },
  (
    indicator: Indicator,
    tables: Tables,
    options: { readonly by?: ReadonlyArray<Dimension>; readonly margins?: boolean } = {},
  ): Result => {
    const name = "Indicator.compute"
    requireIndicator(name, indicator)
    requireTables(name, tables)
    const o = optionsOf(name, options)
    if (o.margins !== undefined && typeof o.margins !== "boolean")
      reject(name, { nb: "options.margins må være true eller false", en: "options.margins must be true or false" })
    return computeChecked(
      indicator,
      tables,
      inCanonicalOrder(o.by === undefined ? requireBy(name, indicator.defaultBy) : requireBy(name, o.by)),
      o.margins === true,
    )
  },
)

const computeChecked = (
  indicator: Indicator,
  tables: Tables,
  by: ReadonlyArray<Dimension>,
  margins: boolean,
): Result => {
  const result = computeTable(indicator, tables, by, margins)
  const notApplicable = notApplicableRows(indicator.definedFor, tables.offerings, by, result.table)
  return notApplicable === undefined ? result : { ...result, notApplicable }
}

const computeTable = (indicator: Indicator, tables: Tables, by: ReadonlyArray<Dimension>, margins: boolean): Result => {
  checkDimensions(indicator.id, indicator.dimensions, by)
  if (!margins || by.length === 0) return { indicator, by, margins, table: computeOne(indicator, tables, by) }
  const parts = marginSubsets(by).map((subset) => {
    const t = computeOne(indicator, tables, subset)
    const missing = by.filter((d) => !subset.includes(d))
    // The marker is the package's constant, written as a JSON string literal.
    return missing.length === 0
      ? t
      : t.derive(record(missing.map((d) => [d, `() => ${JSON.stringify(TOTAL)}`] as const)))
  })
  const columns = columnsOf(indicator, by)
  const table = parts.slice(1).reduce((acc, t) => acc.concat(t.select(columns)), parts[0]!.select(columns))
  return { indicator, by, margins, table: tidy(table, by, columns) }
}

/**
 * The measure an indicator names by column, or undefined.
 * @example
 * Indicator.measure(Indicators.catalogue.attendanceRate, "rate")?.kind // "rate"
 * @category models
 */
export const measure = guard(
  "Indicator.measure",
  { nb: "en indikator og et kolonnenavn", en: "an indicator and a column name" },
  (indicator: Indicator, column: string): Measure | undefined => {
    requireIndicator("Indicator.measure", indicator)
    return indicator.measures.find((m) => m.column === column)
  },
)

/**
 * An indicator as {@link rate} and {@link count} take it: everything but
 * `compute`, and instead `counts`, which rolls up one row per group of `by`
 * (a group without records may be missing, or hold null counts). Without
 * `dimensions` the indicator has `Dimension.standard`; without `defaultBy` it
 * is grouped by offering. `derive` adds columns computed from the zero-filled
 * counts, such as `withdrawn` = `ended` − `completed`, before the rates.
 * @category models
 */
export interface Counted<Id extends string = string>
  extends Omit<Indicator<Id>, "compute" | "dimensions" | "defaultBy"> {
  readonly dimensions?: ReadonlyArray<Dimension>
  readonly defaultBy?: ReadonlyArray<Dimension>
  readonly counts: (tables: Tables, by: ReadonlyArray<Dimension>) => ColumnTable
  readonly derive?: (filled: ColumnTable) => ColumnTable
}

const isCount = (m: Measure): boolean => m.kind === "persons" || m.kind === "count"

// Most indicators are read per offering first.
const byOffering: ReadonlyArray<Dimension> = ["offering"]

// The one shape most indicators share: count, fill the counts of empty groups
// with 0 (no rows is a count of zero, not a missing one), derive, and divide
// for every measure of kind `rate` (null where the denominator is 0).
const fromCounts = <Id extends string>(spec: Counted<Id>): Indicator<Id> => {
  const { counts, derive, dimensions, defaultBy, id, name, definition, ...rest } = spec
  const countColumns = spec.measures.filter(isCount).map((m) => m.column)
  const rates = spec.measures
    .filter((m) => m.kind === "rate")
    .map((m) => ({ column: m.column, numerator: m.numerator!, denominator: m.denominator! }))
  return {
    id,
    name,
    definition,
    dimensions: dimensions ?? standard,
    defaultBy: defaultBy ?? byOffering,
    ...rest,
    compute: (tables, by) => {
      const raw = counts(tables, by)
      const present = raw.columnNames()
      const fill = countColumns.filter((c) => present.includes(c))
      if (derive === undefined && isPlain(raw)) return filledWithRates(raw, fill, rates)
      const filled = zeroFill(raw, fill)
      const derived = derive === undefined ? filled : derive(filled)
      return withRates(derived, rates)
    },
  }
}

const isPlain = (t: ColumnTable): boolean => !t.isFiltered() && !t.isOrdered() && !t.isGrouped()

// zeroFill, then withRates, written as one table: each filled column where it
// stood, each rate where it stood or, when new, after the others in order.
const filledWithRates = (
  raw: ColumnTable,
  fill: ReadonlyArray<string>,
  rates: ReadonlyArray<{ readonly column: string; readonly numerator: string; readonly denominator: string }>,
): ColumnTable => {
  // The columns written here, read back by the rates after them.
  const added = new Map<string, ArrayLike<unknown>>()
  for (const c of fill) added.set(c, zeroFilled(raw.array(c) as ArrayLike<unknown>))
  const read = (c: string) => (added.get(c) ?? raw.array(c)) as ArrayLike<number>
  for (const r of rates) added.set(r.column, divided(read(r.numerator), read(r.denominator)))
  const columns = new Map<string, unknown>()
  for (const name of raw.columnNames()) columns.set(name, added.get(name) ?? raw.column(name))
  for (const [name, values] of added) columns.set(name, values)
  return tableOf([...columns] as Array<[string, ArrayLike<unknown>]>)
}

const zeroFilled = (values: ArrayLike<unknown>): Array<unknown> => {
  const out = new Array<unknown>(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    out[i] = v == null ? 0 : v
  }
  return out
}

// numerator / denominator by row, null where the denominator is not above 0.
const divided = (n: ArrayLike<number>, d: ArrayLike<number>): Array<number | null> => {
  const out = new Array<number | null>(d.length)
  for (let i = 0; i < d.length; i++) out[i] = d[i]! > 0 ? n[i]! / d[i]! : null
  return out
}

// Checks a Counted as requireIndicator checks an indicator, with stand-ins for what fromCounts fills in.
const requireCounted = (name: string, u: unknown): Counted => {
  const c = requireRecord(name, "the indicator", u)
  if (typeof c.counts !== "function")
    reject(name, { nb: "indicator.counts må være en funksjon", en: "indicator.counts must be a function" })
  if (c.derive !== undefined && typeof c.derive !== "function")
    reject(name, { nb: "indicator.derive må være en funksjon", en: "indicator.derive must be a function" })
  requireIndicator(name, {
    ...c,
    dimensions: c.dimensions ?? standard,
    defaultBy: c.defaultBy ?? byOffering,
    compute: c.counts,
  })
  return u as Counted
}

/**
 * An indicator of counts and the rates between them, from its counts: the
 * counts of a group without records are 0, and each measure of kind `rate`
 * is `numerator / denominator` of its row (null where the denominator is 0).
 * Measures of kind `persons` and `count` are the counts; `statistic`
 * columns (a median, a mean) are left as `counts` gives them.
 * @example
 * const noShows = Indicator.rate({
 *   id: "noShows",
 *   name: { nb: "Ikke møtt", en: "No-shows" },
 *   definition: { numerator: { nb: "Ikke møtt", en: "No-shows" }, denominator: { nb: "Oppmøter", en: "Attendances" }, unit: { nb: "andel", en: "share" }, period: { nb: "Datoen for samlingen", en: "The session's date" } },
 *   seed: Indicators.catalogue.attendanceRate.seed,
 *   measures: [
 *     { column: "booked", label: { nb: "Oppmøter", en: "Attendances" }, kind: "count", unit: "attendances", of: "booked" },
 *     { column: "noShow", label: { nb: "Ikke møtt", en: "No-shows" }, kind: "count", unit: "attendances", of: "booked" },
 *     { column: "rate", label: { nb: "Andel", en: "Share" }, kind: "rate", unit: "share", numerator: "noShow", denominator: "booked" },
 *   ],
 *   headline: "rate",
 *   counts: (tables, by) => tables.attendance.groupby(...by).rollup({ booked: aq.op.count(), noShow: aq.op.sum("noShow") }),
 * })
 * Indicator.compute(noShows, tables, { by: ["offering"] }).table.objects()
 * @category constructors
 */
export const rate = guard(
  "Indicator.rate",
  {
    nb: "en indikator uten compute, med counts (tabeller og dimensjoner → tellinger per gruppe) og minst ett mål av typen rate",
    en: "an indicator without compute, with counts (tables and dimensions → counts per group) and at least one measure of kind rate",
  },
  <Id extends string>(spec: Counted<Id>): Indicator<Id> => {
    const name = "Indicator.rate"
    const checked = requireCounted(name, spec)
    const rates = checked.measures.filter((m) => m.kind === "rate")
    if (rates.length === 0)
      reject(name, {
        nb: "indicator.measures har ingen mål av typen rate; bruk Indicator.count",
        en: "indicator.measures has no measure of kind rate; use Indicator.count",
      })
    const columns = checked.measures.map((m) => m.column)
    for (const m of rates)
      if (!columns.includes(m.numerator ?? "") || !columns.includes(m.denominator ?? ""))
        reject(name, {
          nb: `målet ${m.column} må ha teller og nevner blant målene`,
          en: `measure ${m.column} must name its numerator and denominator among the measures`,
        })
    return fromCounts(spec)
  },
)

/**
 * An indicator of counts only (with any statistics beside them), from its
 * counts: the counts of a group without records are 0.
 * @example
 * const sessions = Indicator.count({
 *   id: "sessions",
 *   name: { nb: "Samlinger", en: "Sessions" },
 *   definition: { numerator: { nb: "Samlinger holdt", en: "Sessions held" }, denominator: null, unit: { nb: "samlinger", en: "sessions" }, period: { nb: "Datoen for samlingen", en: "The session's date" } },
 *   seed: Indicators.catalogue.participation.seed,
 *   measures: [{ column: "sessions", label: { nb: "Samlinger", en: "Sessions" }, kind: "count", unit: "sessions" }],
 *   headline: "sessions",
 *   counts: (tables, by) => tables.sessions.groupby(...by).rollup({ sessions: aq.op.count() }),
 * })
 * @category constructors
 */
export const count = guard(
  "Indicator.count",
  {
    nb: "en indikator uten compute, med counts (tabeller og dimensjoner → tellinger per gruppe) og ingen mål av typen rate",
    en: "an indicator without compute, with counts (tables and dimensions → counts per group) and no measure of kind rate",
  },
  <Id extends string>(spec: Counted<Id>): Indicator<Id> => {
    const name = "Indicator.count"
    if (requireCounted(name, spec).measures.some((m) => m.kind === "rate"))
      reject(name, {
        nb: "indicator.measures har et mål av typen rate; bruk Indicator.rate",
        en: "indicator.measures has a measure of kind rate; use Indicator.rate",
      })
    return fromCounts(spec)
  },
)
