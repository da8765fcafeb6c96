// Wide year tables as the seed reports print them: one row per measure (or
// municipality), one column per year, empty cells for figures the report
// does not give. Shared by the service statistics and Recovery College files.
import { Problems, Redact } from "@aktivitetsmodell/core"
import { type CsvRecord, parseCsv } from "./csv.js"
import { record } from "./expr.js"
import { AnalyticsError, quoted } from "./text.js"

/**
 * A problem in a data file, as the readers write it: core's
 * `Problems.Problem` with the file, line and column name (`field`) always
 * given. `code` and `pointer` may be left out here; a {@link DataFileError}
 * fills them in ({@link dataFileCode}, and the column as a pointer).
 */
export interface Problem
  extends Omit<Problems.Problem, "code" | "pointer" | "file" | "line">,
    Partial<Pick<Problems.Problem, "code" | "pointer">> {
  readonly file: string
  readonly line: number
  readonly field: string
}

/** A problem as a {@link DataFileError} keeps it: a whole core `Problems.Problem`. */
export interface DataFileProblem extends Problem {
  readonly code: string
  readonly pointer: string
}

/** The code of a problem in a data file that gives none of its own. */
export const dataFileCode = "data-file"

// A column is a place in the row; "(header)" and "(row)" name the row itself.
const pointerOf = (field: string): string => (/^\(.*\)$/u.test(field) ? "" : Problems.jsonPointer([field]))

// A problem as it may be shown: every text redacted (a cell can hold an
// identity number), and nothing but texts and a line number, whatever was given.
const shown = (p: unknown): DataFileProblem => {
  try {
    const r = (typeof p === "object" && p !== null ? p : {}) as Partial<Record<keyof DataFileProblem, unknown>>
    const text = (u: unknown) => Redact.text(typeof u === "string" ? u : Redact.show(u))
    const m = (typeof r.message === "object" && r.message !== null ? r.message : {}) as Record<string, unknown>
    const field = text(r.field)
    return {
      code: typeof r.code === "string" ? text(r.code) : dataFileCode,
      pointer: typeof r.pointer === "string" ? text(r.pointer) : pointerOf(field),
      file: text(r.file),
      line: typeof r.line === "number" ? r.line : 0,
      field,
      message: { nb: text(m.nb), en: text(m.en) },
    }
  } catch {
    // A problem built by plain JavaScript whose getters throw: still a problem, without its text.
    return {
      code: dataFileCode,
      pointer: "",
      file: "?",
      line: 0,
      field: "?",
      message: { nb: "(ukjent)", en: "(unknown)" },
    }
  }
}

/**
 * A data file that did not load: every problem, one per line of the message,
 * in English and bokmål. The problems are kept redacted, as the message is,
 * and each is a whole core `Problems.Problem` (with `code` and `pointer`).
 */
export class DataFileError extends AnalyticsError<DataFileProblem> {
  override readonly name: string = "DataFileError"
  constructor(problems: ReadonlyArray<Problem>) {
    const list = Array.isArray(problems) ? problems.map(shown) : []
    super(
      {
        nb: `${list.length} problem(er) i datafilen:\n${list.map((p) => `  ${p.file}:${p.line}, felt ${p.field}: ${p.message.nb}`).join("\n")}`,
        en: `${list.length} problem(s) in the data file:\n${list.map((p) => `  ${p.file}:${p.line}, field ${p.field}: ${p.message.en}`).join("\n")}`,
      },
      list,
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
  options: { readonly key: string; readonly textColumns: ReadonlyArray<string>; readonly nonNegative?: boolean },
): { years: Array<number>; rows: Array<YearRow> } => {
  const records: Array<CsvRecord> = parseCsv(text, file)
  const problems: Array<Problem> = []
  const header = records[0]
  if (header === undefined)
    throw new DataFileError([
      { file, line: 1, field: "(header)", message: { nb: "Filen er tom", en: "The file is empty" } },
    ])
  const names = header.fields.map((f) => f.trim())
  for (const required of [options.key, ...options.textColumns]) {
    if (!names.includes(required)) {
      problems.push({
        file,
        line: header.line,
        field: required,
        message: { nb: `Mangler kolonnen «${required}»`, en: `Missing the column "${required}"` },
      })
    }
  }
  const yearColumns = names.map((n, i) => [n, i] as const).filter(([n]) => /^\d{4}$/u.test(n))
  if (yearColumns.length === 0) {
    problems.push({
      file,
      line: header.line,
      field: "(header)",
      message: { nb: "Ingen årskolonner (som 2021)", en: "No year columns (such as 2021)" },
    })
  }
  const seenYears = new Set<string>()
  for (const [n] of yearColumns) {
    if (seenYears.has(n))
      problems.push({
        file,
        line: header.line,
        field: n,
        message: { nb: "Året står to ganger", en: "The year appears twice" },
      })
    seenYears.add(n)
  }
  if (problems.length > 0) throw new DataFileError(problems)
  const keyIndex = names.indexOf(options.key)
  const seenKeys = new Map<string, number>()
  const rows: Array<YearRow> = []
  for (const entry of records.slice(1)) {
    if (entry.fields.length !== names.length) {
      problems.push({
        file,
        line: entry.line,
        field: "(row)",
        message: {
          nb: `Forventet ${names.length} felt, fant ${entry.fields.length}`,
          en: `Expected ${names.length} fields, found ${entry.fields.length}`,
        },
      })
      continue
    }
    const key = entry.fields[keyIndex]!.trim()
    if (key === "")
      problems.push({ file, line: entry.line, field: options.key, message: { nb: "Tom nøkkel", en: "Empty key" } })
    const earlier = seenKeys.get(key)
    if (earlier !== undefined) {
      problems.push({
        file,
        line: entry.line,
        field: options.key,
        message: {
          nb: `${quoted(key).nb} står også på linje ${earlier}`,
          en: `${quoted(key).en} also appears on line ${earlier}`,
        },
      })
    }
    seenKeys.set(key, entry.line)
    const values = new Map<number, number | null>()
    for (const [n, i] of yearColumns) {
      const raw = entry.fields[i]!.trim()
      if (raw === "") {
        values.set(Number(n), null)
        continue
      }
      if (!numberPattern.test(raw) || (options.nonNegative === true && raw.startsWith("-"))) {
        problems.push({
          file,
          line: entry.line,
          field: n,
          message: {
            nb: `Forventet et tall eller en tom celle, fant ${quoted(raw).nb}`,
            en: `Expected a number or an empty cell, found ${quoted(raw).en}`,
          },
        })
        continue
      }
      values.set(Number(n), Number(raw.replace(",", ".")))
    }
    // Column names come from the file: no prototype, so a column "__proto__"
    // stays a column and a missing "total" finds nothing inherited.
    const textFields = record(
      names.flatMap((n, i) => (/^\d{4}$/u.test(n) ? [] : [[n, entry.fields[i]!.trim()] as const])),
    )
    rows.push({ line: entry.line, key, text: textFields, values })
  }
  if (problems.length > 0) throw new DataFileError(problems)
  return { years: yearColumns.map(([n]) => Number(n)).sort((a, b) => a - b), rows }
}
