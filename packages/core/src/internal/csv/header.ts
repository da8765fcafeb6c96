// A header row → one field path per column, or the reason no row can be read.
// Dotted names nest (`goal.text`), so a name that would reach a prototype, or
// two names that would write the same place, make the whole header wrong.
import type { Bilingual } from "../text.js"
import * as M from "./messages.js"

const reserved = new Set(["__proto__", "constructor", "prototype"])
const MAX_NAME = 200
const MAX_INDEX = 999
const MAX_COLUMNS = 1_000

export interface Header {
  /** One path per column; `undefined` for a column without a name. */
  readonly paths: ReadonlyArray<ReadonlyArray<string> | undefined>
  readonly problem?: Bilingual
}

export const readHeader = (cells: ReadonlyArray<string>): Header => {
  if (cells.length > MAX_COLUMNS) return { paths: [], problem: M.badHeader(M.tooManyColumns(cells.length)) }
  const paths: Array<ReadonlyArray<string> | undefined> = []
  const problems: Array<Bilingual> = []
  const seen = new Map<string, number>()
  cells.forEach((cell, i) => {
    const column = i + 1
    const name = cell.trim()
    if (name === "") {
      paths.push(undefined)
      return
    }
    const path = name.split(".")
    paths.push(path)
    if (name.length > MAX_NAME || path.some((s) => /^\d+$/u.test(s) && Number(s) > MAX_INDEX))
      problems.push(M.headerTooLong(column))
    else if (path.some((s) => reserved.has(s))) problems.push(M.forbiddenSegment(column))
    else if (path.some((s) => s === "")) problems.push(M.emptySegment(column))
    const first = seen.get(name)
    if (first !== undefined) problems.push(M.duplicateHeader(column, first))
    else seen.set(name, column)
  })
  // `goal` and `goal.text` would write the same place; sorted, a prefix sits just before its extensions.
  const named = [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  for (let k = 0; k + 1 < named.length; k++) {
    const [a, ca] = named[k]!
    for (let m = k + 1; m < named.length && named[m]![0].startsWith(a); m++) {
      const [b, cb] = named[m]!
      if (b.startsWith(`${a}.`)) {
        problems.push(M.conflictingHeader(Math.max(ca, cb), Math.min(ca, cb)))
        break
      }
    }
  }
  if (problems.length === 0) return { paths }
  return {
    paths,
    problem: M.badHeader({ en: problems.map((p) => p.en).join("; "), nb: problems.map((p) => p.nb).join("; ") }),
  }
}
