// Group, filter and roll up in typed-array passes: what arquero's
// groupby → filter → rollup gives, row for row and in the same order, for
// the shapes most indicators have: integer-coded keys and count, sum, valid,
// minimum, maximum and distinct count of plain columns. Any other shape
// returns undefined, and the caller runs arquero.
import type { ColumnTable } from "arquero"
import { DictionaryColumn } from "../DictionaryColumn.js"
import { isAggregate } from "./aggregates.js"
import { type Coded, codedOf } from "./codes.js"
import { type Groups, groupRows } from "./groups.js"
import { pick } from "./read.js"
import {
  type Aggregate,
  count,
  countPassing,
  distinct,
  mean,
  numeric,
  quantile,
  sumAndCount,
  sumProduct,
} from "./reduce.js"
import { tableOf } from "./table.js"
import { clearFailing, mask, passingCodes, type Where } from "./where.js"

/**
 * An aggregate as given (see {@link isAggregate}), or an arquero
 * `op.count()`, `op.sum(column)` and the like as one, or undefined.
 */
export const aggregateOf = (u: unknown): Aggregate | undefined => {
  if (isAggregate(u)) return u
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

const isIntegerArray = (c: unknown): c is ArrayLike<number> =>
  c instanceof Uint8Array ||
  c instanceof Int32Array ||
  c instanceof Uint32Array ||
  c instanceof Uint16Array ||
  c instanceof Int16Array ||
  c instanceof Int8Array

/** Whether a column is one the kernel reads by row as it stands: a typed or plain array. */
const isArray = (column: unknown): column is ArrayLike<unknown> =>
  !(column instanceof DictionaryColumn) && (ArrayBuffer.isView(column) || Array.isArray(column))

// One aggregate per group, from the input read for it.
const reduced = (g: Groups, a: Aggregate, input: unknown, counted: () => Float64Array): ArrayLike<unknown> => {
  switch (a.op) {
    case "count":
      return counted()
    case "distinct":
      return distinct(g, input as Coded)
    case "quantile":
      return quantile(g, input as ArrayLike<unknown>, a.p)
    case "sumProduct": {
      const [x, y] = input as readonly [ArrayLike<unknown>, ArrayLike<unknown>]
      return sumProduct(g, x, y)
    }
    case "countAbove":
    case "countAtLeast":
      return countPassing(g, input as ArrayLike<unknown>, a.value, a.op === "countAtLeast", counted())
    case "mean":
      return mean(g, input as ArrayLike<unknown>)
    default:
      return numeric(g, a.op, input as ArrayLike<unknown>)
  }
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
  const dictionaryOrder = keys.length === 1 && keyColumns[0] instanceof DictionaryColumn
  const conditions = where ?? []
  // One dictionary key and conditions, the commonest shape: the conditions
  // write -1 into a copy of the codes, which then are the groups; no mask.
  // A condition on the key itself keeps or drops whole groups: it is judged
  // per code, and the groups it fails are hidden at the end, no row pass.
  let grouped: Groups | undefined
  let keyPasses: Uint8Array | undefined
  if (dictionaryOrder && conditions.length > 0) {
    const c = coded[0]!
    const of = c.codes.slice()
    if (rows !== undefined) for (let i = 0; i < of.length; i++) if ((rows[i]! & 1) === 0) of[i] = -1
    const onKey = conditions.filter((w) => w.column === keys[0])
    for (const w of onKey) {
      const pass = passingCodes(keyColumns[0] as DictionaryColumn<unknown>, w)
      if (keyPasses === undefined) keyPasses = pass
      else for (let k = 0; k < pass.length; k++) keyPasses[k]! &= pass[k]!
    }
    const others = onKey.length === 0 ? conditions : conditions.filter((w) => w.column !== keys[0])
    if (!clearFailing(table, others, of, -1)) return undefined
    const keyCodes = [Int32Array.from({ length: c.size }, (_, k) => k)]
    grouped = { of, size: c.size, keyCodes, firstRow: undefined, dropEmpty: true }
  }
  const keep = grouped !== undefined || conditions.length === 0 ? rows : mask(table, conditions, rows)
  if (grouped === undefined && conditions.length > 0 && keep === undefined) return undefined
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
    } else if (!isArray(column)) {
      return undefined
    } else if (a.op === "sumProduct") {
      const times = table.column(a.times) as unknown
      if (!isArray(times)) return undefined
      inputs.push([name, a, [column, times]])
    } else inputs.push([name, a, column])
  }
  const g =
    grouped ??
    groupRows(table.numRows(), coded as ReadonlyArray<NonNullable<(typeof coded)[number]>>, keep, dictionaryOrder)
  // The groups shown: all, or (after a filter) those with a kept row, in order.
  // Rows per group, counted once: for dropping empty groups and for every count.
  let perGroup: Float64Array | undefined = g.rows
  // A sum over integers (no missing value) counts the rows on the way: when
  // rows are to be counted, that sum comes first and the count costs no pass.
  const early = new Map<number, ArrayLike<unknown>>()
  const needsCount =
    g.dropEmpty || inputs.some(([, a]) => a.op === "count" || a.op === "countAbove" || a.op === "countAtLeast")
  const integerSum = inputs.findIndex(([, a, input]) => a.op === "sum" && isIntegerArray(input))
  if (perGroup === undefined && needsCount && integerSum >= 0) {
    const { sums, rows: n } = sumAndCount(g, inputs[integerSum]![2] as ArrayLike<number>)
    early.set(integerSum, sums)
    perGroup = n
  }
  const counted = () => (perGroup ??= count(g))
  let shown: Int32Array | undefined
  if (g.dropEmpty) {
    const n = counted()
    shown = Int32Array.from(n.keys()).filter((k) => n[k]! > 0 && (keyPasses === undefined || keyPasses[k] === 1))
  }
  const out: Array<readonly [string, ArrayLike<unknown>]> = keys.map((k, i) => {
    const c = coded[i]!
    const rows = g.firstRow
    return [
      k,
      rows === undefined
        ? pick(g.keyCodes[i]!, shown).map((code) => c.value(code))
        : pick(rows, shown).map((row) => c.at(row)),
    ] as const
  })
  inputs.forEach(([name, a, input], i) => {
    out.push([name, pick(early.get(i) ?? reduced(g, a, input, counted), shown)])
  })
  return tableOf(out)
}
