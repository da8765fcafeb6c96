/**
 * Jæren Recovery College participants per municipality (Resultatvurdering Mestringsenheten 2021, med Jæren Recovery College lines
 * 148–158) and participants per 1,000 inhabitants, given a population table.
 *
 * @module
 */

import { Redact } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { guard } from "./internal/boundary.js"
import { isRecord, reject, requireArray, requireRecord, requireString } from "./internal/checks.js"
import { readPopulationTable } from "./internal/populationTable.js"
import { isFigure, isYearValues, requireYears } from "./internal/shapes.js"
import { AnalyticsError } from "./internal/text.js"
import {
  notANumber,
  numberCell,
  type Problem,
  type ReadResult,
  readYearTable,
  valueOrThrow,
  type YearRow,
} from "./internal/yearTable.js"

export type { Problem, ReadResult }

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
    /** Where the row's figures come from, as the file's `source` column gives it; a report credits it. */
    readonly source?: string
  }>
}

/**
 * Inhabitants per municipality and year, as the caller supplies them (for
 * example from Statistics Norway's table 07459). The package ships none.
 * @category models
 */
export type Population = ReadonlyArray<{
  readonly municipality: string
  readonly year: number
  readonly population: number
}>

/**
 * Reads a population CSV with columns `municipality`, `year` and
 * `population`, keeping every usable row: a year of four digits and a
 * population above 0 on each (an empty cell is refused, not read as 0).
 * `rejected` names the file, line and field of every problem of every other
 * row. A rate divides by the population of its municipality and year, so a
 * later row for a pair an earlier row already gives is rejected. Throws only
 * for arguments that are not texts.
 * @example
 * const { value, rejected } = RecoveryCollege.readPopulation(text, "folketall.csv")
 * @category constructors
 */
export const readPopulation = guard(
  "RecoveryCollege.readPopulation",
  { nb: "CSV-tekst og filnavnet", en: "CSV text and the file name" },
  (text: string, file: string): ReadResult<Population> => {
    requireString("RecoveryCollege.readPopulation", "text", text)
    requireString("RecoveryCollege.readPopulation", "file", file)
    const { rows, rejected } = readPopulationTable(text, file)
    return { value: rows, rejected }
  },
)

// The total column is a count like the year columns: a text there would
// become NaN and fail far from the file, so it is checked as they are.
const totalOf = (row: YearRow): number | null | undefined => numberCell(row.text.total ?? "", true)
const totalProblems = (row: YearRow) => (totalOf(row) === undefined ? [notANumber("total", row.text.total!)] : [])

const participantsOf = (row: YearRow): Participants["rows"][number] => {
  const source = row.text.source?.trim() ?? ""
  return {
    municipality: row.key,
    values: row.values,
    total: totalOf(row) ?? null,
    ...(source === "" ? {} : { source }),
  }
}

// The one reading path of read and parse; `name` is the function the caller called.
const readNamed = (name: string, text: string, file: string): ReadResult<Participants> => {
  requireString(name, "text", text)
  requireString(name, "file", file)
  const { years, rows, rejected } = readYearTable(text, file, {
    key: "municipality",
    textColumns: [],
    nonNegative: true,
    check: totalProblems,
  })
  return { value: { years, rows: rows.map(participantsOf) }, rejected }
}

const expects = { nb: "CSV-tekst og filnavnet", en: "CSV text and the file name" }

/**
 * Reads a participants CSV, keeping every valid row: a `municipality`
 * column, one column per year and optionally a `total` column and a `source`
 * column (which a report credits). `value` holds the rows that could be read;
 * `rejected` names the file, line and field of every problem of every other
 * row, in English and bokmål. A rate is found by the municipality's name, so
 * a row naming a municipality an earlier row already names is rejected, and
 * `value` never holds one name twice. A wrong header (no `municipality`
 * column, no year, a year twice) rejects every row. Throws only for
 * arguments that are not texts.
 * @example
 * const { value, rejected } = RecoveryCollege.read(text, "recovery-college-participants-2019-2021.csv")
 * @category constructors
 */
