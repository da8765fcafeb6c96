// Builders for the catalogue's measures, one per kind, so that each
// indicator lists its columns in a line each and the kinds' fixed parts
// (a rate's unit, a count's set) are written once. Key order is Measure's,
// as exports write them.
import type { Measure } from "../Indicator.js"
import type { Bilingual } from "../internal/text.js"

type Unit = Measure["unit"]

/** Citizens (or their records, `unit: "records"`) in the set of people `set`. */
export const persons = (column: string, label: Bilingual, set: string, unit: "persons" | "records"): Measure => ({
  column,
  label,
  kind: "persons",
  unit,
  set,
})

/** Events of the people in `of` (attendances, forms), or, without `of`, a count about no citizen (sessions). */
export const events = (column: string, label: Bilingual, unit: Unit, of?: string): Measure =>
  of === undefined ? { column, label, kind: "count", unit } : { column, label, kind: "count", unit, of }

/** `numerator / denominator` as a share. */
export const share = (column: string, label: Bilingual, numerator: string, denominator: string): Measure => ({
  column,
  label,
  kind: "rate",
  unit: "share",
  numerator,
  denominator,
})

/** A median, mean or other figure over the people of the measures `over`. */
export const statistic = (column: string, label: Bilingual, unit: Unit, over: ReadonlyArray<string>): Measure => ({
  column,
  label,
  kind: "statistic",
  unit,
  over,
})

/** Median and 90th percentile of days, over the people of `over`. */
export const daysQuantiles = (over: string): ReadonlyArray<Measure> => [
  statistic("median", { nb: "Median dager", en: "Median days" }, "days", [over]),
  statistic("p90", { nb: "90-persentil dager", en: "90th percentile days" }, "days", [over]),
]
