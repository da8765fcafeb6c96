// Rows, distinct citizens and sums of whole-number columns per group, in one
// pass for the rows and citizens: what rollupBy(table, by, { count, distinct
// citizen, sum … }, { where: flag equal to 1 }) gives, without the mask,
// group and aggregate passes it makes one after another over a million
// attendance rows.
import type { ColumnTable } from "arquero"
import { codedOf } from "../kernel/codes.js"
import { type Grouping, groupedTable, groupingOf, shownGroups } from "./grouping.js"
import { PairSet } from "./pairSet.js"

/** What a measure column holds: the kept rows, the distinct citizens among them, or a column's sum over them. */
export type CitizenMeasure = "rows" | "citizens" | { readonly sum: string }

type Whole = Uint8Array | Int32Array | Uint32Array | Uint16Array | Int16Array | Int8Array

const isWhole = (u: unknown): u is Whole =>
  u instanceof Uint8Array ||
  u instanceof Int32Array ||
  u instanceof Uint32Array ||
  u instanceof Uint16Array ||
  u instanceof Int16Array ||
  u instanceof Int8Array

/**
 * Per group of `by` over the rows where `flag` is 1 (strictly; every row
 * without a flag): the measures, in their order, as the rollup kernel gives
 * them; undefined when a column is not of a kind this pass reads (the
 * caller then runs rollupBy).
 */
export const citizenRollup = (
  table: ColumnTable,
  by: ReadonlyArray<string>,
  flag: string | undefined,
  measures: ReadonlyArray<readonly [string, CitizenMeasure]>,
): ColumnTable | undefined => {
  const flags = flag === undefined ? undefined : (table.column(flag) as unknown)
  if (flags !== undefined && !ArrayBuffer.isView(flags) && !Array.isArray(flags)) return undefined
  const citizen = codedOf(table.column("citizen"))
  // A missing citizen would count as a value of its own: the kernel's case.
  if (citizen === undefined || !citizen.allValid) return undefined
  // Sums of whole numbers only: no missing value to leave out.
  const summed = measures.map(([, m]) => (typeof m === "object" ? (table.column(m.sum) as unknown) : undefined))
  if (measures.some(([, m], k) => typeof m === "object" && !isWhole(summed[k]))) return undefined
  const grouping = groupingOf(table, by)
  if (grouping === undefined) return undefined
  const size = grouping.groups.size
  const rows = new Float64Array(size)
  const citizens = new Float64Array(size)
  const pairs = new PairSet(size, citizen.size)
  if (flags === undefined) allRows(grouping, citizen.codes, rows, citizens, pairs)
  else flaggedRows(grouping, flags as ArrayLike<unknown>, citizen.codes, rows, citizens, pairs)
  const columns = measures.map(([name, m], k) => {
    if (m === "rows") return [name, rows] as const
    if (m === "citizens") return [name, citizens] as const
    // A sum over no row is missing, as the kernel gives it.
    const sums = sumOf(grouping, flags as ArrayLike<unknown> | undefined, summed[k] as Whole, size)
    return [name, Array.from(sums, (s, g) => (rows[g]! > 0 ? s : undefined))] as const
  })
  return groupedTable(grouping, by, shownGroups(grouping, flags !== undefined, rows), columns)
}

// Each loop in a function of its own, optimised on its own.
const flaggedRows = (
  grouping: Grouping,
  is: ArrayLike<unknown>,
  codes: Int32Array,
  rows: Float64Array,
  citizens: Float64Array,
  pairs: PairSet,
): void => {
  const of = grouping.groups.of
  for (let i = 0; i < of.length; i++) {
    if (is[i] !== 1) continue
    const g = of[i]!
    rows[g]!++
    if (pairs.add(g, codes[i]!)) citizens[g]!++
  }
}

const allRows = (
  grouping: Grouping,
  codes: Int32Array,
  rows: Float64Array,
  citizens: Float64Array,
  pairs: PairSet,
): void => {
  const of = grouping.groups.of
  for (let i = 0; i < of.length; i++) {
    const g = of[i]!
    rows[g]!++
    if (pairs.add(g, codes[i]!)) citizens[g]!++
  }
}

const sumOf = (grouping: Grouping, is: ArrayLike<unknown> | undefined, values: Whole, size: number): Float64Array => {
  const of = grouping.groups.of
  const sums = new Float64Array(size)
  if (is === undefined) for (let i = 0; i < of.length; i++) sums[of[i]!]! += values[i]!
  else for (let i = 0; i < of.length; i++) if (is[i] === 1) sums[of[i]!]! += values[i]!
  return sums
}
