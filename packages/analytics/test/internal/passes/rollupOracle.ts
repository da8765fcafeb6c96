// arquero's groupby → filter → rollup, the oracle of the fused passes.
import type { ColumnTable } from "arquero"
import { expression, type Where } from "../../../src/internal/kernel/where.js"

export const arqueroRollup = (
  table: ColumnTable,
  keys: ReadonlyArray<string>,
  where: Where,
  values: Record<string, unknown>,
): ColumnTable => {
  let t = keys.length > 0 ? table.groupby(...keys) : table
  if (where.length > 0) t = t.filter(expression(where))
  return t.rollup(values as Record<string, string>)
}
