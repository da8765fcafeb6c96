// The `offerings` table: every offering the dataset lists, then the catalogue's it lacks.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { hasCompletion } from "../internal/completion.js"
import type { Context } from "./context.js"

/** Columns: offering, name (bokmål, the offering's `name.nb`), nameEn (its `name.en`), category, department, team, partners, status, capacity, hasCompletion. */
export const offerings = (c: Context): ColumnTable => {
  const list = c.offerings
  return aq.table({
    offering: list.map((o) => o.id as string),
    name: list.map((o) => o.name.nb),
    nameEn: list.map((o) => o.name.en),
    category: list.map((o) => o.category as string),
    department: list.map((o) => o.operator.department as string),
    team: list.map((o) => o.operator.team as string),
    partners: list.map((o) => o.operator.partners.join(",")),
    status: list.map((o) => o.status.kind as string),
    capacity: list.map((o) => c.capacityFor(o.id)),
    hasCompletion: list.map((o) => (hasCompletion(o) ? 1 : 0)),
  })
}
