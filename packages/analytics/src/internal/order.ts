// Report rows in the order a reader looks for them: names alphabetically in
// the report's language (ids sort differently from names), months and years
// in time, totals last.
import { type Dimension, TOTAL } from "../Dimension.js"
import * as Labels from "../Labels.js"
import type { Lang } from "./text.js"

type Row = Record<string, unknown>

/** Sorts rows for display by the labels of their dimensions, totals last. */
export const displayOrder = <R extends Row>(rows: ReadonlyArray<R>, by: ReadonlyArray<Dimension>, lang: Lang): Array<R> => {
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
