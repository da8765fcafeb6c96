// Rows per group, and per whole-number column the rows above 0 and the sum,
// in one pass: what rollupBy(table, by, { count, countAbove(c, 0), sum(c) … })
// gives for the sessions' students and volunteers, without a pass per
// aggregate.
import type { ColumnTable } from "arquero"
import { isWhole, keptGroups, keptTable, type Whole } from "./keptGroups.js"

/** One column's measures: the names of its count above 0 and of its sum. */
export interface PositiveSum {
  readonly column: string
  readonly above: string
  readonly sum: string
}

/**
 * Per group of `by` over every row: `rows` and, for each of the two columns,
 * the rows whose value is above 0 and the sum (0 for a group without rows,
 * as the counts are zero-filled); undefined when a column is not of a kind
 * this pass reads.
 */
export const positiveSums = (
  table: ColumnTable,
  by: ReadonlyArray<string>,
  rows: string,
  columns: readonly [PositiveSum, PositiveSum],
): ColumnTable | undefined => {
  const [a, b] = columns.map((c) => table.column(c.column) as unknown)
  if (!isWhole(a) || !isWhole(b)) return undefined
  const kept = keptGroups(table, by, [])
  if (kept === undefined) return undefined
  const size = kept.grouping.groups.size
  const out = Array.from({ length: 5 }, () => new Float64Array(size)) as Totals
  pass(kept.of, a, b, out)
  const [n, aboveA, sumA, aboveB, sumB] = out
  return keptTable(kept, by, n, [
    [rows, n],
    [columns[0].above, aboveA],
    [columns[0].sum, sumA],
    [columns[1].above, aboveB],
    [columns[1].sum, sumB],
  ])
}

type Totals = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array]

// The loop in a function of its own, optimised on its own.
const pass = (of: Int32Array, a: Whole, b: Whole, [n, aboveA, sumA, aboveB, sumB]: Totals): void => {
  for (let i = 0; i < of.length; i++) {
    const g = of[i]!
    const x = a[i]!
    const y = b[i]!
    n[g]!++
    sumA[g]! += x
    sumB[g]! += y
    if (x > 0) aboveA[g]!++
    if (y > 0) aboveB[g]!++
  }
}
