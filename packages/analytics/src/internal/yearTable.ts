// Wide year tables as the seed reports print them: one row per measure (or
// municipality), one column per year, empty cells for figures the report
// does not give. Shared by the service statistics and Recovery College files.
import { Problems, Redact } from "@aktivitetsmodell/core"
import type { CsvRecord } from "./csv.js"
import {
  type Outcome,
  outcome,
  type Problem,
  type ReadResult,
  type RowProblem,
  readRows,
  repeatedValue,
  wrongWidth,
} from "./dataRows.js"
import { record } from "./expr.js"
import { AnalyticsError, quoted } from "./text.js"

export type { Problem, ReadResult } from "./dataRows.js"

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

/** A lenient read made strict: its value, or a {@link DataFileError} listing every problem. */
export const valueOrThrow = <T>(read: ReadResult<T>): T => {
  if (read.rejected.length > 0) throw new DataFileError(read.rejected)
  return read.value
}

/** One row of a year table. */
export interface YearRow {
  readonly line: number
  readonly key: string
  readonly text: Readonly<Record<string, string>>
  readonly values: ReadonlyMap<number, number | null>
}

/** How to read a year table; see {@link readYearTable}. */
export interface YearTableOptions {
  readonly key: string
  readonly textColumns: ReadonlyArray<string>
  readonly nonNegative?: boolean
  /** More problems of a row, from its text columns (a unit the reader does not know). */
  readonly check?: (row: YearRow) => ReadonlyArray<RowProblem>
}

const numberPattern = /^-?\d+(?:[.,]\d+)?$/u

/**
 * A number cell: null when empty, the number (with a decimal point or comma),
 * or undefined when it is not a number (or is negative, when that is refused).
 */
export const numberCell = (raw: string, nonNegative: boolean): number | null | undefined => {
  if (raw === "") return null
  if (!numberPattern.test(raw) || (nonNegative && raw.startsWith("-"))) return undefined
  return Number(raw.replace(",", "."))
}

/** The problem of a cell that should hold a number; the cell is quoted masked. */
export const notANumber = (field: string, raw: string): RowProblem => ({
  field,
  message: {
    nb: `Forventet et tall eller en tom celle, fant ${quoted(raw).nb}`,
    en: `Expected a number or an empty cell, found ${quoted(raw).en}`,
  },
})

const isYear = (name: string): boolean => /^\d{4}$/u.test(name)

/** The header of a year table, read. */
interface YearHeader {
  readonly names: ReadonlyArray<string>
  readonly keyIndex: number
  readonly yearColumns: ReadonlyArray<readonly [string, number]>
}

const missingColumn = (name: string): RowProblem => ({
  field: name,
  message: { nb: `Mangler kolonnen «${name}»`, en: `Missing the column "${name}"` },
})

// Only the expected names and the years are named in a message: any other heading is free text.
const yearHeader = (cells: ReadonlyArray<string>, options: YearTableOptions): Outcome<YearHeader> => {
  const names = cells.map((f) => f.trim())
  const problems = [options.key, ...options.textColumns].filter((n) => !names.includes(n)).map(missingColumn)
  const yearColumns = names.map((n, i) => [n, i] as const).filter(([n]) => isYear(n))
  if (yearColumns.length === 0)
    problems.push({
      field: "(header)",
      message: { nb: "Ingen årskolonner (som 2021)", en: "No year columns (such as 2021)" },
    })
  const repeated = yearColumns.filter(([n], i) => yearColumns.findIndex(([m]) => m === n) < i)
  for (const [n] of repeated)
    problems.push({ field: n, message: { nb: "Året står to ganger", en: "The year appears twice" } })
  return outcome(problems, () => ({ names, keyIndex: names.indexOf(options.key), yearColumns }))
}

const keyProblems = (key: string, line: number, seen: Map<string, number>, column: string): Array<RowProblem> => {
  if (key === "") return [{ field: column, message: { nb: "Tom nøkkel", en: "Empty key" } }]
  const earlier = seen.get(key)
  if (earlier === undefined) {
    seen.set(key, line)
    return []
  }
  // A row is found by its key (a rate by the municipality's name): a second row of one key is refused, the first kept.
  return [repeatedValue(column, key, earlier)]
}

const yearRow = (
  entry: CsvRecord,
  h: YearHeader,
  options: YearTableOptions,
  seen: Map<string, number>,
): Outcome<YearRow> => {
  if (entry.fields.length !== h.names.length) return { problems: [wrongWidth(h.names.length, entry.fields.length)] }
  const key = entry.fields[h.keyIndex]!.trim()
  const problems = keyProblems(key, entry.line, seen, options.key)
  const values = new Map<number, number | null>()
  for (const [n, i] of h.yearColumns) {
    const raw = entry.fields[i]!.trim()
    const value = numberCell(raw, options.nonNegative === true)
    if (value === undefined) problems.push(notANumber(n, raw))
    else values.set(Number(n), value)
  }
  // Column names come from the file: no prototype, so a column "__proto__"
  // stays a column and a missing "total" finds nothing inherited.
  const text = record(h.names.flatMap((n, i) => (isYear(n) ? [] : [[n, entry.fields[i]!.trim()] as const])))
  const row: YearRow = { line: entry.line, key, text, values }
  problems.push(...(options.check?.(row) ?? []))
  return outcome(problems, () => row)
}

/**
 * Reads a year table. `key` is the column that names each row (unique,
 * non-empty: a later row of a key already read is rejected); `textColumns`
 * must be present; every 4-digit column is a year; any other column is kept
 * as text. A year cell is empty (missing) or a number, with a decimal point
 * or comma. Never throws for what the text holds: the valid rows, and every
 * problem of the others (see {@link readRows}).
 */
export const readYearTable = (
  text: string,
  file: string,
  options: YearTableOptions,
): { readonly years: Array<number>; readonly rows: Array<YearRow>; readonly rejected: Array<Problem> } => {
  const seen = new Map<string, number>()
  const read = readRows(
    text,
    file,
    (cells) => yearHeader(cells, options),
    (entry, h) => yearRow(entry, h, options, seen),
  )
  const years = (read.header?.yearColumns ?? []).map(([n]) => Number(n)).sort((a, b) => a - b)
  return { years, rows: read.rows, rejected: read.rejected }
}
