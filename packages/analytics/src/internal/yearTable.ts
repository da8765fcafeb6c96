// Wide year tables as the seed reports print them: one row per measure (or
// municipality), one column per year, empty cells for figures the report
// does not give. Shared by the service statistics and Recovery College files.
import { type CsvRecord, parseCsv } from "./csv.js"
import { AnalyticsError, bi, type Bilingual } from "./text.js"

/** A problem in a data file, with where it is and what was expected. */
export interface Problem {
  readonly file: string
  readonly line: number
  readonly field: string
  readonly message: Bilingual
}

/**
 * A data file that did not load: every problem, one per line of the message,
 * in English and bokmål.
 */
export class DataFileError extends AnalyticsError {
  override readonly name = "DataFileError"
  constructor(readonly problems: ReadonlyArray<Problem>) {
    super(
      bi(
        `${problems.length} problem(er) i datafilen:\n${problems.map((p) => `  ${p.file}:${p.line}, felt ${p.field}: ${p.message.nb}`).join("\n")}`,
        `${problems.length} problem(s) in the data file:\n${problems.map((p) => `  ${p.file}:${p.line}, field ${p.field}: ${p.message.en}`).join("\n")}`
      )
    )
  }
}

/** One row of a year table. */
export interface YearRow {
  readonly line: number
  readonly key: string
  readonly text: Readonly<Record<string, string>>
  readonly values: ReadonlyMap<number, number | null>
}

const numberPattern = /^-?\d+(?:[.,]\d+)?$/u

/**
 * Reads a year table. `key` is the column that names each row (unique,
 * non-empty); `textColumns` must be present; every 4-digit column is a year;
 * any other column is kept as text. A year cell is empty (missing) or a
 * number, with a decimal point or comma. Throws a {@link DataFileError}
 * listing every problem.
 */
export const readYearTable = (
  text: string,
  file: string,
  options: { readonly key: string; readonly textColumns: ReadonlyArray<string>; readonly nonNegative?: boolean }
): { years: Array<number>; rows: Array<YearRow> } => {
  const records: Array<CsvRecord> = parseCsv(text, file)
  const problems: Array<Problem> = []
  const header = records[0]
  if (header === undefined) throw new DataFileError([{ file, line: 1, field: "(header)", message: bi("Filen er tom", "The file is empty") }])
  const names = header.fields.map((f) => f.trim())
  for (const required of [options.key, ...options.textColumns]) {
    if (!names.includes(required)) {
      problems.push({ file, line: header.line, field: required, message: bi(`Mangler kolonnen «${required}»`, `Missing the column "${required}"`) })
    }
  }
  const yearColumns = names.map((n, i) => [n, i] as const).filter(([n]) => /^\d{4}$/u.test(n))
  if (yearColumns.length === 0) {
    problems.push({ file, line: header.line, field: "(header)", message: bi("Ingen årskolonner (som 2021)", "No year columns (such as 2021)") })
  }
  const seenYears = new Set<string>()
  for (const [n] of yearColumns) {
    if (seenYears.has(n)) problems.push({ file, line: header.line, field: n, message: bi("Året står to ganger", "The year appears twice") })
    seenYears.add(n)
  }
  if (problems.length > 0) throw new DataFileError(problems)
  const keyIndex = names.indexOf(options.key)
  const seenKeys = new Map<string, number>()
  const rows: Array<YearRow> = []
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      problems.push({
        file,
        line: record.line,
        field: "(row)",
        message: bi(`Forventet ${names.length} felt, fant ${record.fields.length}`, `Expected ${names.length} fields, found ${record.fields.length}`)
      })
      continue
    }
    const key = record.fields[keyIndex]!.trim()
    if (key === "") problems.push({ file, line: record.line, field: options.key, message: bi("Tom nøkkel", "Empty key") })
    const earlier = seenKeys.get(key)
    if (earlier !== undefined) {
      problems.push({ file, line: record.line, field: options.key, message: bi(`«${key}» står også på linje ${earlier}`, `"${key}" also appears on line ${earlier}`) })
    }
    seenKeys.set(key, record.line)
    const values = new Map<number, number | null>()
    for (const [n, i] of yearColumns) {
      const raw = record.fields[i]!.trim()
      if (raw === "") {
        values.set(Number(n), null)
        continue
      }
      if (!numberPattern.test(raw) || (options.nonNegative === true && raw.startsWith("-"))) {
        problems.push({
          file,
          line: record.line,
          field: n,
          message: bi(`Forventet et tall eller en tom celle, fant «${raw}»`, `Expected a number or an empty cell, found "${raw}"`)
        })
        continue
      }
      values.set(Number(n), Number(raw.replace(",", ".")))
    }
    const textFields: Record<string, string> = {}
    names.forEach((n, i) => {
      if (!/^\d{4}$/u.test(n)) textFields[n] = record.fields[i]!.trim()
    })
    rows.push({ line: record.line, key, text: textFields, values })
  }
  if (problems.length > 0) throw new DataFileError(problems)
  return { years: yearColumns.map(([n]) => Number(n)).sort((a, b) => a - b), rows }
}
