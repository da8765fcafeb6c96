/**
 * The indicator catalogue: every indicator of the activity model in one
 * typed object, keyed by id.
 *
 * @module
 */
import type { Dimension } from "../Dimension.js"
import type { Indicator } from "../Indicator.js"
import { guard } from "../internal/boundary.js"
import { requireBy } from "../internal/dimensionList.js"
import { checkDimensions } from "../internal/group.js"
import { requireTables, trustedIndicator } from "../internal/shapes.js"

import type { Tables } from "../Tables.js"
import { attendanceRate } from "./attendanceRate.js"
import { capacityUse } from "./capacityUse.js"
import { communityTransition } from "./communityTransition.js"
import { completionRate } from "./completionRate.js"
import { departmentContributions } from "./departmentContributions.js"
import { extensionRate } from "./extensionRate.js"
import { feedbackSummary } from "./feedbackSummary.js"
import { goalAttainment } from "./goalAttainment.js"
import { involvement } from "./involvement.js"
import { kprReportable } from "./kprReportable.js"
import { newReturning } from "./newReturning.js"
import { orsChange } from "./orsChange.js"
import { participation } from "./participation.js"
import { recoveryStart } from "./recoveryStart.js"
import { referralToStart } from "./referralToStart.js"
import { srsAlerts } from "./srsAlerts.js"

// Each indicator's own compute is public too (Indicators.catalogue.x.compute):
// it gets the same boundary as Indicator.compute, so that wrong tables or an
// unknown dimension give an AnalyticsError, and a polluted prototype stops it.
const guarded = <Id extends string>(indicator: Indicator<Id>): Indicator<Id> => {
  const name = `Indicators.catalogue.${indicator.id}.compute`
  return trustedIndicator(
    `Indicators.catalogue.${indicator.id}`,
    {
      ...indicator,
      compute: guard(
        name,
        {
          nb: `tabeller fra Tables.fromDataset og en liste med dimensjoner blant ${indicator.dimensions.join(", ")}`,
          en: `tables from Tables.fromDataset and a list of dimensions among ${indicator.dimensions.join(", ")}`,
        },
        (tables: Tables, by: ReadonlyArray<Dimension>) => {
          requireTables(name, tables)
          // The checked copy goes on, not the caller's list, which a getter could change between reads.
          const checked = requireBy(name, by)
          checkDimensions(indicator.id, indicator.dimensions, checked)
          return indicator.compute(tables, checked)
        },
      ),
    },
    indicator.compute,
  )
}

/**
 * Every indicator by id, in the order reports show them: participation
 * first, the model's overarching goal (transition) early, resources and
 * feedback late, and what the municipality reports to registers (KPR) last.
 * @example
 * Indicators.catalogue.attendanceRate.definition.numerator.nb
 * @category indicators
 */
export const catalogue = {
  participation: guarded(participation),
  newReturning: guarded(newReturning),
  attendanceRate: guarded(attendanceRate),
  completionRate: guarded(completionRate),
  communityTransition: guarded(communityTransition),
  goalAttainment: guarded(goalAttainment),
  extensionRate: guarded(extensionRate),
  referralToStart: guarded(referralToStart),
  recoveryStart: guarded(recoveryStart),
  orsChange: guarded(orsChange),
  srsAlerts: guarded(srsAlerts),
  capacityUse: guarded(capacityUse),
  departmentContributions: guarded(departmentContributions),
  involvement: guarded(involvement),
  feedbackSummary: guarded(feedbackSummary),
  kprReportable: guarded(kprReportable),
} as const satisfies Record<string, Indicator>

/**
 * An indicator's id.
 * @category models
 */
export type IndicatorId = keyof typeof catalogue

/**
 * The indicators as a list, in catalogue order.
 * @example
 * Indicators.all.map((i) => i.name.en)
 * @category indicators
 */
export const all: ReadonlyArray<Indicator> = Object.values(catalogue)

export { RECOVERY_OFFERING } from "./recoveryStart.js"
