// Report rows in the order a reader looks for them: names alphabetically in
// the report's language (ids sort differently from names), months and years
// in time, totals last.
import { type Dimension, TOTAL } from "../Dimension.js"
import * as Labels from "../Labels.js"
import type { Lang } from "./text.js"

type Row = Record<string, unknown>

/** Sorts rows for display by the labels of their dimensions, totals last. */
export const displayOrder = <R extends Row>(
  rows: ReadonlyArray<R>,
  by: ReadonlyArray<Dimension>,
  lang: Lang,
): Array<R> => {
  const collator = new Intl.Collator(lang === "nb" ? "nb" : "en")
  const key = (r: R, d: Dimension) => (d === "month" || d === "year" ? String(r[d]) : Labels.value(d, r[d], lang))
  return [...rows].sort((a, b) => {
    for (const d of by) {
      const ta = a[d] === TOTAL
      const tb = b[d] === TOTAL
      if (ta !== tb) return ta ? 1 : -1
      const c = collator.compare(key(a, d), key(b, d))
      if (c !== 0) return c
    }
    return 0
  })
}

/**
 * The rows of a published table in display order, each with a test for its
 * hidden cells (the table's `states`, which follow the table's own order)
 * and whether the indicator applies to it (`notApplicable`, same order).
 */
export const displayRows = (
  published: {
    readonly table: { objects: () => Array<object> }
    readonly states: ReadonlyArray<Readonly<Record<string, string>>>
    readonly by: ReadonlyArray<Dimension>
    readonly notApplicable?: ReadonlyArray<boolean>
  },
  lang: Lang,
): Array<{
  readonly row: Row
  readonly hidden: (column: string) => boolean
  readonly anyHidden: boolean
  readonly notApplicable: boolean
}> => {
  const rows = published.table.objects() as Array<Row>
  const at = new Map(rows.map((r, i) => [r, i] as const))
  return displayOrder(rows, published.by, lang).map((row) => {
    const i = at.get(row)!
    const s = published.states[i] ?? {}
    return {
      row,
      hidden: (column: string) => Object.hasOwn(s, column),
      anyHidden: Object.keys(s).length > 0,
      notApplicable: published.notApplicable?.[i] === true,
    }
  })
}
