// The `extensions` table: every extension of an enrollment.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { allRows, ints } from "../internal/columns.js"
import type { Context } from "./context.js"

/** Columns: enrollment, day. */
export const extensions = (c: Context): ColumnTable => {
  const ex = c.dataset.extensions
  const rows = allRows(ex.length)
  return aq.table({
    enrollment: ints(rows, (r) => c.enrollmentOf(ex[r]!.enrollmentId)),
    day: ints(rows, (r) => c.dates.day(ex[r]!.date)),
  })
}
