// The types of an indicator, apart from Indicator.ts so that the shape
// checks (and the privacy modules) read them without an import loop.
// Indicator.ts re-exports them; this file holds no code.
import type { Citation } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import type { Tables } from "../tables/types.js"
import type { Dimension } from "./dimensionList.js"
import type { Bilingual } from "./text.js"

/**
 * How a measure is protected when published (see `privacy/Measures.ts`):
 * - `persons` — a count of citizens (or their records) in a named set of
 *   people (`set`); a cell of the publication's linear system, small counts
 *   suppressed by the profile
 * - `count` — with `of`, a count of events of the people in a set
 *   (attendances, forms): small ones are suppressed and it is hidden with its
 *   set; without `of`, a count that is not about citizens (sessions, places,
 *   helpers), never suppressed
 * - `rate` — `numerator / denominator`; hidden when either is hidden
 * - `statistic` — a median, mean or percentage over the people in the
 *   measures named by `over`; hidden when one of them is (without `over`,
 *   when any count of its row is)
 * @category models
 */
export type MeasureKind = "persons" | "count" | "rate" | "statistic"

/**
 * One column of an indicator table.
 * @example
 * const m: Indicator.Measure = { column: "rate", label: { nb: "Andel", en: "Share" }, kind: "rate", unit: "share", numerator: "present", denominator: "booked" }
 * @category models
 */
export interface Measure {
  readonly column: string
  readonly label: Bilingual
  readonly kind: MeasureKind
  readonly unit:
    | "persons"
    | "records"
    | "sessions"
    | "attendances"
    | "forms"
    | "share"
    | "days"
    | "points"
    | "percent"
    | "rating"
    | "per-session"
    | "places"
  readonly numerator?: string
  readonly denominator?: string
  /** For `persons`: the set of people counted (`booked`, `present`, `responses` …), one of `Measures.families`. */
  readonly set?: string
  /** For `count`: the set of people whose events (attendances, forms) are counted. */
  readonly of?: string
  /** For `statistic`: the measures (columns) whose people it is computed over; `[]` for none. */
  readonly over?: ReadonlyArray<string>
}

/**
 * An indicator's definition in words, as an analyst writes it in a report.
 * @category models
 */
export interface Definition {
  readonly numerator: Bilingual
  readonly denominator: Bilingual | null
  readonly unit: Bilingual
  readonly period: Bilingual
  readonly note?: Bilingual
}

/**
 * The fact in a source document an indicator serves: core's citation (the
 * document by its title, as `docs/sources/README.md` lists it, the section
 * and line(s) in it) with its lines always given, and the fact.
 * @category models
 */
export interface SeedFact extends Citation.Citation {
  readonly lines: string
  readonly fact: Bilingual
}

/**
 * An indicator. `compute` returns one row per group of `by` with the
 * dimension columns followed by the measure columns; `headline` names the
 * measure a chart or summary shows.
 * @example
 * Indicators.catalogue.attendanceRate.name.nb // "Oppmøte"
 * @category models
 */
export interface Indicator<Id extends string = string> {
  readonly id: Id
  readonly name: Bilingual
  readonly definition: Definition
  readonly dimensions: ReadonlyArray<Dimension>
  readonly defaultBy: ReadonlyArray<Dimension>
  readonly seed: SeedFact
  readonly measures: ReadonlyArray<Measure>
  readonly headline: string
  readonly compute: (tables: Tables, by: ReadonlyArray<Dimension>) => ColumnTable
  /**
   * For an indicator that is defined for some offerings only: a column of
   * `tables.offerings` that is 1 for those (completion: `hasCompletion`). A
   * row about offerings none of which it is defined for reads "not
   * applicable" in every measure (see {@link Result}), never 0 %.
   */
  readonly definedFor?: string
}

/**
 * An indicator computed for a grouping: its table and how it was grouped.
 * With margins, rows whose dimension value is `"(total)"` hold the totals.
 * @category models
 */
export interface Result {
  readonly indicator: Indicator
  readonly by: ReadonlyArray<Dimension>
  readonly margins: boolean
  readonly table: ColumnTable
  /** For an indicator with `definedFor`: per row (the table's order), true where it does not apply. */
  readonly notApplicable?: ReadonlyArray<boolean>
}
