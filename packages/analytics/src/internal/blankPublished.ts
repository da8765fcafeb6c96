// A published table whose input could not be read: its rows stay (the
// offerings, months and totals a reader looks for), every measure is null,
// and nothing is marked hidden, since no number is there to hide. Outputs
// show null as missing ("..", an empty cell), never as 0.
import * as aq from "arquero"
import type { Published } from "../privacy/Publication.js"
import { record } from "./expr.js"

export const blankPublished = (p: Published): Published => {
  const n = p.table.numRows()
  const columns = record<ReadonlyArray<unknown>>([])
  for (const name of p.table.columnNames()) columns[name] = Array.from(p.table.array(name) as ArrayLike<unknown>)
  for (const m of p.indicator.measures) columns[m.column] = Array.from({ length: n }, () => null)
  if (Object.hasOwn(columns, "suppressed")) columns.suppressed = Array.from({ length: n }, () => null)
  return {
    ...p,
    table: aq.table(columns),
    states: Array.from({ length: n }, () => ({})),
    hidden: { primary: 0, secondary: 0 },
  }
}
