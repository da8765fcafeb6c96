// The indicator results a report publishes together: every indicator by its
// own grouping with totals, by month with totals where it can be, and the
// tables the evaluation-plan draft reads. One list, so that buildReport and
// the disclosure benchmark publish the same thing.

import { planResults } from "../evaluation/evidence.js"
import { compute, type Indicator, type Result } from "../Indicator.js"
import { all as allIndicators } from "../indicators/index.js"
import type { Tables } from "../Tables.js"

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

export const reportResults = (
  tables: Tables,
): { readonly own: ReadonlyArray<Own>; readonly results: ReadonlyArray<Result> } => {
  const own = allIndicators.map((indicator) => ({
    indicator,
    table: compute(indicator, tables, { margins: true }),
    monthly:
      indicator.dimensions.includes("month") && !indicator.defaultBy.includes("month")
        ? compute(indicator, tables, { by: ["month"], margins: true })
        : null,
  }))
  const results: Array<Result> = own.flatMap((s) => (s.monthly === null ? [s.table] : [s.table, s.monthly]))
  for (const r of planResults(tables)) if (!results.some((x) => sameTable(x, r))) results.push(r)
  return { own, results }
}
