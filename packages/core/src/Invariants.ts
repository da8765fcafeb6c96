/**
 * The model's invariants as pure functions over a municipality-year. Each
 * returns typed violations and never throws, even on data that breaks its
 * own references.
 *
 * @module
 */
import { type Catalogue, sandnes } from "./Catalogue.js"
import type { Dataset } from "./Dataset.js"
import { departmentsContribute } from "./invariants/contributions.js"
import { type Context, makeContext, type Policy, policyOf, violation } from "./invariants/context.js"
import {
  citizensAreAdults,
  departmentGroupsServeOwnCitizens,
  noEnrollmentAfterTransition,
  referencesResolve
} from "./invariants/enrollments.js"
import { offeringsAreFree, onlyDepartmentsRunDepartmentGroups } from "./invariants/offerings.js"
import {
  attendanceWithinPeriod,
  completionNeedsGoalEvaluation,
  extensionsWithinLimit,
  sessionLimitsHold,
  treatmentNeedsReferralAndGoal
} from "./invariants/treatment.js"
import type { Violation } from "./invariants/Violation.js"

export type { SeedFact, Violation, ViolationCode } from "./invariants/Violation.js"
export type { Policy } from "./invariants/context.js"

/**
 * Every invariant by name. Run one alone with {@link checkOne}.
 * @category invariants
 */
export const all = {
  offeringsAreFree,
  onlyDepartmentsRunDepartmentGroups,
  departmentGroupsServeOwnCitizens,
  noEnrollmentAfterTransition,
  treatmentNeedsReferralAndGoal,
  attendanceWithinPeriod,
  extensionsWithinLimit,
  sessionLimitsHold,
  completionNeedsGoalEvaluation,
  departmentsContribute,
  citizensAreAdults,
  referencesResolve
} as const satisfies Record<string, (ctx: Context) => Array<Violation>>

/** @category models */
export type InvariantName = keyof typeof all

/**
 * The policy numbers the invariants use: minimum age, the department
 * contribution and the price. Defaults to the catalogue's parameters; the
 * rules package passes dated values.
 * @example
 * Invariants.policyFrom(Catalogue.sandnes()) // { minimumAge: 18, departmentContributionPercent: 20, priceNok: 0 }
 * @category constructors
 */
export const policyFrom = (catalogue: Catalogue): Policy => policyOf(catalogue.parameters)

const run = (name: InvariantName, ctx: Context): Array<Violation> => {
  try {
    return all[name](ctx)
  } catch (e) {
    // Data so broken that a rule cannot read it is itself a finding.
    return [
      violation("unreadable-data", name, undefined, {
        en: `The invariant ${name} could not read the data: ${e instanceof Error ? e.message : String(e)}`,
        nb: `Invarianten ${name} kunne ikke lese dataene: ${e instanceof Error ? e.message : String(e)}`
      })
    ]
  }
}

const contextOf = (data: Dataset, policy: Policy | undefined): Context | Violation => {
  try {
    return makeContext(data, policy ?? policyFrom(sandnes()))
  } catch (e) {
    return violation("unreadable-data", "", undefined, {
      en: `The data could not be indexed: ${e instanceof Error ? e.message : String(e)}`,
      nb: `Dataene kunne ikke indekseres: ${e instanceof Error ? e.message : String(e)}`
    })
  }
}

/**
 * Runs every invariant and returns all violations (empty when the year is sound).
 * @example
 * const violations = Invariants.check(year)
 * for (const v of violations) console.log(v.code, v.path, v.message.nb)
 * @category invariants
 */
export const check = (data: Dataset, options: { readonly policy?: Policy } = {}): Array<Violation> => {
  const ctx = contextOf(data, options.policy)
  if (!("data" in ctx)) return [ctx]
  return (Object.keys(all) as Array<InvariantName>).flatMap((name) => run(name, ctx))
}

/**
 * Runs one invariant.
 * @example
 * Invariants.checkOne("offeringsAreFree", year)
 * @category invariants
 */
export const checkOne = (name: InvariantName, data: Dataset, options: { readonly policy?: Policy } = {}): Array<Violation> => {
  const ctx = contextOf(data, options.policy)
  return "data" in ctx ? run(name, ctx) : [ctx]
}
