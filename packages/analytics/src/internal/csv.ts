// A small RFC 4180 reader for the example data files (comma-separated,
// double quotes, CRLF or LF). Each record keeps the file line it starts on,
// so errors can point a person to the right line.
import { AnalyticsError, type Bilingual } from "./text.js"

/** One parsed record and the line (1-based) it starts on. */
export interface CsvRecord {
  readonly line: number
  readonly fields: ReadonlyArray<string>
  /** Set when a quote in the record never closes: its fields are then empty. */
  readonly open?: true
}

/** Why a record marked `open` was not read. */
export const notClosed: Bilingual = {
  nb: "Et felt med anførselstegn er ikke lukket",
  en: "A quoted field is not closed",
}

/**
 * Reads CSV text without throwing. A record whose quote never closes is kept
 * as `open`, at the line it starts on, and reading goes on from the line
 * after the quote, so that one stray quote does not swallow the rest of the
 * file. Past a quote that never closes every run of quotes is even, so no
 * later line opens one that stays open: the text is read at most twice.
 */
export const readCsvRecords = (text: string): Array<CsvRecord> => {
  const records: Array<CsvRecord> = []
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  while (i < text.length) {
    const open = readFrom(text, i, line, records)
    if (open === undefined) break
    records.push({ line: open.start, fields: [], open: true })
    const end = /\r\n?|\n/gu
    end.lastIndex = open.quote
    const next = end.exec(text)
    if (next === null) break
    i = next.index + next[0].length
    line = open.quoteLine + 1
  }
  return records
}

// Reads records from `from` into `records`. A quote that never closes ends the
// reading: its record's first line, and the place and line of the quote.
const readFrom = (
  text: string,
  from: number,
  firstLine: number,
  records: Array<CsvRecord>,
): { readonly start: number; readonly quote: number; readonly quoteLine: number } | undefined => {
  let fields: Array<string> = []
  let field = ""
  let quoted = false
  let line = firstLine
  let start = firstLine
  let quote = from
  let quoteLine = firstLine
  const endRecord = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: start, fields })
    fields = []
    field = ""
  }
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (ch === "\n") line++
        field += ch
      }
    } else if (ch === '"' && field === "") {
      quoted = true
      quote = i
      quoteLine = line
    } else if (ch === ",") {
      fields.push(field)
      field = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++
      endRecord()
      line++
      start = line
    } else field += ch
  }
  if (quoted) return { start, quote, quoteLine }
  if (field !== "" || fields.length > 0) endRecord()
  return undefined
}

/** Parses CSV text; throws on a quote left open, naming the file and the line its record starts on. */
export const parseCsv = (text: string, file: string): Array<CsvRecord> => {
  const records = readCsvRecords(text)
  const open = records.find((r) => r.open === true)
  if (open !== undefined)
    throw new AnalyticsError({
      nb: `${file}:${open.line}: ${notClosed.nb}`,
      en: `${file}:${open.line}: ${notClosed.en}`,
    })
  return records
}

/** Quotes a CSV field when it needs it. */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return ""
  const s = String(value)
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s
}
