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

/** 1 for each code of a dictionary column whose value passes the condition. */
export const passingCodes = (column: DictionaryColumn<unknown>, c: Condition): Uint8Array =>
  Uint8Array.from(column.values as ReadonlyArray<unknown>, (v) => (test(c, v) ? 1 : 0))

/**
 * The rows where `where` holds, as 1s in a mask, or undefined when a column is
 * missing. With `within`, only the rows it has a 1 for can be 1 (it is
 * copied, not changed): the mask `&` `within`, in one pass less.
 */
export const mask = (table: ColumnTable, where: Where, within?: Uint8Array): Uint8Array | undefined => {
  const n = table.numRows()
  const out = new Uint8Array(n)
  if (within === undefined) out.fill(1)
  else for (let i = 0; i < n; i++) out[i] = within[i]! & 1
  return clearFailing(table, where, out, 0) ? out : undefined
}

/**
 * Sets `out[i]` to `cleared` for every row where `where` does not hold (a
 * mask's 0, or a group number's -1, so that a grouping needs no mask of its
 * own); false, with `out` partly written, when a column is missing. A
 * dictionary column is judged once per code, anything else once per row.
 */
export const clearFailing = (
  table: ColumnTable,
  where: Where,
  out: Uint8Array | Int32Array,
  cleared: number,
): boolean => {
  const n = table.numRows()
  for (const c of where) {
    const column = table.column(c.column) as unknown
    if (column === undefined || column === null) return false
    if (column instanceof DictionaryColumn) {
      const pass = passingCodes(column, c)
      const codes = column.codes
      for (let i = 0; i < n; i++) if (pass[codes[i]!] === 0) out[i] = cleared
    } else if (ArrayBuffer.isView(column) && c.is === "within") {
      const values = column as unknown as ArrayLike<number>
      const { from, to } = c
      for (let i = 0; i < n; i++) {
        const v = values[i]!
        if (!(v >= from && v <= to)) out[i] = cleared
      }
    } else if (ArrayBuffer.isView(column) && c.is === "equal") {
      // A typed array holds numbers only: a text never equals one.
      const values = column as unknown as ArrayLike<number>
      const value = c.value
      for (let i = 0; i < n; i++) if (values[i] !== value) out[i] = cleared
    } else if (Array.isArray(column) && c.is === "within") {
      // A plain array of day numbers with nulls, judged inline as `test` judges it.
      const values = column as Array<number | null | undefined>
      const { from, to } = c
      for (let i = 0; i < n; i++) {
        const v = values[i]
        if (!(v !== null && v !== undefined && v >= from && v <= to)) out[i] = cleared
      }
    } else {
      const values = column as ArrayLike<unknown>
      for (let i = 0; i < n; i++) if (out[i] !== cleared && !test(c, values[i])) out[i] = cleared
    }
  }
  return true
}
