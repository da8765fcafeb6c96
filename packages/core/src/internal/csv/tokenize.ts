// An RFC 4180 reader that never throws and never loses a line.
//
// csv-parse stops at the first broken quote or skips the rows after it, and
// its messages quote cell contents; exports from record systems need the
// opposite: every physical line accounted for, reported at the line where its
// record starts, and messages that name columns, never values.
//
// Recovery: a record with a syntax error (a stray, unclosed or badly closed
// quote, a NUL byte, an overlong cell) rejects the line it starts on, and
// reading resumes on the next line.

/** Why a line is not a record. */
export type SyntaxCode = "stray-quote" | "closing-quote" | "unclosed-quote" | "nul" | "cell-too-long"

/** A record as read: its cells, or the syntax problem that rejected it. */
export interface RawRecord {
  /** 1-based line where the record starts. */
  readonly line: number
  /** 1-based line where it ends (a quoted cell may hold line breaks). */
  readonly endLine: number
  readonly cells: ReadonlyArray<string>
  /** The record's text, cut to {@link MAX_RAW} characters. */
  readonly raw: string
  readonly error?: { readonly code: SyntaxCode; readonly column: number }
}

/** The longest cell read; longer ones reject their record (a denial-of-service guard). */
export const MAX_CELL = 100_000
/** How much of a rejected record's text is kept. */
export const MAX_RAW = 2_000

const QUOTE = 34
const CR = 13
const LF = 10

/** The delimiter the header line uses most: comma, semicolon (Excel in Norway) or tab. */
export const detectDelimiter = (text: string): string => {
  let end = text.search(/[\r\n]/u)
  if (end < 0) end = text.length
  const first = text.slice(0, Math.min(end, 100_000))
  const count = (d: string) => first.split(d).length - 1
  const [best] = [",", ";", "\t"].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1])
  return best !== undefined && best[1] > 0 ? best[0] : ","
}

/** Reads records one by one. Blank lines are skipped; every other line is in a record or starts a rejected one. */
export function* tokenize(text: string, delimiter = ","): Generator<RawRecord> {
  const n = text.length
  const delim = delimiter.charCodeAt(0)
  let pos = 0
  let line = 1
  // One remembered quote search: recovery restarts inside text already
  // searched, and this keeps a file of stray quotes linear.
  let qFrom = -1
  let qAt = -1
  const nextQuote = (from: number): number => {
    if (qFrom >= 0 && from >= qFrom && (qAt < 0 || from <= qAt)) return qAt
    qFrom = from
    qAt = text.indexOf('"', from)
    return qAt
  }
  const lineEnd = (from: number): number => {
    let i = from
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === LF || c === CR) return i
      i++
    }
    return n
  }
  const afterBreak = (i: number): number =>
    i >= n ? n : text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1
  const breaksIn = (from: number, to: number): number => {
    let k = 0
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i)
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) k++
    }
    return k
  }
  const raw = (from: number, to: number) => text.slice(from, Math.min(to, from + MAX_RAW))

  while (pos < n) {
    // Skip blank lines (only spaces or tabs).
    const eol = lineEnd(pos)
    if (/^[ \t]*$/u.test(text.slice(pos, Math.min(eol, pos + 200))) && eol - pos <= 200) {
      pos = afterBreak(eol)
      line++
      continue
    }
    const start = pos
    const startLine = line
    const cells: Array<string> = []
    let error: { code: SyntaxCode; column: number } | undefined
    let i = pos
    let linesInRecord = 0
    for (;;) {
      const column = cells.length + 1
      if (i < n && text.charCodeAt(i) === QUOTE) {
        // Quoted cell: "" is a quote; it ends at a quote followed by a delimiter, a line end or the end.
        let j = i + 1
        let value = ""
        let closed = false
        for (;;) {
          const q = nextQuote(j)
          if (q < 0) break
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(j, q + 1)
            j = q + 2
            continue
          }
          value += text.slice(j, q)
          j = q + 1
          closed = true
          break
        }
        if (!closed) {
          error = { code: "unclosed-quote", column }
          break
        }
        linesInRecord += breaksIn(i, j)
        i = j
        const c = text.charCodeAt(i)
        if (i < n && c !== delim && c !== CR && c !== LF) {
          error = { code: "closing-quote", column }
          break
        }
        if (value.length > MAX_CELL) {
          error = { code: "cell-too-long", column }
          break
        }
        if (value.includes("\0")) {
          error = { code: "nul", column }
          break
        }
        cells.push(value)
      } else {
        let j = i
        let stray = false
        while (j < n) {
          const c = text.charCodeAt(j)
          if (c === delim || c === CR || c === LF) break
          if (c === QUOTE || c === 0) stray = true
          j++
        }
        if (stray) {
          error = { code: text.slice(i, j).includes("\0") ? "nul" : "stray-quote", column }
          i = j
          break
        }
        if (j - i > MAX_CELL) {
          error = { code: "cell-too-long", column }
          i = j
          break
        }
        cells.push(text.slice(i, j))
        i = j
      }
      if (i < n && text.charCodeAt(i) === delim) {
        i++
        continue
      }
      break
    }

    if (error === undefined) {
      const end = afterBreak(i)
      yield { line: startLine, endLine: startLine + linesInRecord, cells, raw: raw(start, i) }
      pos = end
      line = startLine + linesInRecord + 1
      continue
    }

    // Only the line the record starts on is lost; reading resumes on the next
    // line, so a stray quote never takes the rows after it along. Lines a
    // broken quoted cell ran over are read again as rows of their own: they
    // hold no quote (or the cell would have ended earlier), so this stays linear.
    const firstEnd = lineEnd(start)
    yield { line: startLine, endLine: startLine, cells: [], raw: raw(start, firstEnd), error }
    pos = afterBreak(firstEnd)
    line = startLine + 1
  }
}
