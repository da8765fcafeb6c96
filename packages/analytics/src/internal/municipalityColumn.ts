// The municipality column every table carries: one value for a whole
// municipality-year, stored as a dictionary of one entry so that a million
// rows cost four bytes each and group without hashing.
import { Municipality, Redact } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { own, reject } from "./checks.js"
import { DictionaryColumn } from "./DictionaryColumn.js"

/** The dataset's municipality number, or null when it names none; anything else is refused. */
export const municipalityOf = (name: string, dataset: Record<string, unknown>): string | null => {
  const m = own(dataset, "municipality")
  if (m === undefined) return null
  if (!Municipality.isNumber(m))
    reject(name, {
      nb: `dataset.municipality: forventet et kommunenummer med fire sifre (som 1108), fikk ${Redact.show(m)}`,
      en: `dataset.municipality: expected a municipality number of four digits (such as 1108), got ${Redact.show(m)}`,
    })
  return m as string
}

/** The table with a `municipality` column of one value in front of its own columns. */
export const withMunicipality = (table: ColumnTable, municipality: string | null): ColumnTable => {
  const n = table.numRows()
  // Every value of a dictionary must have rows (an empty table has no group).
  return aq
    .table({ municipality: new DictionaryColumn(new Uint32Array(n), n === 0 ? [] : [municipality]) })
    .assign(table)
}
