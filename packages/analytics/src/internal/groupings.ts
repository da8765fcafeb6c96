// An indicator and a grouping a report computes, and the groupings that
// computing it with margins reads: every subset of the grouping, from the
// whole grouping down to the grand total. One list of them lets an engine
// that computes ahead (DuckDB) compute exactly what the report will read.
import type { Dimension } from "../Dimension.js"
import { canonical } from "../Dimension.js"
import type { Indicator } from "./indicatorModel.js"

/** An indicator by a grouping, with or without margins (totals). */
export interface Grouping {
  readonly indicator: Indicator
  readonly by: ReadonlyArray<Dimension>
  readonly margins: boolean
}

/** Subsets of `by` from the full grouping down to the grand total, each in `by`'s order. */
export const marginSubsets = (by: ReadonlyArray<Dimension>): Array<ReadonlyArray<Dimension>> => {
  const subsets: Array<ReadonlyArray<Dimension>> = []
  for (let mask = (1 << by.length) - 1; mask >= 0; mask--)
    subsets.push(by.filter((_, i) => (mask & (1 << (by.length - 1 - i))) !== 0))
  return subsets
}

/** The key of an indicator's grouping (canonical order). */
export const pairKey = (indicator: Indicator, by: ReadonlyArray<Dimension>): string =>
  `${indicator.id}\u0000${canonical(by).join(",")}`

/**
 * Every (indicator, grouping) pair that computing the groupings reads, once
 * each, in canonical order.
 */
export const pairsOf = (
  groupings: ReadonlyArray<Grouping>,
): Array<{ readonly indicator: Indicator; readonly by: ReadonlyArray<Dimension> }> => {
  const pairs = new Map<string, { readonly indicator: Indicator; readonly by: ReadonlyArray<Dimension> }>()
  for (const g of groupings) {
    const by = canonical(g.by)
    for (const subset of g.margins && by.length > 0 ? marginSubsets(by) : [by])
      pairs.set(pairKey(g.indicator, subset), { indicator: g.indicator, by: subset })
  }
  return [...pairs.values()]
}
