// CSV rows → string trees for the StringTree codecs. Headers with dots nest
// (`goal.text`); a header naming a list or tuple field takes "|"-separated
// values (`departments` = `psykisk-helse|rpha`). An empty cell means "absent",
// so a required field left empty is reported as missing, never guessed; the
// one exception is a list column (not a tuple), where an empty cell is the
// empty list, since a list has no other way to be written empty in CSV.
//
// Every non-blank line ends up in exactly one row: a tree to decode, or the
// problems that rejected it. Trees are null-prototype objects, and a header
// that names `__proto__`, `constructor` or `prototype` rejects the file's rows,
// so no cell can reach a prototype.
import * as SchemaAST from "effect/SchemaAST"
import { entitySchema } from "../Batch.js"
import type { EntityName } from "../Dataset.js"
import { commaIsDecimal, hasDecimalComma, isNumericAt, withDecimalPoint } from "../internal/csv/decimalComma.js"
import { readHeader } from "../internal/csv/header.js"
import * as M from "../internal/csv/messages.js"
import { detectDelimiter, type RawRecord, tokenize } from "../internal/csv/tokenize.js"
import { jsonPointer, type PathProblem, type Problem } from "../internal/issues.js"
import type { Bilingual } from "../internal/text.js"

/** A string tree: what one CSV row becomes before decoding. */
export type Tree = string | Array<Tree> | { [k: string]: Tree }

/** A problem with a CSV row, before decoding. */
export type RowProblem = PathProblem & { readonly field: string }

/** One data row: its lines, its text, and either a tree or the problems that rejected it. */
export interface CsvRow {
  readonly line: number
  readonly endLine: number
  readonly raw: string
  readonly tree?: { [k: string]: Tree }
  readonly problems?: ReadonlyArray<RowProblem>
}

/**
 * A problem with a CSV file as a whole, in core's one problem shape: an
 * empty file (`empty-file`), or a header that rejects every row (`header`).
 * `line` is where the header starts.
 */
export type FileProblem = Problem & { readonly code: "empty-file" | "header"; readonly line: number }

/** A CSV file read into rows. `problems` are about the file as a whole (an empty file, a wrong header). */
export interface CsvRows {
  readonly rows: ReadonlyArray<CsvRow>
  readonly delimiter: string
  /** The lines the header row takes (a quoted header cell may hold a line break). */
  readonly header?: { readonly line: number; readonly endLine: number }
  readonly problems: ReadonlyArray<FileProblem>
}

// "list" for a field of any length, "tuple" for one of fixed elements, or undefined.
const listKindAt = (ast: SchemaAST.AST, path: ReadonlyArray<string>): "list" | "tuple" | undefined => {
  let node: SchemaAST.AST | undefined = ast
  for (const key of path) {
    if (node === undefined || !SchemaAST.isObjects(node)) return undefined
    node = node.propertySignatures.find((p) => p.name === key)?.type
  }
  if (node === undefined || !SchemaAST.isArrays(node)) return undefined
  return node.elements.length === 0 ? "list" : "tuple"
}

const isIndex = (s: string) => /^\d{1,3}$/u.test(s)

// The header has already refused reserved names, so every key here is plain data.
const setPath = (root: { [k: string]: Tree }, path: ReadonlyArray<string>, value: Tree): void => {
  let node: { [k: string]: Tree } | Array<Tree> = root
  path.forEach((key, i) => {
    const container = node as Record<string | number, Tree>
    const k = isIndex(key) && Array.isArray(node) ? Number(key) : key
    if (i === path.length - 1) container[k] = value
    else {
      const existing = container[k]
      if (existing === undefined || typeof existing === "string") {
        container[k] = isIndex(path[i + 1] ?? "") ? [] : (Object.create(null) as { [k: string]: Tree })
      }
      node = container[k] as { [k: string]: Tree } | Array<Tree>
    }
  })
}

/** The code of a problem with a CSV row itself (its syntax, its cells), before decoding. */
export const csvCode = "csv"

const problem = (field: string, message: Bilingual): RowProblem => {
  const path = field === "" ? [] : [field]
  return { code: csvCode, pointer: jsonPointer(path), path, field, message }
}

