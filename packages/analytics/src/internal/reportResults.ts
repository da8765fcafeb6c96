// The indicator results a report publishes together: every indicator by its
// own grouping with totals, by month with totals where it can be, and the
// tables the evaluation-plan draft reads. One list, so that buildReport and
// the disclosure benchmark publish the same thing.

import { planGroupings } from "../evaluation/evidence.js"
import { compute, type Indicator, type Result } from "../Indicator.js"
import { all as allIndicators } from "../indicators/index.js"
import type { Tables } from "../Tables.js"
import type { Grouping } from "./groupings.js"

export interface Own {
  readonly indicator: Indicator
  readonly table: Result
  readonly monthly: Result | null
}

export const sameTable = (a: Result, b: Result): boolean =>
  a.indicator.id === b.indicator.id &&
  a.margins === b.margins &&
  a.by.length === b.by.length &&
  a.by.every((d, i) => d === b.by[i])

// An indicator's own grouping with totals, and by month where it can be.
const ownGroupings = (indicator: Indicator): { table: Grouping; monthly: Grouping | null } => ({
  table: { indicator, by: indicator.defaultBy, margins: true },
  monthly:
    indicator.dimensions.includes("month") && !indicator.defaultBy.includes("month")
      ? { indicator, by: ["month"], margins: true }
      : null,
})

/** Every table a report publishes, as groupings: the indicators' own, then the plan's not among them. */
export const reportGroupings = (): Array<Grouping> => {
  const own = allIndicators.flatMap((indicator) => {
    const g = ownGroupings(indicator)
    return g.monthly === null ? [g.table] : [g.table, g.monthly]
  })
  return [...own, ...planGroupings]
}

const computeGrouping = (tables: Tables, g: Grouping): Result =>
  compute(g.indicator, tables, { by: g.by, margins: g.margins })

export const reportResults = (
  tables: Tables,
): { readonly own: ReadonlyArray<Own>; readonly results: ReadonlyArray<Result> } => {
  const own = allIndicators.map((indicator) => {
    const g = ownGroupings(indicator)
    return {
      indicator,
      table: computeGrouping(tables, g.table),
      monthly: g.monthly === null ? null : computeGrouping(tables, g.monthly),
    }
  })
  const results: Array<Result> = own.flatMap((s) => (s.monthly === null ? [s.table] : [s.table, s.monthly]))
  for (const g of planGroupings) {
    const r = computeGrouping(tables, g)
    if (!results.some((x) => sameTable(x, r))) results.push(r)
  }
  return { own, results }
}
