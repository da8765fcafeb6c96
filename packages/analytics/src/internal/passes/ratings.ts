// Responses, ratings, their sum and the ratings at or above a threshold per
// group, over the rows a condition keeps, in one pass: what rollupBy(table,
// by, { count, valid(c), mean(c), countAtLeast(c, t) }, { where }) gives for
// feedback, without a pass per aggregate.
import type { ColumnTable } from "arquero"
import type { Where } from "../kernel/where.js"
import { groupingOf } from "./grouping.js"
import { type KeptGroups, keptGroups, keptTable } from "./keptGroups.js"
import { type Range, splitConditions } from "./keptOf.js"

/** The output columns' names. */
export interface RatingNames {
  readonly rows: string
  readonly valid: string
  readonly mean: string
  readonly atLeast: string
}

/**
 * Per group of `by` over the rows where `where` holds: the rows, the valid
 * values of `column` (not null, undefined or NaN), their sum over their
 * count (NaN for none, as the kernel's mean), and the rows whose value is at
 * least `threshold` as JavaScript compares; undefined when a column is not
 * of a kind this pass reads.
 */
export const ratings = (
  table: ColumnTable,
  by: ReadonlyArray<string>,
  where: Where,
  column: string,
  threshold: number,
  names: RatingNames,
): ColumnTable | undefined => {
  const values = table.column(column) as unknown
  if (!Array.isArray(values) && !(values instanceof Float64Array)) return undefined
  // A range on an Int32Array alone, the feedback's period: judged in the plain pass.
  const split = splitConditions(table, where)
  const range = split.byCode === undefined && split.rest.length === 0 && Array.isArray(values) ? split.range : undefined
  const grouping = range === undefined ? undefined : groupingOf(table, by)
  const kept: KeptGroups | undefined =
    grouping === undefined ? keptGroups(table, by, where) : { grouping, of: grouping.groups.of, filtered: true }
  if (kept === undefined) return undefined
  const size = kept.grouping.groups.size
  const out = Array.from({ length: 4 }, () => new Float64Array(size)) as Totals
  const [rows, valid, sum, atLeast] = out
  if (Array.isArray(values)) plainPass(kept.of, grouping === undefined ? undefined : range, values, threshold, out)
  else typedPass(kept.of, values, threshold, out)
  return keptTable(kept, by, rows, [
    [names.rows, rows],
    [names.valid, valid],
    [names.mean, Array.from(sum, (s, g) => (valid[g]! > 0 ? s / valid[g]! : Number.NaN))],
    [names.atLeast, atLeast],
  ])
}

type Totals = [Float64Array, Float64Array, Float64Array, Float64Array]

// Each loop in a function of its own, optimised on its own for its one array
// type. A null compares as 0; asking for it first keeps `null >= t`, which
// V8 answers in a slow generic path, out of the loop.
const plainPass = (
  of: Int32Array,
  range: Range | undefined,
  values: ReadonlyArray<unknown>,
  threshold: number,
  [rows, valid, sum, atLeast]: Totals,
): void => {
  const nullPasses = 0 >= threshold
  const days = range?.values
  const from = range?.from ?? 0
  const to = range?.to ?? 0
  for (let i = 0; i < of.length; i++) {
    const g = of[i]!
    if (g < 0) continue
    if (days !== undefined) {
      const d = days[i]!
      if (!(d >= from && d <= to)) continue
    }
    rows[g]!++
    const v = values[i]
    if (typeof v === "number") {
      if (v >= threshold) atLeast[g]!++
      if (Number.isNaN(v)) continue
      valid[g]!++
      sum[g]! += v
    } else if (v === null) {
      if (nullPasses) atLeast[g]!++
    } else if (v !== undefined) {
      // Anything else as the kernel judges it: compared as JavaScript compares, valid unless NaN.
      if ((v as number) >= threshold) atLeast[g]!++
      if (Number.isNaN(v)) continue
      valid[g]!++
      sum[g]! += +(v as number)
    }
  }
}

const typedPass = (
  of: Int32Array,
  values: Float64Array,
  threshold: number,
  [rows, valid, sum, atLeast]: Totals,
): void => {
  for (let i = 0; i < of.length; i++) {
    const g = of[i]!
    if (g < 0) continue
    rows[g]!++
    const v = values[i]!
    if (v >= threshold) atLeast[g]!++
    if (Number.isNaN(v)) continue
    valid[g]!++
    sum[g]! += v
  }
}
