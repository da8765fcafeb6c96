// The `goalEvaluations` table: every evaluation of a goal, placed at its enrollment's offering.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { allRows, dimensionColumns, floats, ints } from "../internal/columns.js"
import { type Context, ORDER_SHIFT } from "./context.js"

/** Columns: enrollment, offering, category, department, day, month, year, order, goalReached. */
export const goalEvaluations = (c: Context): ColumnTable => {
  const ge = c.dataset.goalEvaluations
  const rows = allRows(ge.length)
  const enrollment = ints(rows, (r) => c.enrollmentOf(ge[r]!.enrollmentId))
  return aq.table({
    enrollment,
    ...dimensionColumns(
      rows,
      (r) => c.offeringOfEnrollment(enrollment[r]!),
      (r) => ge[r]!.date,
      c.facts,
      c.dates,
    ),
    order: floats(rows, (r) => c.dates.day(ge[r]!.date) * ORDER_SHIFT + r),
    goalReached: ge.map((g) => g.goalReached as string),
  })
}
