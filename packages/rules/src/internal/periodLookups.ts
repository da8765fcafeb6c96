// Parameter lookups that are the same for every subject in a policy period,
// made once per period (per `Context` object) instead of once per subject:
// each parameter by name with its value in force, each offering's limits
// without building their names again, the transition's end and cohorts' ends.
import { Calendar, Policy } from "@aktivitetsmodell/core"
import { addTo } from "../PeriodLength.js"
import type { Context, DatedParameter, Used } from "./factContext.js"

/** A parameter and its value on the period's question dates (undefined when it has none). */
export interface Lookup<P extends DatedParameter> {
  readonly parameter: P
  readonly inForce: Used<P> | undefined
  /** The parameter's value with each of its entries, by the entry's index, made when first read. */
  readonly byEntry: Array<Used<P> | undefined>
}

/** The parameters that hold one offering's limits; undefined where the policy has none. */
export interface OfferingLookups<P extends DatedParameter> {
  readonly sessions: Lookup<P> | undefined
  readonly weeks: Lookup<P> | undefined
  readonly sessionsPerWeek: Lookup<P> | undefined
  readonly cohortLength: Lookup<P> | undefined
}

/**
 * An offering in force with its limits: what a subject naming it reads,
 * found with one lookup. The offering's facts are copied out once per
 * period: offerings come in many shapes, and reading them per subject would
 * make every read a slow, megamorphic one.
 */
export interface OfferingRow<P extends DatedParameter> {
  readonly id: string | null
  readonly category: string | null
  readonly department: string | null
  readonly status: string | null
  readonly priceNok: number | null
  readonly limits: OfferingLookups<P>
}

/** A period's lookups, filled as subjects need them. */
export interface PeriodLookups<P extends DatedParameter> {
  readonly parameter: (name: string) => Lookup<P> | undefined
  /** The parameters a discontinued offering's transition end and a treatment's extension limit are derived from. */
  readonly modelStart: Lookup<P> | undefined
  readonly transitionDuration: Lookup<P> | undefined
  readonly maxExtensions: Lookup<P> | undefined
  readonly offering: (id: string) => OfferingLookups<P>
  /** The offering a subject names, with its limits; undefined for a name not in force (any value may be asked). */
  readonly row: (name: unknown) => OfferingRow<P> | undefined
  /** `Policy.transitionEnd` for a question date, remembered for the last date asked. */
  readonly transitionEnd: (date: string) => string | null
  /** The last day of a cohort that starts in `month` (YYYY-MM) and lasts `length`, remembered per month. */
  readonly cohortEnd: (month: string, length: string) => string
}

// Far more cohort months than a policy period's subjects start in.
const monthsRemembered = 1_000

const build = <P extends DatedParameter>(now: Context<P>): PeriodLookups<P> => {
  const byName = new Map<string, Lookup<P> | undefined>()
  const byOffering = new Map<string, OfferingLookups<P>>()
  const parameter = (name: string): Lookup<P> | undefined => {
    if (byName.has(name)) return byName.get(name)
    const p = now.policy.parameters.get(name)
    const found = p === undefined ? undefined : { parameter: p, inForce: now.parameters.get(name), byEntry: [] }
    byName.set(name, found)
    return found
  }
  const offering = (id: string): OfferingLookups<P> => {
    let found = byOffering.get(id)
    if (found === undefined) {
      found = {
        sessions: parameter(Policy.limitName(id, "sessions")),
        weeks: parameter(Policy.limitName(id, "weeks")),
        sessionsPerWeek: parameter(Policy.limitName(id, "sessionsPerWeek")),
        cohortLength: parameter(Policy.limitName(id, "cohortLength")),
      }
      byOffering.set(id, found)
    }
    return found
  }
  // Filled once from the offerings in force, so a name a subject gives never adds an entry.
  let rows: Map<unknown, OfferingRow<P>> | undefined
  const row = (name: unknown): OfferingRow<P> | undefined => {
    if (rows === undefined) {
      rows = new Map()
      for (const [key, o] of now.offerings)
        rows.set(key, {
          id: o.id ?? null,
          category: o.category ?? null,
          department: o.operator.department ?? null,
          status: o.status.kind ?? null,
          priceNok: o.priceNok ?? null,
          limits: offering(o.id),
        })
    }
    return rows.get(name)
  }
  const cohorts = new Map<string, Map<string, string>>()
  let lastDate: string | undefined
  let lastEnd: string | null = null
  return {
    parameter,
    modelStart: parameter(Policy.names.modelStart),
    transitionDuration: parameter(Policy.names.transitionDuration),
    maxExtensions: parameter(Policy.names.maxExtensions),
    offering,
    row,
    cohortEnd: (month, length) => {
      let byMonth = cohorts.get(length)
      if (byMonth === undefined) {
        byMonth = new Map()
        cohorts.set(length, byMonth)
      }
      let end = byMonth.get(month)
      if (end === undefined) {
        // Months come from subjects: a batch of crafted ones must not grow this without bound.
        if (byMonth.size >= monthsRemembered) byMonth.clear()
        end = Calendar.addDays(addTo(`${month}-01`, length), -1)
        byMonth.set(month, end)
      }
      return end
    },
    transitionEnd: (date) => {
      if (date !== lastDate) {
        lastEnd = Policy.transitionEnd(now.policy, { question: date }) ?? null
        lastDate = date
      }
      return lastEnd
    },
  }
}

const cache = new WeakMap<object, PeriodLookups<DatedParameter>>()

// The last period asked about: a batch asks for the same one for every subject.
let last: { readonly now: object; readonly lookups: PeriodLookups<DatedParameter> } | undefined

/** The lookups for what is in force in `now`'s period. */
export const lookupsOf = <P extends DatedParameter>(now: Context<P>): PeriodLookups<P> => {
  if (last?.now === now) return last.lookups as unknown as PeriodLookups<P>
  let found = cache.get(now) as PeriodLookups<P> | undefined
  if (found === undefined) {
    found = build(now)
    cache.set(now, found as unknown as PeriodLookups<DatedParameter>)
  }
  last = { now, lookups: found as unknown as PeriodLookups<DatedParameter> }
  return found
}

/**
 * The value a subject reads from `lookup`, by the parameter's own dating
 * rule: the period's value when that picks the question's date, else the
 * value on the date it picks (an enrollment keeps the limits of its first day).
 */
export const valueFor = <P extends DatedParameter>(
  lookup: Lookup<P>,
  date: string,
  enrollmentStart: string | undefined,
): Used<P> | undefined => {
  const parameter = lookup.parameter
  const at = parameter.datedBy === "enrollment-start" ? (enrollmentStart ?? date) : date
  if (at === date) return lookup.inForce
  const values = parameter.values
  let k = -1
  for (let i = 0; i < values.length; i++) {
    if (values[i]!.from <= at) k = i
    else break
  }
  if (k < 0) return undefined
  // One object per entry rather than one per subject: a batch reads the same few entries for every enrollment.
  let used = lookup.byEntry[k]
  if (used === undefined) {
    used = { parameter, entry: values[k]! }
    lookup.byEntry[k] = used
  }
  return used
}
