// The `transitions` table: every transition, placed at the offering it left.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { allRows, dimensionColumns, ints } from "../internal/columns.js"
import type { Context } from "./context.js"

/** Columns: citizen, enrollment, offering, category, department, day, month, year. */
export const transitions = (c: Context): ColumnTable => {
  const tr = c.dataset.transitions
  const rows = allRows(tr.length)
  const enrollment = ints(rows, (r) => c.enrollmentOf(tr[r]!.enrollmentId))
  return aq.table({
    citizen: ints(rows, (r) => c.citizenOf(tr[r]!.citizenId, enrollment[r]!)),
    enrollment,
    ...dimensionColumns(
      rows,
      (r) => tr[r]!.fromOfferingId ?? c.offeringOfEnrollment(enrollment[r]!),
      (r) => tr[r]!.date,
      c.facts,
      c.dates,
    ),
  })
}
