// Group, filter and roll up in typed-array passes: what arquero's
// groupby → filter → rollup gives, row for row and in the same order, for
// the shapes most indicators have: integer-coded keys and count, sum, valid,
// minimum, maximum and distinct count of plain columns. Any other shape
// returns undefined, and the caller runs arquero.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { DictionaryColumn } from "../DictionaryColumn.js"
import { record } from "../expr.js"
import { codedOf } from "./codes.js"
import { groupRows } from "./groups.js"
import { type Aggregate, count, distinct, numeric, quantile } from "./reduce.js"
import { mask, type Where } from "./where.js"

/** An arquero `op.count()`, `op.sum(column)` and the like as an aggregate, or undefined. */
export const aggregateOf = (u: unknown): Aggregate | undefined => {
  if (typeof u !== "object" || u === null) return undefined
  const { name, fields, params } = u as { name?: unknown; fields?: unknown; params?: unknown }
  if (!Array.isArray(fields) || !Array.isArray(params)) return undefined
  if (name === "count" && fields.length === 0 && params.length === 0) return { op: "count" }
  if (fields.length !== 1 || typeof fields[0] !== "string") return undefined
  const column = fields[0]
  if (name === "quantile" && params.length === 1 && typeof params[0] === "number" && Number.isFinite(params[0]))
    return { op: "quantile", column, p: params[0] }
  if (params.length > 0) return undefined
  if (name === "median") return { op: "quantile", column, p: 0.5 }
  if (name === "sum" || name === "valid" || name === "min" || name === "max" || name === "distinct")
    return { op: name, column }
  return undefined
}

const isPlain = (table: ColumnTable): boolean => !table.isFiltered() && !table.isOrdered() && !table.isGrouped()

/**
 * Rolls up `values` (output column → aggregate) per group of `keys` over the
 * rows where `where` holds and `rows` (a 1 per kept row) keeps, or undefined
 * when the table or a column is of a kind the kernel does not read.
 */
export const rollup = (
  table: ColumnTable,
  keys: ReadonlyArray<string>,
  values: ReadonlyArray<readonly [string, Aggregate]>,
  where: Where | undefined,
  rows?: Uint8Array,
): ColumnTable | undefined => {
  if (!isPlain(table)) return undefined
  const keyColumns = keys.map((k) => table.column(k) as unknown)
  const coded = keyColumns.map(codedOf)
  if (coded.some((c) => c === undefined)) return undefined
  let keep = where === undefined || where.length === 0 ? undefined : mask(table, where)
  if (where !== undefined && where.length > 0 && keep === undefined) return undefined
  if (rows !== undefined) {
    if (keep === undefined) keep = rows
    else for (let i = 0; i < keep.length; i++) keep[i]! &= rows[i]!
  }
  // Read every aggregated column before any work, so that a fallback costs nothing.
  const inputs: Array<readonly [string, Aggregate, unknown]> = []
  for (const [name, a] of values) {
    if (a.op === "count") {
      inputs.push([name, a, undefined])
      continue
    }
    const column = table.column(a.column) as unknown
    if (column === undefined || column === null) return undefined
    if (a.op === "distinct") {
      const c = codedOf(column)
      if (c === undefined) return undefined
      inputs.push([name, a, c])
    } else if (column instanceof DictionaryColumn || !(ArrayBuffer.isView(column) || Array.isArray(column))) {
      return undefined
    } else inputs.push([name, a, column])
  }
  const dictionaryOrder = keys.length === 1 && keyColumns[0] instanceof DictionaryColumn
  const g = groupRows(
    table.numRows(),
    coded as ReadonlyArray<NonNullable<(typeof coded)[number]>>,
    keep,
    dictionaryOrder,
  )
  // The groups shown: all, or (after a filter) those with a kept row, in order.
  // Rows per group, counted once: for dropping empty groups and for every count.
  let perGroup: Float64Array | undefined
  const counted = () => (perGroup ??= count(g))
  let shown: Int32Array | undefined
  if (g.dropEmpty) {
    const n = counted()
    shown = Int32Array.from(n.keys()).filter((k) => n[k]! > 0)
  }
  const pick = <T>(values: ArrayLike<T>): Array<T> =>
    shown === undefined ? Array.from(values) : Array.from(shown, (k) => values[k]!)
  const out: Array<readonly [string, ArrayLike<unknown>]> = keys.map((k, i) => {
    const c = coded[i]!
    const rows = g.firstRow
    return [
      k,
      rows === undefined ? pick(g.keyCodes[i]!).map((code) => c.value(code)) : pick(rows).map((row) => c.at(row)),
    ] as const
  })
  for (const [name, a, input] of inputs) {
    const column =
      a.op === "count"
        ? counted()
        : a.op === "distinct"
          ? distinct(g, input as NonNullable<ReturnType<typeof codedOf>>)
          : a.op === "quantile"
            ? quantile(g, input as ArrayLike<unknown>, a.p)
            : numeric(g, a.op, input as ArrayLike<unknown>)
    out.push([name, pick(column)])
  }
  return aq.table(record(out))
}
