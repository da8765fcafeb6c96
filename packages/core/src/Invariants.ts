/**
 * The model's invariants as pure functions over a municipality-year. Each
 * returns typed violations and never throws, even on data that breaks its
 * own references.
 *
 * @module
 */
import type { Dataset, EntityName } from "./Dataset.js"
import { guard } from "./internal/guard.js"
import { type Context, makeContext, violation } from "./invariants/context.js"
import { departmentsContribute } from "./invariants/contributions.js"
import {
  citizensAreAdults,
  departmentGroupsServeOwnCitizens,
  noEnrollmentAfterTransition,
} from "./invariants/enrollments.js"
import { duplicateIds, idsAreUnique, withoutDuplicates } from "./invariants/integrity.js"
import { offeringsAreFree, onlyDepartmentsRunDepartmentGroups } from "./invariants/offerings.js"
import { referencesResolve } from "./invariants/references.js"
import {
  attendanceWithinPeriod,
  completionNeedsGoalEvaluation,
  extensionsWithinLimit,
  sessionLimitsHold,
  treatmentNeedsReferralAndGoal,
} from "./invariants/treatment.js"
import type { Violation } from "./invariants/Violation.js"
import * as Policy from "./Policy.js"
import * as Redact from "./Redact.js"

export {
  /**
   * The citation each rule enforces, by violation code: a `Citation.Quoted`
   * (title, section, lines and the words on them).
   * @example
   * Invariants.seedFacts["offering-not-free"].lines // "35"
   * @category models
   */
  seedFacts,
} from "./invariants/seeds.js"
export type { SeedFact, Violation, ViolationCode } from "./invariants/Violation.js"
export type { Policy } from "./Policy.js"

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
  referencesResolve,
  idsAreUnique,
} as const satisfies Record<string, (ctx: Context) => Array<Violation>>

/** @category models */
export type InvariantName = keyof typeof all

// The error's own text may quote the data; only its kind is shown.
const kindOf = (e: unknown): string => (e instanceof Error ? e.name : typeof e)

const run = (name: InvariantName, ctx: Context): Array<Violation> => {
  try {
    return all[name](ctx)
  } catch (e) {
    // Data so broken that a rule cannot read it is itself a finding.
    return [
      violation("unreadable-data", name, undefined, {
        en: `The invariant ${name} could not read the data (${kindOf(e)})`,
        nb: `Invarianten ${name} kunne ikke lese dataene (${kindOf(e)})`,
      }),
    ]
  }
}

// Integrity checks see every record; the model's rules skip records whose id is
// not unique, since they cannot tell which of them a reference means.
const integrityChecks: ReadonlySet<InvariantName> = new Set(["referencesResolve", "idsAreUnique"])

interface Contexts {
  readonly full: Context
  readonly unique: Context
}

const contextOf = (data: Dataset, policy: Policy.Policy): Contexts | Violation => {
  try {
    const p = policy
    const dups = duplicateIds(data)
    const full: Context = { ...makeContext(data, p), duplicates: dups }
    return { full, unique: dups.size === 0 ? full : makeContext(withoutDuplicates(data, dups), p) }
  } catch (e) {
    return violation("unreadable-data", "", undefined, {
      en: `The data could not be indexed (${kindOf(e)})`,
      nb: `Dataene kunne ikke indekseres (${kindOf(e)})`,
    })
  }
}

const runIn = (name: InvariantName, ctx: Contexts) => run(name, integrityChecks.has(name) ? ctx.full : ctx.unique)

/**
 * Options for {@link check}: the policy (every number and date the
 * invariants compare against, from `InForce.policy(tree)` in
 * `@aktivitetsmodell/rules`), and the line each record
 * starts on in its file (as the loaders report them), so that a violation
 * names the line as well as the path.
 * @category models
 */
export interface CheckOptions {
  readonly policy: Policy.Policy
  readonly lines?: { readonly [E in EntityName]?: ReadonlyArray<number> }
}

const recordAt = /^([A-Za-z]+)\[(\d+)\]/u

const withLines = (violations: Array<Violation>, lines: CheckOptions["lines"]): Array<Violation> => {
  if (lines === undefined || lines === null || typeof lines !== "object") return violations
  return violations.map((v) => {
    const m = recordAt.exec(v.path)
    const entity = m?.[1]
    const perEntity = entity !== undefined && Object.hasOwn(lines, entity) ? lines[entity as EntityName] : undefined
    const line = Array.isArray(perEntity) ? perEntity[Number(m?.[2])] : undefined
    return typeof line === "number" ? { ...v, line } : v
  })
}

/**
 * Runs every invariant and returns all violations (empty when the year is sound).
 * @example
 * const violations = Invariants.check(year, { policy: InForce.policy(tree) })
 * for (const v of violations) console.log(v.code, v.path, v.message.nb)
 * @category invariants
 */
export const check = guard(
  "Invariants.check",
  { en: "(data: Dataset, { policy })", nb: "(data: Dataset, { policy })" },
  (data: Dataset, options: CheckOptions): Array<Violation> => {
    const ctx = contextOf(data, Policy.ensure("Invariants.check", options?.policy))
    if (!("full" in ctx)) return [ctx]
    return withLines(
      (Object.keys(all) as Array<InvariantName>).flatMap((name) => runIn(name, ctx)),
      options?.lines,
    )
  },
)

/**
 * Runs one invariant.
 * @example
 * Invariants.checkOne("offeringsAreFree", year)
 * @category invariants
 */
export const checkOne = guard(
  "Invariants.checkOne",
  { en: "an invariant name and a dataset", nb: "et invariantnavn og et datasett" },
  (name: InvariantName, data: Dataset, options: { readonly policy: Policy.Policy }): Array<Violation> => {
    const ctx = contextOf(data, Policy.ensure("Invariants.checkOne", options?.policy))
    if (!("full" in ctx)) return [ctx]
    if (typeof name !== "string" || !Object.hasOwn(all, name)) {
      return [
        violation("unreadable-data", "", undefined, {
          en: `Unknown invariant ${Redact.show(name, 40)}`,
          nb: `Ukjent invariant ${Redact.show(name, 40)}`,
        }),
      ]
    }
    return runIn(name, ctx)
  },
)
