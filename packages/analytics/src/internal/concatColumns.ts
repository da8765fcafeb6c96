// Joins the same column of several tables end to end, keeping its storage:
// dictionary columns stay dictionary columns (with one merged dictionary),
// typed arrays stay typed arrays. `shift` renumbers each part's values (a
// citizen code, an enrollment row), so that codes of different parts never meet.
import type { ColumnTable } from "arquero"
import { DictionaryColumn } from "./DictionaryColumn.js"

/** A renumbering of one part's values; identity when absent. */
export type Shift = ((value: number) => number) | undefined

type Typed = Int32Array | Uint32Array | Uint8Array | Float64Array

const isTyped = (u: unknown): u is Typed =>
  u instanceof Int32Array || u instanceof Uint32Array || u instanceof Uint8Array || u instanceof Float64Array

const shifted = (v: unknown, shift: Shift): unknown => (shift === undefined || typeof v !== "number" ? v : shift(v))

/** The column `name` of every part, end to end; `shifts[i]` renumbers part i. */
export const concatColumn = (
  parts: ReadonlyArray<ColumnTable>,
  name: string,
  shifts: ReadonlyArray<Shift>,
): DictionaryColumn<unknown> | Typed | Array<unknown> => {
  const columns = parts.map((t) => t.column(name) as unknown)
  const total = parts.reduce((n, t) => n + t.numRows(), 0)
  if (columns.every((c) => c instanceof DictionaryColumn)) {
    const index = new Map<unknown, number>()
    const values: Array<unknown> = []
    const codes = new Uint32Array(total)
    let at = 0
    columns.forEach((c, p) => {
      const column = c as DictionaryColumn<unknown>
      const remap = column.values.map((v) => {
        const value = shifted(v, shifts[p])
        let code = index.get(value)
        if (code === undefined) {
          code = values.length
          values.push(value)
          index.set(value, code)
        }
        return code
      })
      for (let i = 0; i < column.length; i++) codes[at + i] = remap[column.codes[i]!]!
      at += column.length
    })
    return new DictionaryColumn(codes, values)
  }
  const first = columns[0]
  if (isTyped(first) && columns.every((c) => c?.constructor === first.constructor)) {
    const out = new (first.constructor as new (n: number) => Typed)(total)
    let at = 0
    columns.forEach((c, p) => {
      const column = c as Typed
      const shift = shifts[p]
      if (shift === undefined) out.set(column, at)
      else for (let i = 0; i < column.length; i++) out[at + i] = shift(column[i]!)
      at += column.length
    })
    return out
  }
  // Plain or mixed storage: values one by one.
  const out: Array<unknown> = []
  parts.forEach((t, p) => {
    const values = t.array(name) as ArrayLike<unknown>
    for (let i = 0; i < values.length; i++) out.push(shifted(values[i], shifts[p]))
  })
  return out
}
