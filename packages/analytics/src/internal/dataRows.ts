// A data file read row by row, for the readers that keep the valid rows and
// name every other: each data row ends up in the value or rejected at the line
// its record starts on, and nothing the text holds makes the reading throw.
import type { Problems } from "@aktivitetsmodell/core"
import { type CsvRecord, notClosed, readCsvRecords } from "./csv.js"
import { type Bilingual, quoted } from "./text.js"

/**
 * A problem in a data file, as the readers write it: core's
 * `Problems.Problem` with the file, line and column name (`field`) always
 * given. `code` and `pointer` may be left out here; a `DataFileError` fills
 * them in (`data-file`, and the column as a pointer).
 */
export interface Problem
  extends Omit<Problems.Problem, "code" | "pointer" | "file" | "line">,
    Partial<Pick<Problems.Problem, "code" | "pointer">> {
  readonly file: string
  readonly line: number
  readonly field: string
}

/**
 * What a lenient reader gives: `value` built from the valid rows, and one or
 * more problems for every other row, at the line its record starts on. Every
 * data row is in one or the other. A wrong header rejects every data row;
 * in a file without data rows it is named at the header's own line, so that
 * a wrong file never reads as an empty one.
 */
export interface ReadResult<T> {
  readonly value: T
  readonly rejected: ReadonlyArray<Problem>
}

/** A problem of the header or of one row, before its file and line are added. */
export interface RowProblem {
  readonly field: string
  readonly message: Bilingual
}

/** What a reader makes of the header or of one row: a value, or what is wrong with it. */
export type Outcome<T> = { readonly value: T } | { readonly problems: ReadonlyArray<RowProblem> }

/** The problems found, or else the value: never a row with an empty list of problems, which would be lost. */
export const outcome = <T>(problems: ReadonlyArray<RowProblem>, value: () => T): Outcome<T> =>
  problems.length > 0 ? { problems } : { value: value() }

const emptyFile: RowProblem = { field: "(header)", message: { nb: "Filen er tom", en: "The file is empty" } }
const openRow = (field: string): RowProblem => ({ field, message: notClosed })

// A header problem as each data row carries it: the header is what is wrong, not the row.
const fromHeader = (line: number, p: RowProblem): RowProblem => ({
  field: p.field,
  message: {
    nb: `Overskriftsraden (linje ${line}) er feil, så ingen rad kan leses: ${p.message.nb}`,
    en: `The header row (line ${line}) is wrong, so no row can be read: ${p.message.en}`,
  },
})

/**
 * Reads CSV text: `header` reads the header's cells, `row` each data record
 * (in file order, so it may remember earlier rows). Never throws for what the
 * text holds. A header problem rejects every data row; with no data rows, it
 * is named at the header's line (an empty file at line 1).
 */
export const readRows = <H, T>(
  text: string,
  file: string,
  header: (cells: ReadonlyArray<string>) => Outcome<H>,
  row: (record: CsvRecord, header: H) => Outcome<T>,
): { readonly header: H | undefined; readonly rows: Array<T>; readonly rejected: Array<Problem> } => {
  const at = (line: number, problems: ReadonlyArray<RowProblem>): Array<Problem> =>
    problems.map((p) => ({ file, line, field: p.field, message: p.message }))
  const [first, ...records] = readCsvRecords(text)
  if (first === undefined) return { header: undefined, rows: [], rejected: at(1, [emptyFile]) }
  const head = first.open === true ? { problems: [openRow("(header)")] } : header(first.fields)
  if ("problems" in head) {
    const perRow = head.problems.map((p) => fromHeader(first.line, p))
    const rejected = records.length === 0 ? at(first.line, head.problems) : records.flatMap((r) => at(r.line, perRow))
    return { header: undefined, rows: [], rejected }
  }
  const rows: Array<T> = []
  const rejected: Array<Problem> = []
  for (const r of records) {
    const out = r.open === true ? { problems: [openRow("(row)")] } : row(r, head.value)
    if ("problems" in out) rejected.push(...at(r.line, out.problems))
    else rows.push(out.value)
  }
  return { header: head.value, rows, rejected }
}

/** The problem of a row whose cells do not match the header's columns. */
export const wrongWidth = (want: number, found: number): RowProblem => ({
  field: "(row)",
  message: { nb: `Forventet ${want} felt, fant ${found}`, en: `Expected ${want} fields, found ${found}` },
})

/**
 * The problem of a row whose `column` repeats a value an earlier row, on line
 * `earlier`, already has; the value is quoted masked. A row is found by that
 * value, so the first is kept and the later refused.
 */
export const repeatedValue = (column: string, value: string, earlier: number): RowProblem => ({
  field: column,
  message: {
    nb: `${quoted(value).nb} står også på linje ${earlier}; en verdi i kolonnen «${column}» kan stå bare én gang`,
    en: `${quoted(value).en} also appears on line ${earlier}; a value of the column "${column}" may appear only once`,
  },
})