const syntaxRow = (r: RawRecord): CsvRow => ({
  line: r.line,
  endLine: r.endLine,
  raw: r.raw,
  problems: [problem(`column ${r.error?.column ?? 1}`, M.syntax(r.error!.code, r.error!.column))],
})

/** Like {@link CsvRows}, with the rows produced one by one so that a large file is decoded as it is read. */
export interface CsvRowStream extends Omit<CsvRows, "rows"> {
  readonly rows: Iterable<CsvRow>
}

/**
 * Reads CSV text into rows for an entity. Never throws: every non-blank line
 * is in `rows`, as a tree or as a rejection, and file-level problems are in
 * `problems`.
 */
export const csvToRows = (entity: EntityName, input: string): CsvRows => {
  const stream = csvRowStream(entity, input)
  return { ...stream, rows: [...stream.rows] }
}

/** {@link csvToRows}, one row at a time. */
export const csvRowStream = (entity: EntityName, input: string): CsvRowStream => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const ast = entitySchema(entity).ast
  const delimiter = detectDelimiter(text)
  const records = tokenize(text, delimiter)
  const first = records.next()
  if (first.done === true)
    return { rows: [], delimiter, problems: [{ code: "empty-file", pointer: "", line: 1, message: M.emptyFile }] }
  const headerRecord = first.value
  const header = headerRecord.error === undefined ? readHeader(headerRecord.cells) : undefined
  const headerProblem =
    header === undefined
      ? M.badHeader(M.headerUnreadable(M.syntax(headerRecord.error!.code, headerRecord.error!.column)))
      : header.problem
  const paths = header?.paths ?? []
  const lists = paths.map((p) => (p === undefined ? undefined : listKindAt(ast, p)))
  const named = paths.reduce((last, p, i) => (p === undefined ? last : i + 1), 0)
  const numeric = paths.map((p) => p !== undefined && isNumericAt(ast, p))
  const decimalComma = commaIsDecimal(delimiter)

  function* rows(): Generator<CsvRow> {
    for (const r of records) {
      if (r.error !== undefined) {
        yield syntaxRow(r)
        continue
      }
      if (headerProblem !== undefined) {
        yield { line: r.line, endLine: r.endLine, raw: r.raw, problems: [problem("header", headerProblem)] }
        continue
      }
      // A row of nothing but empty cells (Excel's trailing ",,,") holds no record.
      if (r.cells.every((c) => c === "")) continue
      const problems: Array<RowProblem> = []
      if (r.cells.length < named)
        problems.push(problem(`column ${r.cells.length + 1}`, M.missingCells(r.cells.length, named)))
      const tree = Object.create(null) as { [k: string]: Tree }
      r.cells.forEach((cell, col) => {
        const path = paths[col]
        if (cell === "") {
          if (path !== undefined && lists[col] === "list") setPath(tree, path, [])
          return
        }
        if (path === undefined) problems.push(problem(`column ${col + 1}`, M.extraCell(col + 1)))
        else if (cell.includes("\uFFFD")) problems.push(problem(`column ${col + 1}`, M.replacementCharacter(col + 1)))
        else {
          const values = lists[col] === undefined ? [cell] : cell.split("|")
          if (numeric[col] && !decimalComma && values.some(hasDecimalComma))
            problems.push(problem(path.join("."), M.decimalComma(col + 1)))
          const read = numeric[col] && decimalComma ? values.map(withDecimalPoint) : values
          setPath(tree, path, lists[col] === undefined ? read[0]! : read)
        }
      })
      yield problems.length > 0
        ? { line: r.line, endLine: r.endLine, raw: r.raw, problems }
        : { line: r.line, endLine: r.endLine, raw: r.raw, tree }
    }
  }
  return {
    rows: rows(),
    delimiter,
    header: { line: headerRecord.line, endLine: headerRecord.endLine },
    problems:
      headerProblem === undefined
        ? []
        : [{ code: "header", pointer: "", line: headerRecord.line, message: headerProblem }],
  }
}
