/**
 * What a report shows, before it is written as HTML or Markdown: the
 * published indicator tables, headline figures, the service statistics, the
 * Recovery College table, the evaluation-plan draft and the provenance.
 * Everything in it has been through small-cell suppression.
 *
 * @module
 */
import type { Plan } from "../EvaluationPlan.js"
import type { Indicator } from "../Indicator.js"
import type { Bilingual, Lang } from "../internal/text.js"
import type { Provenance } from "../Provenance.js"
import type { Profile } from "../privacy/Profile.js"
import type { Published } from "../privacy/Publish.js"
import type { Rule } from "../privacy/Suppression.js"
import type { Section as InputSection } from "./Rejected.js"

/**
 * One indicator in a report: its table by its own grouping (with totals)
 * and, where it can be grouped by month, the same over the months.
 * @category models
 */
export interface Section {
  readonly indicator: Indicator
  readonly table: Published
  readonly monthly: Published | null
  /** Why every figure of the indicator is missing (its input could not be read); absent when it was computed. */
  readonly missing?: Bilingual
}

/**
 * A figure for the summary: a label and its formatted value.
 * @category models
 */
export interface Headline {
  readonly label: Bilingual
  readonly value: string
}

/**
 * A grid of numbers for a report table: rows, columns, cells with their
 * states (shown, hidden, missing) already decided.
 * @category models
 */
export interface Grid {
  readonly title: Bilingual
  readonly rowHeading: Bilingual
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<{ readonly label: string; readonly cells: ReadonlyArray<string> }>
  readonly note: Bilingual | null
}

/**
 * A report, ready to be written.
 * @category models
 */
export interface Model {
  readonly lang: Lang
  readonly title: string
  readonly period: { readonly from: string; readonly to: string }
  /** Data source, synthetic or not, generation time, versions and policy hash: stated on every output. */
  readonly provenance: Provenance
  readonly headlines: ReadonlyArray<Headline>
  readonly sections: ReadonlyArray<Section>
  readonly statistics: { readonly grids: ReadonlyArray<Grid>; readonly chart: string } | null
  readonly recoveryCollege: ReadonlyArray<Grid> | null
  readonly plan: Plan
  /** The profile's small range as `{ min, max }`. */
  readonly rule: Rule
  readonly profile: Profile
  readonly hidden: { readonly primary: number; readonly secondary: number }
  readonly charts: ReadonlyMap<string, { readonly bars: string; readonly months: string | null }>
  /** What reading the input files found: rejected records and broken rules (absent for generated data). */
  readonly rejected?: InputSection
}
