// A small RFC 4180 reader for the example data files (comma-separated,
// double quotes, CRLF or LF). Each record keeps the file line it starts on,
// so errors can point a person to the right line.
import { AnalyticsError } from "./text.js"

/** One parsed record and the line (1-based) it starts on. */
export interface CsvRecord {
  readonly line: number
  readonly fields: ReadonlyArray<string>
}

/** Parses CSV text; throws on a quote left open, naming the file and line. */
export const parseCsv = (text: string, file: string): Array<CsvRecord> => {
  const records: Array<CsvRecord> = []
  let fields: Array<string> = []
  let field = ""
  let quoted = false
  let line = 1
  let start = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRecord = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: start, fields })
    fields = []
    field = ""
  }
  for (; i < text.length; i++) {
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
    } else if (ch === '"' && field === "") quoted = true
    else if (ch === ",") {
      fields.push(field)
      field = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++
      endRecord()
      line++
      start = line
    } else field += ch
  }
  if (quoted) {
    throw new AnalyticsError({
      nb: `${file}:${start}: et felt med anførselstegn er ikke lukket`,
      en: `${file}:${start}: a quoted field is not closed`,
    })
  }
  if (field !== "" || fields.length > 0) endRecord()
  return records
}

/** Quotes a CSV field when it needs it. */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return ""
  const s = String(value)
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s
}
