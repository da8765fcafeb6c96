/**
 * The dimensions indicators are grouped by: municipality, offering, category,
 * department, KPR service type, month, year and, for feedback, its source.
 *
 * @module
 */
import { Collections } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { type Dimension, dimensions, inCanonicalOrder, requireBy } from "./internal/dimensionList.js"
import type { Bilingual } from "./internal/text.js"

/** A grouping dimension (see the list in {@link all}). */
export type { Dimension }

/**
 * Every dimension, in the order tables show them.
 * @example
 * Dimension.all.includes("month") // true
 * @category models
 */
export const all: ReadonlyArray<Dimension> = dimensions

/**
 * The dimensions most indicators may be grouped by: what every activity
 * record can be placed on. An indicator built with `Indicator.rate` or
 * `Indicator.count` has these unless it names its own.
 * @example
 * Dimension.standard // ["municipality", "offering", "category", "department", "month", "year"]
 * @category models
 */
export const standard: ReadonlyArray<Dimension> = Object.freeze([
  "municipality",
  "offering",
  "category",
  "department",
  "month",
  "year",
] as const)

/**
 * The column headings of each dimension.
 * @example
 * Dimension.labels.offering.nb // "Tilbud"
 * @category models
 */
export const labels: Readonly<Record<Dimension, Bilingual>> = Collections.deepFreeze({
  municipality: { nb: "Kommune", en: "Municipality" },
  offering: { nb: "Tilbud", en: "Offering" },
  category: { nb: "Kategori", en: "Category" },
  department: { nb: "Avdeling", en: "Department" },
  kprService: { nb: "KPR-tjenestetype", en: "KPR service type" },
  month: { nb: "Måned", en: "Month" },
  year: { nb: "År", en: "Year" },
  source: { nb: "Kilde", en: "Source" },
})

/**
 * The value that marks a margin (total) row in an indicator table: the row
 * holds the indicator over every value of that dimension.
 * @example
 * table.filter((d) => d.offering === "(total)")
 * @category models
 */
export const TOTAL = "(total)"

/**
 * The value for a record that cannot be placed on a dimension, such as a FIT
 * score without an enrollment when grouping by offering.
 * @example
 * Dimension.UNKNOWN // "(unknown)"
 * @category models
 */
export const UNKNOWN = "(unknown)"

/**
 * Sorts dimensions into their canonical order and drops duplicates, so that
 * `["month", "offering"]` and `["offering", "month"]` give the same table.
 * A name that is no dimension is refused, not dropped: a misspelt grouping
 * would otherwise give the grand total without a word.
 * @example
 * Dimension.canonical(["month", "offering"]) // ["offering", "month"]
 * @category constructors
 */
export const canonical = guard(
  "Dimension.canonical",
  {
    nb: "en liste med dimensjoner (municipality, offering, category, department, kprService, month, year, source)",
    en: "a list of dimensions (municipality, offering, category, department, kprService, month, year, source)",
  },
  (by: ReadonlyArray<Dimension>): ReadonlyArray<Dimension> => {
    return inCanonicalOrder(requireBy("Dimension.canonical", by))
  },
)
