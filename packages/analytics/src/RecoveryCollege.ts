/**
 * Jæren Recovery College participants per municipality (seed 001 lines
 * 148–158) and participants per 1,000 inhabitants, given a population table.
 *
 * @module
 */
import * as aq from "arquero"
import type { ColumnTable } from "arquero"
import { AnalyticsError, bi } from "./internal/text.js"
import { readYearTable } from "./internal/yearTable.js"

/**
 * Participants per municipality and year; null where the source gives none.
 * `total` is the source's own total column, when it has one.
 * @category models
 */
export interface Participants {
  readonly years: ReadonlyArray<number>
  readonly rows: ReadonlyArray<{
    readonly municipality: string
    readonly values: ReadonlyMap<number, number | null>
    readonly total: number | null
  }>
}

/**
 * Inhabitants per municipality and year, as the caller supplies them (for
 * example from Statistics Norway's table 07459). The package ships none.
 * @category models
 */
export type Population = ReadonlyArray<{ readonly municipality: string; readonly year: number; readonly population: number }>

/**
 * Reads a participants CSV: a `municipality` column, one column per year and
 * optionally a `total` column. Throws a DataFileError naming the file, line
 * and field of every problem.
 * @example
 * const rc = RecoveryCollege.parse(text, "recovery-college-participants-2019-2021.csv")
 * @category constructors
 */
export const parse = (text: string, file: string): Participants => {
  const { years, rows } = readYearTable(text, file, { key: "municipality", textColumns: [], nonNegative: true })
  return {
    years,
    rows: rows.map((r) => {
      const total = r.text.total
      return { municipality: r.key, values: r.values, total: total === undefined || total === "" ? null : Number(total) }
    })
  }
}

/**
 * Participants per 1,000 inhabitants, one row per municipality and year:
 * participants, population and `perThousand`. The rate is null where the
 * population is not given (such as the source's "Andre" and "Totalt" rows)
 * or the participants are missing.
 * @example
 * RecoveryCollege.perThousand(rc, [{ municipality: "Sandnes", year: 2021, population: 80_000 }]) // made-up population
 * @category outputs
 */
export const perThousand = (participants: Participants, population: Population): ColumnTable => {
  const bad = population.find((p) => !(Number.isFinite(p.population) && p.population > 0))
  if (bad !== undefined) {
    throw new AnalyticsError(
      bi(
        `Ugyldig folketall for ${bad.municipality} ${bad.year}: ${bad.population}; forventet et tall over 0`,
        `Invalid population for ${bad.municipality} ${bad.year}: ${bad.population}; expected a number above 0`
      )
    )
  }
  const inhabitants = new Map(population.map((p) => [`${p.municipality}|${p.year}`, p.population]))
  return aq.from(
    participants.rows.flatMap((r) =>
      participants.years.map((year) => {
        const count = r.values.get(year) ?? null
        const pop = inhabitants.get(`${r.municipality}|${year}`) ?? null
        return { municipality: r.municipality, year, participants: count, population: pop, perThousand: count !== null && pop !== null ? (count / pop) * 1000 : null }
      })
    )
  )
}
