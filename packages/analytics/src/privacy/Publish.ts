/**
 * Turning an indicator result into a table fit to publish: small counts and
 * everything derived from them hidden, with secondary suppression across the
 * table's rows, columns and totals.
 *
 * @module
 */
import * as aq from "arquero"
import type { ColumnTable } from "arquero"
import { type Dimension, TOTAL } from "../Dimension.js"
import type { Indicator, Result } from "../Indicator.js"
import { guard } from "../internal/boundary.js"
import { optionsOf, reject, requireRecord, requireRule, requireTable } from "../internal/checks.js"
import { record } from "../internal/expr.js"
import { requireBy, requireIndicator } from "../internal/shapes.js"
import { AnalyticsError, bi } from "../internal/text.js"
import { defaultRule, type Grid, type Rule, suppress, type CellState } from "./Suppression.js"

/**
 * A published indicator table. Hidden rows have every measure set to null
 * and `suppressed` set to `"primary"` or `"secondary"`; shown rows have
 * `suppressed` null. It carries no identifiers: only dimension values and
 * aggregates.
 * @category models
 */
export interface Published {
  readonly indicator: Indicator
  readonly by: ReadonlyArray<Dimension>
  readonly margins: boolean
  readonly rule: Rule
  readonly table: ColumnTable
  readonly hidden: { readonly primary: number; readonly secondary: number }
}

type Row = Record<string, unknown>

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null)

// A row is small when a count of persons in it, or the complement of a rate
// between two such counts (those who did not), falls within the rule.
const isSmall = (indicator: Indicator, row: Row, rule: Rule): boolean => {
  const within = (v: number | null) => v !== null && v >= rule.min && v <= rule.max
  const persons = new Set(indicator.measures.filter((m) => m.kind === "persons").map((m) => m.column))
  for (const m of indicator.measures) {
    if (m.kind === "persons" && within(num(row[m.column]))) return true
    if (m.kind === "rate" && m.numerator !== undefined && m.denominator !== undefined && persons.has(m.numerator) && persons.has(m.denominator)) {
      const n = num(row[m.numerator])
      const d = num(row[m.denominator])
      if (n !== null && d !== null && within(d - n)) return true
    }
  }
  return false
}

/**
 * Suppresses an indicator result for publishing with the small-cell rule
 * (default: counts of 1–4 hidden). A row is hidden when it counts 1–4
 * persons, or when 1–4 persons make up the rest of a rate (3 of 5 completed
 * reveals 2 who did not); then further rows are hidden until no hidden row
 * can be worked out from the rows and totals shown. Tables with more than two
 * dimensions are refused: publish them as several two-way tables.
 * Indicators without person counts (contributions, involvement) are shown whole.
 * @example
 * const shown = Publish.publish(Indicator.compute(Indicators.catalogue.completionRate, tables, { by: ["offering"], margins: true }))
 * shown.table.objects()
 * @category privacy
 */
export const publish = guard(
  "Publish.publish",
  bi("et resultat fra Indicator.compute og { rule? }", "a result from Indicator.compute and { rule? }"),
  (result: Result, options: { readonly rule?: Rule } = {}): Published => {
    const name = "Publish.publish"
    const r = requireRecord(name, "the result", result)
    requireIndicator(name, r.indicator)
    requireBy(name, r.by)
    requireTable(name, "result.table", r.table)
    if (typeof r.margins !== "boolean") reject(name, "result.margins must be true or false", "result.margins må være true eller false")
    const o = optionsOf(name, options)
    return publishChecked(result, o.rule === undefined ? defaultRule : requireRule(name, o.rule))
  }
)

const publishChecked = (result: Result, rule: Rule): Published => {
  const { indicator, by } = result
  if (by.length > 2) {
    throw new AnalyticsError(
      bi(
        `Kan ikke publisere ${indicator.id} etter ${by.length} dimensjoner; del den i tabeller med høyst to`,
        `Cannot publish ${indicator.id} by ${by.length} dimensions; split it into tables of at most two`
      )
    )
  }
  const rows = result.table.objects() as Array<Row>
  const headline = indicator.measures.find((m) => m.kind === "persons")
  const states: Array<CellState> = rows.map(() => "published")
  if (headline !== undefined && rows.length > 0) {
    const [d1, d2] = by
    const rowKeys = d1 === undefined ? [""] : [...new Set(rows.map((r) => String(r[d1])).filter((v) => v !== TOTAL))]
    const colKeys = d2 === undefined ? [""] : [...new Set(rows.map((r) => String(r[d2])).filter((v) => v !== TOTAL))]
    const R = rowKeys.length
    const C = colKeys.length
    if (R === 0 || C === 0) {
      // Only totals, no rows under them (every row fell out of its group):
      // nothing to subtract from, so small values are simply hidden.
      rows.forEach((row, k) => {
        if (isSmall(indicator, row, rule)) states[k] = "primary"
      })
      return finish(result, rule, rows, states)
    }
    // Where each table row sits in the extended grid (row R = column totals, column C = row totals).
    const position = (row: Row): readonly [number, number] => {
      const a = d1 === undefined ? "" : String(row[d1])
      const b = d2 === undefined ? "" : String(row[d2])
      const i = a === TOTAL ? R : rowKeys.indexOf(a)
      // A one-way table has one column: its total row is that column's total.
      const j = d2 === undefined ? 0 : b === TOTAL ? C : colKeys.indexOf(b)
      return [i, j]
    }
    const values: Array<Array<number | null>> = Array.from({ length: R + 1 }, () => new Array<number | null>(C + 1).fill(null))
    const primary: Array<readonly [number, number]> = []
    const positions = rows.map(position)
    rows.forEach((row, k) => {
      const [i, j] = positions[k]!
      values[i]![j] = num(row[headline.column]) ?? 0
      if (isSmall(indicator, row, rule)) primary.push([i, j])
    })
    const grid: Grid = {
      cells: values.slice(0, R).map((line) => line.slice(0, C)),
      rowTotals: values.slice(0, R).map((line) => line[C] ?? null),
      columnTotals: values[R]!.slice(0, C),
      grandTotal: values[R]![C] ?? null,
      primary
    }
    const pattern = suppress(grid, rule)
    positions.forEach(([i, j], k) => {
      states[k] = pattern.states[i]![j]!
    })
  }
  return finish(result, rule, rows, states)
}

const finish = (result: Result, rule: Rule, rows: ReadonlyArray<Row>, states: ReadonlyArray<CellState>): Published => {
  const { indicator, by } = result
  const measures = indicator.measures.map((m) => m.column)
  const hide = (k: number) => states[k] === "primary" || states[k] === "secondary"
  // No prototype: a column is a dimension, a measure or "suppressed", never an inherited key.
  const columns = record<Array<unknown>>([])
  for (const d of by) columns[d] = rows.map((r) => r[d])
  for (const m of measures) columns[m] = rows.map((r, k) => (hide(k) ? null : (r[m] ?? null)))
  columns.suppressed = rows.map((_, k) => (hide(k) ? states[k] : null))
  return {
    indicator,
    by,
    margins: result.margins,
    rule,
    table: aq.table(columns),
    hidden: { primary: states.filter((s) => s === "primary").length, secondary: states.filter((s) => s === "secondary").length }
  }
}
