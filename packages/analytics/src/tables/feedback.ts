// The `feedback` table: every piece of feedback, its theme as a code of the closed list.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { allRows, dimensionColumns } from "../internal/columns.js"
import { encode } from "../internal/DictionaryColumn.js"
import { codeOf } from "../privacy/Themes.js"
import type { Context } from "./context.js"

/** Columns: source, offering, category, department, day, month, year, rating, theme. */
export const feedback = (c: Context): ColumnTable => {
  const fb = c.dataset.feedback
  return aq.table({
    source: encode(fb.length, (i) => fb[i]!.source as string),
    ...dimensionColumns(
      allRows(fb.length),
      (r) => fb[r]!.offeringId,
      (r) => fb[r]!.date,
      c.facts,
      c.dates,
    ),
    // Feedback about a whole category names the category without an offering.
    category: encode(fb.length, (i) => fb[i]!.category ?? c.categoryOf(fb[i]!.offeringId)),
    rating: fb.map((f) => f.rating ?? null),
    // A code of the closed list, never the free text (it may name someone).
    theme: fb.map((f) => codeOf(f.theme)),
  })
}
