// A population table (municipality, year, population), read row by row: the
// rows that can be used, and every other named at its line. A rate divides
// by the population of its municipality and year, so a second row for the
// same pair is refused rather than left to overwrite the first.
import type { CsvRecord } from "./csv.js"
import { outcome, type Problem, type RowProblem, readRows, wrongWidth } from "./dataRows.js"
import { quoted } from "./text.js"

/** One row of a population table. */
export interface PopulationRow {
  readonly municipality: string
  readonly year: number
  readonly population: number
}

const columns = ["municipality", "year", "population"] as const

type Header = Readonly<Record<(typeof columns)[number] | "width", number>>

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
      width: cells.length,
    }),
  )
}

const row = (r: CsvRecord, h: Header, seen: Map<string, number>) => {
  if (r.fields.length !== h.width) return { problems: [wrongWidth(h.width, r.fields.length)] }
  const cell = (i: number) => (r.fields[i] ?? "").trim()
  const problems: Array<RowProblem> = []
  const municipality = cell(h.municipality)
  const yearText = cell(h.year)
  if (municipality === "")
    problems.push({ field: "municipality", message: { nb: "Tom kommune", en: "Empty municipality" } })
  else {
    // As in the year tables, a pair counts as given from its first row, even a rejected one.
    const key = `${municipality}\u0000${yearText}`
    const earlier = seen.get(key)
    if (earlier === undefined) seen.set(key, r.line)
    else
      problems.push({
        field: "municipality",
        message: {
          nb: `${quoted(municipality).nb} ${quoted(yearText).nb} står også på linje ${earlier}; hver kommune og hvert år kan stå bare én gang`,
          en: `${quoted(municipality).en} ${quoted(yearText).en} also appears on line ${earlier}; each municipality and year may appear only once`,
        },
      })
  }
  if (!/^\d{4}$/u.test(yearText) || Number(yearText) < 1000)
    problems.push({
      field: "year",
      message: {
        nb: `Forventet et år som 2021, fant ${quoted(yearText).nb}`,
        en: `Expected a year such as 2021, found ${quoted(yearText).en}`,
      },
    })
  // Inhabitants are counted whole: "1.000" may be a thousand written the Norwegian way, so it is refused, not read as 1.
  const populationText = cell(h.population)
  if (!/^\d+$/u.test(populationText) || Number(populationText) === 0)
    problems.push({
      field: "population",
      message: {
        nb: `Forventet et helt folketall over 0, uten skilletegn, fant ${quoted(populationText).nb}`,
        en: `Expected a whole population above 0, without separators, found ${quoted(populationText).en}`,
      },
    })
  return outcome(
    problems,
    (): PopulationRow => ({ municipality, year: Number(yearText), population: Number(populationText) }),
  )
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
