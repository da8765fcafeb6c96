// The `contributions` table: the departments' shares of the unit.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { allRows, ints } from "../internal/columns.js"
import { encode } from "../internal/DictionaryColumn.js"
import type { Context } from "./context.js"

/** Columns: department, from, to, share, form. */
export const contributions = (c: Context): ColumnTable => {
  const co = c.dataset.contributions
  return aq.table({
    department: encode(co.length, (i) => co[i]!.department as string),
    from: ints(allRows(co.length), (r) => c.dates.day(co[r]!.from)),
    to: co.map((x) => (x.to === undefined ? null : c.dates.day(x.to))),
    share: Float64Array.from(co, (x) => x.sharePercent),
    form: co.map((x) => x.form as string),
  })
}
