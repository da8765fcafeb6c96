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
import { DataFileError, type Problem, readYearTable } from "./internal/yearTable.js"

export { DataFileError, type Problem }

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

/**
 * Reads a statistics CSV: columns `id`, `label_nb`, `label_en`, `unit`
 * (count, activities, percent or fte), one column per year and optionally
 * `source` (where the row's figures come from, which the report credits).
 * Throws a {@link DataFileError} naming the file, line and field of every
 * problem, in English and bokmål.
 * @example
 * const stats = ServiceStatistics.parse(text, "service-statistics-2017-2021.csv")
 * stats.series.find((s) => s.id === "new-cases")?.values.get(2021) // 1585
 * @category constructors
 */
export const parse = guard(
  "ServiceStatistics.parse",
  { nb: "CSV-tekst og filnavnet", en: "CSV text and the file name" },
  (text: string, file: string): Statistics => {
    requireString("ServiceStatistics.parse", "text", text)
    requireString("ServiceStatistics.parse", "file", file)
    const { years, rows } = readYearTable(text, file, { key: "id", textColumns: ["label_nb", "label_en", "unit"] })
    const problems: Array<Problem> = []
    const series = rows.map((row): Series => {
      const unit = row.text.unit as Unit
      if (!units.includes(unit)) {
        problems.push({
          file,
          line: row.line,
          field: "unit",
          message: {
            nb: `Ukjent enhet ${quoted(String(row.text.unit)).nb}; forventet count, activities, percent eller fte`,
            en: `Unknown unit ${quoted(String(row.text.unit)).en}; expected count, activities, percent or fte`,
          },
        })
      }
      return {
        id: row.key,
        label: { nb: row.text.label_nb ?? row.key, en: row.text.label_en ?? row.key },
        unit,
        values: row.values,
        source: row.text.source ?? "",
      }
    })
    if (problems.length > 0) throw new DataFileError(problems)
    return { years, series }
  },
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
