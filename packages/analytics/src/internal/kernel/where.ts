// Row conditions in a structured form, so that one condition is both an
// arquero filter (built only from the package's own column names and
// numbers, see expr.ts) and a mask a kernel computes over typed arrays.
import type { ColumnTable } from "arquero"
import { DictionaryColumn } from "../DictionaryColumn.js"
import { col, num, slug } from "../expr.js"

/**
 * One condition on a column: equal to a number or a fixed id; within
 * `from`–`to` (and not missing); present (not null or undefined).
 */
export type Condition =
  | { readonly column: string; readonly is: "equal"; readonly value: number | string }
  | { readonly column: string; readonly is: "within"; readonly from: number; readonly to: number }
  | { readonly column: string; readonly is: "present" }

/** Conditions that must all hold. */
export type Where = ReadonlyArray<Condition>

const literal = (v: number | string): string => (typeof v === "number" ? num(v) : slug(v))

/** The arquero expression text of one condition (the body, without `d =>`). */
export const conditionText = (c: Condition): string => {
  const x = col(c.column)
  switch (c.is) {
    case "equal":
      return `${x} === ${literal(c.value)}`
    case "within":
      return `${x} != null && ${x} >= ${num(c.from)} && ${x} <= ${num(c.to)}`
    case "present":
      return `${x} != null`
  }
}

/** The arquero filter expression of `where`. */
export const expression = (where: Where): string => `d => ${where.map(conditionText).join(" && ")}`

/** Whether a value passes one condition, as the expression would judge it. */
const test = (c: Condition, v: unknown): boolean => {
  switch (c.is) {
    case "equal":
      return v === c.value
    case "within":
      return v !== null && v !== undefined && (v as number) >= c.from && (v as number) <= c.to
    case "present":
      return v !== null && v !== undefined
  }
}

/**
 * The rows where `where` holds, as 1s in a mask, or undefined when a column is
 * missing. A dictionary column is judged once per code, anything else once
 * per row.
 */
export const mask = (table: ColumnTable, where: Where): Uint8Array | undefined => {
  const n = table.numRows()
  const out = new Uint8Array(n).fill(1)
  for (const c of where) {
    const column = table.column(c.column) as unknown
    if (column === undefined || column === null) return undefined
    if (column instanceof DictionaryColumn) {
      const pass = Uint8Array.from(column.values as ReadonlyArray<unknown>, (v) => (test(c, v) ? 1 : 0))
      const codes = column.codes
      for (let i = 0; i < n; i++) out[i]! &= pass[codes[i]!]!
    } else if (ArrayBuffer.isView(column) && c.is === "within") {
      const values = column as unknown as ArrayLike<number>
      const { from, to } = c
      for (let i = 0; i < n; i++) {
        const v = values[i]!
        if (!(v >= from && v <= to)) out[i] = 0
      }
    } else if (ArrayBuffer.isView(column) && c.is === "equal") {
      // A typed array holds numbers only: a text never equals one.
      const values = column as unknown as ArrayLike<number>
      const value = c.value
      for (let i = 0; i < n; i++) if (values[i] !== value) out[i] = 0
    } else {
      const values = column as ArrayLike<unknown>
      for (let i = 0; i < n; i++) if (out[i] === 1 && !test(c, values[i])) out[i] = 0
    }
  }
  return out
}
