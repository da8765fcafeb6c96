// An Arrow export of one entity as plain records for core's batch decoding:
// one column per field (typed, or nested with dotted names such as
// `goal.text`), one row per record. Rows are built here, on objects without a
// prototype, so no column name can reach one; a column named `__proto__`,
// `constructor` or `prototype` refuses the file. An empty cell (null) is an
// absent field, as an empty CSV cell is.

import { Redact } from "@aktivitetsmodell/core"
import { tableFromIPC } from "@uwdata/flechette"
import { FileError, fileName } from "../internal/text.js"

const reserved = new Set(["__proto__", "constructor", "prototype"])

type Plain = string | number | boolean | Array<Plain> | { [k: string]: Plain }

const isoDate = (d: Date): string =>
  d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds() === 0
    ? d.toISOString().slice(0, 10)
    : d.toISOString()

// A value as JSON would hold it; undefined for null (an absent field).
const plain = (v: unknown): Plain | undefined => {
  if (v === null || v === undefined) return undefined
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : String(v)
  if (v instanceof Date) return isoDate(v)
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v
  if (Array.isArray(v) || ArrayBuffer.isView(v))
    return Array.from(v as ArrayLike<unknown>, (x) => plain(x) ?? (null as unknown as Plain))
  if (typeof v === "object") {
    const out = Object.create(null) as { [k: string]: Plain }
    for (const k of Object.keys(v)) {
      const x = plain((v as Record<string, unknown>)[k])
      if (x !== undefined && !reserved.has(k)) out[k] = x
    }
    return out
  }
  return String(v)
}

const set = (row: { [k: string]: Plain }, path: ReadonlyArray<string>, value: Plain): void => {
  let node = row
  path.slice(0, -1).forEach((key) => {
    const next = node[key]
    if (typeof next !== "object" || next === null || Array.isArray(next))
      node[key] = Object.create(null) as { [k: string]: Plain }
    node = node[key] as { [k: string]: Plain }
  })
  node[path[path.length - 1]!] = value
}

/** The records of an Arrow IPC file (stream or file format); a FileError when it is not one or a column name is reserved. */
export const arrowRecords = (bytes: Uint8Array, file: string): Array<unknown> => {
  const name = fileName(file)
  let table: ReturnType<typeof tableFromIPC>
  try {
    table = tableFromIPC(bytes, { useDate: true })
  } catch {
    throw new FileError(file, { nb: `${name}: ikke en Arrow-fil (IPC)`, en: `${name}: not an Arrow (IPC) file` })
  }
  const names = table.schema.fields.map((f) => f.name)
  const bad = names.find((n) => n.split(".").some((s) => reserved.has(s) || s === ""))
  if (bad !== undefined) {
    const shown = Redact.show(bad, 60)
    throw new FileError(file, {
      nb: `${name}: kolonnen ${shown} bruker et reservert eller tomt navn`,
      en: `${name}: the column ${shown} uses a reserved or empty name`,
    })
  }
  const columns = names.map((n, i) => ({ path: n.split("."), values: table.getChildAt(i).toArray() }))
  return Array.from({ length: table.numRows }, (_, r) => {
    const row = Object.create(null) as { [k: string]: Plain }
    for (const c of columns) {
      const v = plain(c.values[r])
      if (v !== undefined) set(row, c.path, v)
    }
    return row
  })
}
