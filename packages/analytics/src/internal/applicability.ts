// Which rows of an indicator table the indicator is not defined for. A row
// names offerings through its offering, category and department values
// (totals and "(unknown)" name no constraint); it is "not applicable" when
// the offerings it names exist and the indicator is defined for none of them.
// An offering the list does not know is never said not to apply.
import type { ColumnTable } from "arquero"
import { type Dimension, TOTAL, UNKNOWN } from "../Dimension.js"

const naming: ReadonlyArray<Dimension> = ["offering", "category", "department"]

export const notApplicableRows = (
  column: string | undefined,
  offerings: ColumnTable,
  by: ReadonlyArray<Dimension>,
  table: ColumnTable,
): ReadonlyArray<boolean> | undefined => {
  if (column === undefined || !offerings.columnNames().includes(column)) return undefined
  const list = offerings.objects() as Array<Record<string, unknown>>
  const keys = by.filter((d) => naming.includes(d))
  return (table.objects() as Array<Record<string, unknown>>).map((row) => {
    const named = keys.filter((d) => row[d] !== TOTAL && row[d] !== UNKNOWN && row[d] !== null && row[d] !== undefined)
    const matching = list.filter((o) => named.every((d) => o[d] === row[d]))
    return matching.length > 0 && matching.every((o) => o[column] !== 1)
  })
}
