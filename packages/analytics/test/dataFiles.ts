// CSV data files built line by line for the lenient readers' tests, knowing
// the line each data row starts on, and the check that every row is accounted for.
import { expect } from "vitest"
import { csvField } from "../src/internal/csv.js"

/** One CSV line of these cells, each quoted where it needs it. */
export const csvLine = (cells: ReadonlyArray<string>): string => cells.map(csvField).join(",")

/** A row of a file: its CSV line and whether a blank line comes before it. */
export interface FileRow {
  readonly line: string
  readonly blankBefore?: boolean
}

/** The text of a file with this header and these rows, and the line each row starts on (from 1). */
export const fileOf = (header: string, rows: ReadonlyArray<FileRow>): { text: string; lines: Array<number> } => {
  let text = `${header}\n`
  const lines: Array<number> = []
  for (const r of rows) {
    if (r.blankBefore === true) text += "\n"
    lines.push(text.split("\n").length)
    text += `${r.line}\n`
  }
  return { text, lines }
}

/** The lines the problems name, each once, in order. */
export const linesOf = (rejected: ReadonlyArray<{ readonly line: number }>): Array<number> =>
  [...new Set(rejected.map((p) => p.line))].sort((a, b) => a - b)

/**
 * Every data row is kept or named: the value's rows and the rejected lines add
 * up to the rows, the rejected lines are the `bad` ones, and every problem
 * names the file and says what is wrong in both languages.
 */
export const accountedFor = (
  kept: number,
  rejected: ReadonlyArray<{
    readonly file: string
    readonly line: number
    readonly field: string
    readonly message: { readonly nb: string; readonly en: string }
  }>,
  file: string,
  lines: ReadonlyArray<number>,
  bad: ReadonlyArray<number>,
): void => {
  expect(linesOf(rejected)).toEqual([...bad].sort((a, b) => a - b))
  expect(kept + linesOf(rejected).length).toBe(lines.length)
  for (const p of rejected) {
    expect(p.file).toBe(file)
    expect(lines).toContain(p.line)
    expect(p.field).not.toBe("")
    expect(p.message.nb).not.toBe("")
    expect(p.message.en).not.toBe("")
  }
}
