/**
 * Yearly service statistics in the shape of the unit's results report (seed
 * 001 lines 37–55: one row per measure, one column per year), with level,
 * change and percentage change year over year. A missing figure stays
 * missing: it is never filled in, and no change is computed across it.
 *
 * @module
 */

import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { guard } from "./internal/boundary.js"
import { isRecord, reject, requireArray, requireRecord, requireString } from "./internal/checks.js"
import { isYearValues, requireYears } from "./internal/shapes.js"
import { type Bilingual, quoted } from "./internal/text.js"
import {
  DataFileError,
  type Problem,
  type ReadResult,
  readYearTable,
  valueOrThrow,
  type YearRow,
} from "./internal/yearTable.js"

export { DataFileError, type Problem, type ReadResult }

/**
 * What a series counts: a number of persons, or of their cases or events
 * (`count`); a number of activities the unit offered, such as walking
 * groups, cohorts, courses or sessions (`activities`); a percentage
 * (`percent`); or full-time equivalents (`fte`). Only `count` is subject to
 * small-cell suppression: the others say nothing about a person, and "4
 * walking groups" hidden as ":" would hide the offer, not protect anyone.
 * When in doubt, `count`.
 * @category models
 */
export type Unit = "count" | "activities" | "percent" | "fte"

/**
 * One measure over the years; `values` maps each year to its figure, or null
 * where the source gives none.
 * @category models
 */
export interface Series {
  readonly id: string
  readonly label: Bilingual
  readonly unit: Unit
  readonly values: ReadonlyMap<number, number | null>
  readonly source: string
}

/**
 * A set of series over the same years.
 * @category models
 */
export interface Statistics {
  readonly years: ReadonlyArray<number>
  readonly series: ReadonlyArray<Series>
}

const units: ReadonlyArray<Unit> = ["count", "activities", "percent", "fte"]

const unitProblems = (row: YearRow) =>
  units.includes(row.text.unit as Unit)
    ? []
    : [
        {
          field: "unit",
          message: {
            nb: `Ukjent enhet ${quoted(String(row.text.unit)).nb}; forventet count, activities, percent eller fte`,
            en: `Unknown unit ${quoted(String(row.text.unit)).en}; expected count, activities, percent or fte`,
          },
        },
      ]

const seriesOf = (row: YearRow): Series => ({
  id: row.key,
  label: { nb: row.text.label_nb ?? row.key, en: row.text.label_en ?? row.key },
  unit: row.text.unit as Unit,
  values: row.values,
  source: row.text.source ?? "",
})

// The one reading path of read and parse; `name` is the function the caller called.
const readNamed = (name: string, text: string, file: string): ReadResult<Statistics> => {
  requireString(name, "text", text)
  requireString(name, "file", file)
  const { years, rows, rejected } = readYearTable(text, file, {
    key: "id",
    textColumns: ["label_nb", "label_en", "unit"],
    check: unitProblems,
  })
  return { value: { years, series: rows.map(seriesOf) }, rejected }
}

const expects = { nb: "CSV-tekst og filnavnet", en: "CSV text and the file name" }

/**
 * Reads a statistics CSV, keeping every valid row: columns `id`, `label_nb`,
 * `label_en`, `unit` (count, activities, percent or fte), one column per
 * year and optionally `source` (where the row's figures come from, which the
 * report credits). `value` holds the series of the valid rows; `rejected`
 * names the file, line and field of every problem of every other row, in
 * English and bokmål. A row whose `id` an earlier row already has is
 * rejected. A wrong header (a missing column, no year or a year twice)
 * rejects every row. Throws only for arguments that are not texts.
 * @example
 * const { value, rejected } = ServiceStatistics.read(text, "service-statistics-2017-2021.csv")
 * for (const p of rejected) console.error(`${p.file}:${p.line}: ${p.field}: ${p.message.en}`)
 * @category constructors
 */
export const read = guard(
  "ServiceStatistics.read",
  expects,
  (text: string, file: string): ReadResult<Statistics> => readNamed("ServiceStatistics.read", text, file),
)

/**
 * Reads a statistics CSV as {@link read} does, but whole or not at all:
 * throws a {@link DataFileError} naming the file, line and field of every
 * problem, in English and bokmål, when any row is rejected.
 * @example
 * const stats = ServiceStatistics.parse(text, "service-statistics-2017-2021.csv")
 * stats.series.find((s) => s.id === "new-cases")?.values.get(2021) // 1585
 * @category constructors
 */
export const parse = guard(
  "ServiceStatistics.parse",
  expects,
  (text: string, file: string): Statistics => valueOrThrow(readNamed("ServiceStatistics.parse", text, file)),
)

// Statistics as parse gives them: whole years, and series whose values are a
// Map from year to a number or null (a text would be subtracted as NaN).
const requireStatistics = (name: string, u: unknown): Statistics => {
  const s = requireRecord(name, "the statistics", u)
  requireYears(name, "statistics.years", s.years)
  requireArray(name, "statistics.series", s.series).forEach((x, i) => {
    const ok = isRecord(x) && typeof x.id === "string" && typeof x.unit === "string" && isYearValues(x.values)
    if (!ok)
      reject(name, {
        nb: `statistics.series[${i}] må ha id, unit og values som Map med år → tall eller null`,
        en: `statistics.series[${i}] must have an id, a unit and values as a Map of year → number or null`,
      })
  })
  return u as Statistics
}

/**
 * Level, change and percentage change from the year before, one row per
 * measure and year. Change is null when this year or the year before is
 * missing; percentage change is also null when the year before is 0.
 * @example
 * ServiceStatistics.changes(stats).filter((d) => d.measure === "new-cases").objects()
 * // [..., { measure: "new-cases", year: 2021, level: 1585, change: 619, changePercent: 64.08 }]
 * @category outputs
 */
export const changes = guard(
  "ServiceStatistics.changes",
  { nb: "statistikk fra ServiceStatistics.parse", en: "statistics from ServiceStatistics.parse" },
  (stats: Statistics): ColumnTable => {
    requireStatistics("ServiceStatistics.changes", stats)
    const rows = stats.series.flatMap((s) =>
      stats.years.map((year, i) => {
        const level = s.values.get(year) ?? null
        const previousYear = i > 0 ? stats.years[i - 1]! : undefined
        // Only the adjacent year counts as "the year before": a gap in the years is not bridged.
        const previous =
          previousYear !== undefined && previousYear === year - 1 ? (s.values.get(previousYear) ?? null) : null
        const change = level !== null && previous !== null ? level - previous : null
        const changePercent = change !== null && previous !== null && previous !== 0 ? (change / previous) * 100 : null
        return { measure: s.id, unit: s.unit, year, level, change, changePercent }
      }),
    )
    return aq.from(rows)
  },
)
