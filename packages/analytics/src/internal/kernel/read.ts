// Reading a table's columns as arrays by row without copying, for the typed
// passes indicators make over the tables of Tables.fromDataset (never
// filtered or ordered, so row i of a column is row i of the table).

import { Calendar } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import { Coder } from "../columns.js"
import { DictionaryColumn } from "../DictionaryColumn.js"
import { AnalyticsError } from "../text.js"

/** The table with its rows as stored: a filtered or ordered one (none of Tables.fromDataset's is) made whole. */
export const plain = (table: ColumnTable): ColumnTable =>
  table.isFiltered() || table.isOrdered() ? table.reify() : table

/** `values` at the rows `rows` lists, in that order (all of them, copied, when absent). */
export const pick = <T>(values: ArrayLike<T>, rows?: ArrayLike<number>): Array<T> => {
  if (rows === undefined) return Array.from(values)
  const out = new Array<T>(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!
  return out
}

/** A column's values by row: the stored array itself, or a dictionary column's values looked up. */
export const valuesOf = <T = number>(table: ColumnTable, name: string): ArrayLike<T> => {
  if (table.isFiltered() || table.isOrdered())
    throw new AnalyticsError({
      nb: `Intern feil: kolonnen ${name} leses fra en filtrert eller sortert tabell`,
      en: `Internal error: column ${name} is read from a filtered or ordered table`,
    })
  const column = table.column(name) as unknown
  if (column instanceof DictionaryColumn) return (column as DictionaryColumn<T>).valuesByRow()
  if (column === undefined || column === null)
    throw new AnalyticsError({
      nb: `Intern feil: tabellen har ingen kolonne ${name}`,
      en: `Internal error: the table has no column ${name}`,
    })
  return column as ArrayLike<T>
}

/**
 * The month (`YYYY-MM`) and year (`YYYY`) of each row's day number, as
 * dictionary columns of the values present; a missing day (NaN or null)
 * gives null. Each distinct day is turned into text once.
 */
export const monthAndYear = (
  days: ArrayLike<number | null>,
): { readonly month: DictionaryColumn<string | null>; readonly year: DictionaryColumn<string | null> } => {
  const n = days.length
  const monthCodes = new Uint32Array(n)
  const yearCodes = new Uint32Array(n)
  const months = new Coder<string | null>()
  const years = new Coder<string | null>()
  const byDay = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const d = days[i]
    const key = d === null || d === undefined ? Number.NaN : d
    // Both codes of a day packed in one number: month code × 2^20 + year code.
    let packed = byDay.get(key)
    if (packed === undefined) {
      const iso = Number.isNaN(key) ? null : Calendar.fromDayNumber(key)
      packed =
        months.code(iso === null ? null : iso.slice(0, 7)) * 2 ** 20 + years.code(iso === null ? null : iso.slice(0, 4))
      byDay.set(key, packed)
    }
    monthCodes[i] = Math.floor(packed / 2 ** 20)
    yearCodes[i] = packed % 2 ** 20
  }
  return {
    month: new DictionaryColumn(monthCodes, months.values),
    year: new DictionaryColumn(yearCodes, years.values),
  }
}
