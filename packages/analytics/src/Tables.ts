/**
 * arquero tables built from a municipality-year of core records: the input
 * every indicator reads.
 *
 * Citizens appear only as integer codes, never as pseudonyms, so nothing an
 * indicator computes can carry an identifier. Dimension columns (offering,
 * category, department, month, year; the KPR service type on enrollments)
 * are dictionary-encoded and repeated on every table that needs them
 * ("pre-keyed"), so indicators group without joining back to the offering
 * list.
 *
 * @module
 */
import { Calendar, type Dataset, Policy } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import { guard } from "./internal/boundary.js"
import { optionsOf } from "./internal/checks.js"
import { municipalityOf, withMunicipality } from "./internal/municipalityColumn.js"
import { sealTables } from "./internal/shapes.js"
import { capacityOf, checkDataset, checkIds, periodOf, requiredPercentOf, within } from "./internal/tableInput.js"
import { attendance } from "./tables/attendance.js"
import { type Context, context, name } from "./tables/context.js"
import { contributions } from "./tables/contributions.js"
import { departments } from "./tables/departments.js"
import { enrollments } from "./tables/enrollments.js"
import { extensions } from "./tables/extensions.js"
import { feedback } from "./tables/feedback.js"
import { fitScores } from "./tables/fitScores.js"
import { goalEvaluations } from "./tables/goalEvaluations.js"
import { offerings } from "./tables/offerings.js"
import { sessions } from "./tables/sessions.js"
import { transitions } from "./tables/transitions.js"
import type { Period, Tables } from "./tables/types.js"

export { combine } from "./tables/combine.js"
export { ORDER_SHIFT } from "./tables/context.js"
export type { Period, Tables } from "./tables/types.js"

/**
 * Options for {@link fromDataset}. `policy` (required) gives every policy
 * number the tables carry: the FIT thresholds of each form's date and the
 * required department contribution (build it with `InForce.policy(tree)`
 * from `@aktivitetsmodell/rules`). `period` defaults to the dataset's year;
 * `capacity` gives places per session by offering id (the catalogue has no
 * capacities), a whole number above 0 each, as an object or a Map (only own
 * keys count); `requiredContributionPercent` overrides the policy's
 * `departments.contribution-percent` on the period's last day.
 * @category models
 */
export interface Options {
  readonly policy: Policy.Policy
  readonly period?: Period
  readonly capacity?: Readonly<Record<string, number>> | ReadonlyMap<string, number>
  readonly requiredContributionPercent?: number
}

// The columns that hold ids from the records, checked once the tables are built.
const idColumns: ReadonlyArray<readonly [string, string]> = [
  ...[
    "offerings",
    "attendance",
    "sessions",
    "enrollments",
    "goalEvaluations",
    "transitions",
    "fitScores",
    "feedback",
  ].flatMap((t) => ["offering", "category", "department"].map((c) => [t, c] as const)),
  ["departments", "department"],
  ["contributions", "department"],
  ["feedback", "source"],
]

/**
 * Builds the tables of a municipality-year. Attendance and sessions are kept
 * only inside the period; enrollments and the other records are kept whole,
 * because indicators need their history (a citizen's first enrollment, a
 * treatment that started the year before). A dataset that did not come
 * through core's schemas is checked where it matters: lists per entity,
 * calendar dates, ids as text without "|".
 * @example
 * const tables = Tables.fromDataset(year, { capacity: { sandneshallen: 25 } })
 * tables.attendance.numRows()
 * @category constructors
 */
export const fromDataset = guard(
  name,
  {
    nb: "et kommuneår (et Dataset fra core, som loadDataset eller generate gir) og { policy, period?, capacity?, requiredContributionPercent? }",
    en: "a municipality-year (a core Dataset, as loadDataset or generate give it) and { policy, period?, capacity?, requiredContributionPercent? }",
  },
  (input: Dataset.Dataset, options: Options): Tables => {
    const o = optionsOf(name, options)
    const policy = Policy.ensure(name, o.policy)
    const period = periodOf(name, o.period, checkDataset(name, input))
    const capacity = capacityOf(name, o.capacity)
    const requiredContributionPercent = requiredPercentOf(name, o.requiredContributionPercent, policy, period.to)
    const municipality = municipalityOf(name, input as unknown as Record<string, unknown>)
    const tables = build(input, period, capacity, policy, municipality)
    checkIds(name, tables as unknown as Readonly<Record<string, ColumnTable>>, idColumns)
    return sealTables({ ...tables, requiredContributionPercent, policy })
  },
)

// Each table from its own builder (src/tables/), in this order: citizens get
// their codes in order of first appearance, attendance first, then
// enrollments, transitions and FIT forms.
const build = (
  dataset: Dataset.Dataset,
  period: Period,
  capacityFor: (offering: string) => number | null,
  policy: Policy.Policy,
  municipality: string | null,
): Omit<Tables, "requiredContributionPercent" | "policy"> => {
  const c = context(dataset, period, capacityFor, policy)
  // An error of ours names the table it was building; every table but
  // extensions (read through its enrollment) carries the municipality.
  const of = (entity: string, table: (c: Context) => ColumnTable): ColumnTable =>
    within(
      name,
      entity,
      () => (entity === "extensions" ? table(c) : withMunicipality(table(c), municipality)),
      (dataset as unknown as Record<string, unknown>)[entity],
    )
  return {
    period,
    days: { from: Calendar.dayNumber(period.from), to: Calendar.dayNumber(period.to) },
    offerings: of("offerings", offerings),
    departments: of("departments", departments),
    attendance: of("attendance", attendance),
    sessions: of("sessions", sessions),
    enrollments: of("enrollments", enrollments),
    extensions: of("extensions", extensions),
    goalEvaluations: of("goalEvaluations", goalEvaluations),
    transitions: of("transitions", transitions),
    fitScores: of("fitScores", fitScores),
    contributions: of("contributions", contributions),
    feedback: of("feedback", feedback),
  }
}
