// The shapes of the tables, apart from Tables.ts and its builders so that a
// module that only reads tables imports no builder (and no import cycle
// runs through Tables.ts).
import type { Policy } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"

/**
 * The period indicators cover, as ISO dates (inclusive).
 * @category models
 */
export interface Period {
  readonly from: string
  readonly to: string
}

/**
 * The tables of one period. Every table but `extensions` also has a first
 * column `municipality`: the dataset's municipality number, or null when it
 * names none (`Tables.combine` joins several municipalities). Columns, by table:
 * - `offerings`: offering, name (bokmål, from the offering's `name.nb`), nameEn (from `name.en`), category, department, team, partners (comma-separated), status (active, transferred, discontinued), capacity,
 *   hasCompletion (1 when an enrollment can end as completed: not an open offering meant for long-term participation)
 * - `departments`: department, name (bokmål, from `name.nb`), nameEn (from `name.en`)
 * - `attendance` (rows in the period): enrollment, citizen, offering, category, department, day, month, year, present, noShow
 * - `sessions` (rows in the period): offering, category, department, day, month, year, students, volunteers
 * - `enrollments` (all): enrollment, citizen, offering, category, department, kprService (the offering's KPR service type from the crosswalk, null when it is not reported), kprIncomplete (1 when `KprCheck` finds the register would lack something), start, startMonth, startYear, stop, closed, closedMonth, closedYear, status, completed, hasCompletion (the offering's), referralDay
 * - `extensions`: enrollment, day
 * - `goalEvaluations`: enrollment, offering, category, department, day, month, year, order, goalReached
 * - `transitions`: citizen, enrollment, offering, category, department, day, month, year
 * - `fitScores`: citizen, offering, category, department, day, month, year, order, instrument, total,
 *   srsAlert (1 when an SRS total is below the alert threshold of its date), orsClinical (1 when an
 *   ORS total is below the clinical cutoff of its date), reliableChange (the ORS reliable-change threshold of its date)
 * - `contributions`: department, from, to, share, form
 * - `feedback`: source, offering, category, department, day, month, year, rating, theme (a code of `Themes`: free text that is no theme of the list is `annet`)
 *
 * Days are day numbers (days since 1970-01-01); `order` sorts records by day
 * and then by their place in the input. `enrollment` is the enrollment's row
 * in `enrollments`, or -1 when the record names none.
 * @category models
 */
export interface Tables {
  readonly period: Period
  readonly days: { readonly from: number; readonly to: number }
  readonly requiredContributionPercent: number
  /** The policy the tables were built with: the default disclosure profile comes from it. */
  readonly policy: Policy.Policy
  readonly offerings: ColumnTable
  readonly departments: ColumnTable
  readonly attendance: ColumnTable
  readonly sessions: ColumnTable
  readonly enrollments: ColumnTable
  readonly extensions: ColumnTable
  readonly goalEvaluations: ColumnTable
  readonly transitions: ColumnTable
  readonly fitScores: ColumnTable
  readonly contributions: ColumnTable
  readonly feedback: ColumnTable
}

/** The tables of {@link Tables}, each an arquero table. */
export const tableNames = [
  "offerings",
  "departments",
  "attendance",
  "sessions",
  "enrollments",
  "extensions",
  "goalEvaluations",
  "transitions",
  "fitScores",
  "contributions",
  "feedback",
] as const satisfies ReadonlyArray<keyof Tables>
