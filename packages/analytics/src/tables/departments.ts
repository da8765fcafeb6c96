// The `departments` table: the departments dimensions are named from.
import { Catalogue } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import type { Context } from "./context.js"

/** Columns: department, name (bokmål, `name.nb`), nameEn (`name.en`); the catalogue's when the dataset lists none. */
export const departments = (c: Context): ColumnTable => {
  const list = c.dataset.departments.length > 0 ? c.dataset.departments : Catalogue.sandnes().departments
  return aq.table({
    department: list.map((d) => d.id as string),
    name: list.map((d) => d.name.nb),
    nameEn: list.map((d) => d.name.en),
  })
}
