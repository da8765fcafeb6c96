// The records each catalogue indicator counts, by the entity that holds them.
// A report whose input lacks one of them (no file, an empty file, every
// record rejected) cannot compute the indicator: it publishes it as missing,
// since zero would say "none happened" where nobody knows.
import type { Dataset } from "@aktivitetsmodell/core"
import type { Indicator } from "./indicatorModel.js"
import type { Bilingual } from "./text.js"

type Entity = Dataset.EntityName

const inputs: Readonly<Record<string, ReadonlyArray<Entity>>> = {
  participation: ["attendance", "sessions"],
  attendanceRate: ["attendance"],
  capacityUse: ["attendance", "sessions"],
  newReturning: ["enrollments"],
  communityTransition: ["enrollments", "transitions"],
  completionRate: ["enrollments"],
  extensionRate: ["enrollments", "extensions"],
  goalAttainment: ["goalEvaluations"],
  referralToStart: ["referrals", "enrollments", "attendance"],
  recoveryStart: ["enrollments", "transitions"],
  orsChange: ["fitScores"],
  srsAlerts: ["fitScores"],
  involvement: ["sessions"],
  departmentContributions: ["contributions"],
  feedbackSummary: ["feedback"],
  kprReportable: ["enrollments"],
}

/** The entities a catalogue indicator counts; none for an indicator of the caller's own. */
export const inputsOf = (indicator: Pick<Indicator, "id">): ReadonlyArray<Entity> =>
  Object.hasOwn(inputs, indicator.id) ? inputs[indicator.id]! : []

/**
 * An entity whose records could not be read, and why: an indicator that
 * counts it is published as missing, with this reason.
 * @category models
 */
export interface MissingInput {
  readonly entity: string
  readonly reason: Bilingual
}

/** Why `indicator` cannot be computed from what was read, or undefined when it can. */
export const missingReason = (
  indicator: Pick<Indicator, "id">,
  missing: ReadonlyArray<MissingInput>,
): Bilingual | undefined => {
  const lacking = missing.filter((m) => inputsOf(indicator).includes(m.entity as Entity))
  if (lacking.length === 0) return undefined
  return {
    nb: `Tallene mangler: ${lacking.map((m) => m.reason.nb).join("; ")}`,
    en: `The figures are missing: ${lacking.map((m) => m.reason.en).join("; ")}`,
  }
}
