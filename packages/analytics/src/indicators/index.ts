/**
 * The indicator catalogue: every indicator of the activity model in one
 * typed object, keyed by id.
 *
 * @module
 */
import type { Indicator } from "../Indicator.js"
import { attendanceRate } from "./attendanceRate.js"
import { capacityUse } from "./capacityUse.js"
import { communityTransition } from "./communityTransition.js"
import { completionRate } from "./completionRate.js"
import { departmentContributions } from "./departmentContributions.js"
import { extensionRate } from "./extensionRate.js"
import { feedbackSummary } from "./feedbackSummary.js"
import { goalAttainment } from "./goalAttainment.js"
import { involvement } from "./involvement.js"
import { newReturning } from "./newReturning.js"
import { orsChange } from "./orsChange.js"
import { participation } from "./participation.js"
import { recoveryStart } from "./recoveryStart.js"
import { referralToStart } from "./referralToStart.js"
import { srsAlerts } from "./srsAlerts.js"

/**
 * Every indicator by id, in the order reports show them: participation
 * first, the model's overarching goal (transition) early, resources last.
 * @example
 * Indicators.catalogue.attendanceRate.definition.numerator.nb
 * @category indicators
 */
export const catalogue = {
  participation,
  newReturning,
  attendanceRate,
  completionRate,
  communityTransition,
  goalAttainment,
  extensionRate,
  referralToStart,
  recoveryStart,
  orsChange,
  srsAlerts,
  capacityUse,
  departmentContributions,
  involvement,
  feedbackSummary
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
