// A population table (municipality, year, population), read row by row: the
// rows that can be used, and every other named at its line. A rate divides
// by the population of its municipality and year, so a second row for the
// same pair is refused rather than left to overwrite the first.
import type { CsvRecord } from "./csv.js"
import { outcome, type Problem, type RowProblem, readRows } from "./dataRows.js"
import { quoted } from "./text.js"
import { numberCell } from "./yearTable.js"

/** One row of a population table. */
export interface PopulationRow {
  readonly municipality: string
  readonly year: number
  readonly population: number
}

const columns = ["municipality", "year", "population"] as const

type Header = Readonly<Record<(typeof columns)[number], number>>

// Only the expected names are named: any other heading is free text.
const header = (cells: ReadonlyArray<string>) => {
  const names = cells.map((c) => c.trim())
  const problems: Array<RowProblem> = columns
    .filter((n) => !names.includes(n))
    .map((n) => ({ field: n, message: { nb: `Mangler kolonnen «${n}»`, en: `Missing the column "${n}"` } }))
  return outcome(
    problems,
    (): Header => ({
      municipality: names.indexOf("municipality"),
      year: names.indexOf("year"),
      population: names.indexOf("population"),
    }),
  )
}

const row = (r: CsvRecord, h: Header, seen: Map<string, number>) => {
  const cell = (i: number) => (r.fields[i] ?? "").trim()
  const problems: Array<RowProblem> = []
  const municipality = cell(h.municipality)
  if (municipality === "")
    problems.push({ field: "municipality", message: { nb: "Tom kommune", en: "Empty municipality" } })
  const yearText = cell(h.year)
  if (!/^\d{4}$/u.test(yearText))
    problems.push({
      field: "year",
      message: {
        nb: `Forventet et år som 2021, fant ${quoted(yearText).nb}`,
        en: `Expected a year such as 2021, found ${quoted(yearText).en}`,
      },
    })
  const population = numberCell(cell(h.population), true)
  if (population === undefined || population === null || population === 0)
    problems.push({
      field: "population",
      message: {
        nb: `Forventet et folketall over 0, fant ${quoted(cell(h.population)).nb}`,
        en: `Expected a population above 0, found ${quoted(cell(h.population)).en}`,
      },
    })
  if (problems.length === 0) {
    const key = `${municipality}\u0000${yearText}`
    const earlier = seen.get(key)
    if (earlier === undefined) seen.set(key, r.line)
    else
      problems.push({
        field: "municipality",
        message: {
          nb: `${quoted(municipality).nb} ${yearText} står også på linje ${earlier}`,
          en: `${quoted(municipality).en} ${yearText} also appears on line ${earlier}`,
        },
      })
  }
  return outcome(problems, (): PopulationRow => ({ municipality, year: Number(yearText), population: population! }))
}

/** The usable rows of a population CSV, and a problem for every other row at its line. */
export const readPopulationTable = (
  text: string,
  file: string,
): { readonly rows: Array<PopulationRow>; readonly rejected: Array<Problem> } => {
  const seen = new Map<string, number>()
  const read = readRows(text, file, header, (r, h) => row(r, h, seen))
  return { rows: read.rows, rejected: read.rejected }
}
