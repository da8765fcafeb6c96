// The `sessions` table: the sessions in the period.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { dimensionColumns, ints, rowsWithin } from "../internal/columns.js"
import type { Context } from "./context.js"

/** Columns: offering, category, department, day, month, year, students, volunteers. */
export const sessions = (c: Context): ColumnTable => {
  const se = c.dataset.sessions
  const rows = rowsWithin(se, (s) => s.date, c.period.from, c.period.to)
  return aq.table({
    ...dimensionColumns(
      rows,
      (r) => se[r]!.offeringId,
      (r) => se[r]!.date,
      c.facts,
      c.dates,
    ),
    students: ints(rows, (r) => se[r]!.students),
    volunteers: ints(rows, (r) => se[r]!.volunteers),
  })
}