export const read = guard(
  "RecoveryCollege.read",
  expects,
  (text: string, file: string): ReadResult<Participants> => readNamed("RecoveryCollege.read", text, file),
)

/**
 * Reads a participants CSV as {@link read} does, but whole or not at all:
 * throws a DataFileError naming the file, line and field of every problem
 * when any row is rejected.
 * @example
 * const rc = RecoveryCollege.parse(text, "recovery-college-participants-2019-2021.csv")
 * @category constructors
 */
export const parse = guard(
  "RecoveryCollege.parse",
  expects,
  (text: string, file: string): Participants => valueOrThrow(readNamed("RecoveryCollege.parse", text, file)),
)

// Participants as parse gives them, and a population as a list of
// { municipality, year, population }: texts, whole years and numbers.
const requireInputs = (name: string, participants: unknown, population: unknown): void => {
  const p = requireRecord(name, "the participants", participants)
  requireYears(name, "participants.years", p.years)
  const seen = new Set<unknown>()
  requireArray(name, "participants.rows", p.rows).forEach((r, i) => {
    const ok = isRecord(r) && typeof r.municipality === "string" && isYearValues(r.values) && isFigure(r.total)
    if (!ok)
      reject(name, {
        nb: `participants.rows[${i}] må være { municipality, values (Map med år → tall eller null), total }`,
        en: `participants.rows[${i}] must be { municipality, values (Map of year → number or null), total }`,
      })
    // A rate is found by the municipality's name: two rows of one name would give one row's rate under the other's.
    const municipality = (r as { readonly municipality: string }).municipality
    if (seen.has(municipality))
      reject(name, {
        nb: `participants.rows[${i}] har en kommune som står to ganger`,
        en: `participants.rows[${i}] names a municipality that appears twice`,
      })
    seen.add(municipality)
  })
  // A rate divides by the population of its municipality and year: two of one pair would leave the last to decide.
  const pairs = new Set<string>()
  requireArray(name, "population", population).forEach((r, i) => {
    if (
      !isRecord(r) ||
      typeof r.municipality !== "string" ||
      !Number.isInteger(r.year) ||
      typeof r.population !== "number"
    ) {
      reject(name, {
        nb: `population[${i}] må være { municipality, year, population }`,
        en: `population[${i}] must be { municipality, year, population }`,
      })
    }
    const { municipality, year } = r as { readonly municipality: string; readonly year: number }
    const pair = `${municipality}\u0000${year}`
    if (pairs.has(pair))
      reject(name, {
        nb: `population[${i}] har en kommune og et år som står to ganger`,
        en: `population[${i}] names a municipality and year that appear twice`,
      })
    pairs.add(pair)
  })
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
export const perThousand = guard(
  "RecoveryCollege.perThousand",
  {
    nb: "deltakere fra RecoveryCollege.parse og en liste { municipality, year, population }",
    en: "participants from RecoveryCollege.parse and a list of { municipality, year, population }",
  },
  (participants: Participants, population: Population): ColumnTable => {
    requireInputs("RecoveryCollege.perThousand", participants, population)
    return perThousandChecked(participants, population)
  },
)

const perThousandChecked = (participants: Participants, population: Population): ColumnTable => {
  const bad = population.find((p) => !(Number.isFinite(p.population) && p.population > 0))
  if (bad !== undefined) {
    throw new AnalyticsError({
      nb: `Ugyldig folketall for ${bad.municipality} ${bad.year}: ${Redact.show(bad.population)}; forventet et tall over 0`,
      en: `Invalid population for ${bad.municipality} ${bad.year}: ${Redact.show(bad.population)}; expected a number above 0`,
    })
  }
  const inhabitants = new Map(population.map((p) => [`${p.municipality}|${p.year}`, p.population]))
  return aq.from(
    participants.rows.flatMap((r) =>
      participants.years.map((year) => {
        const count = r.values.get(year) ?? null
        const pop = inhabitants.get(`${r.municipality}|${year}`) ?? null
        return {
          municipality: r.municipality,
          year,
          participants: count,
          population: pop,
          perThousand: count !== null && pop !== null ? (count / pop) * 1000 : null,
        }
      }),
    ),
  )
}
