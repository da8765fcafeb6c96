// Fact derivation, in one place: a subject's citizen and enrollment from
// records (for `Records` and `DatasetSubjects`), and the facts of a subject
// on a date from what is in force then (for `SubjectFacts` over a policy
// tree and the `decide` entry over a snapshot), so none of them can drift
// apart. This module imports no schema, which keeps the browser path small.
import { Calendar, IsoDate, Policy } from "@aktivitetsmodell/core"
import type { Facts } from "../Facts.js"
import { addTo } from "../PeriodLength.js"
import type { Subject } from "../Subject.js"
import { requireDate } from "./boundary.js"
import type { Open } from "./open.js"

/** A dated parameter as the facts read it: a tree's parameter file, or a snapshot's entry. */
export interface DatedParameter {
  readonly name: string
  readonly file: string
  readonly datedBy: Policy.DatedBy
  readonly values: ReadonlyArray<{ readonly from: string; readonly value: number | string }>
}

/** A parameter's value on a date, with the parameter it belongs to. */
export interface Used<P extends DatedParameter> {
  readonly parameter: P
  readonly entry: P["values"][number]
}

/** What an offering contributes to the facts. A catalogue's `Offering` fits. */
export interface OfferingFacts {
  readonly id: string
  readonly category: string
  readonly operator: { readonly department: string }
  readonly status: { readonly kind: string }
  readonly priceNok: number
}

/** What is in force on a date, as far as the facts need it. `InForce` fits. */
export interface Context<P extends DatedParameter> {
  readonly offerings: ReadonlyMap<string, OfferingFacts>
  readonly parameters: ReadonlyMap<string, Used<P>>
  readonly policy: { readonly parameters: ReadonlyMap<string, P> }
}

/**
 * The facts of a subject on a date, and the parameters each derived fact was
 * computed from (so a decision can say which dated value it used).
 */
export interface Derived<P extends DatedParameter> {
  readonly facts: Facts
  readonly parameters: ReadonlyMap<string, ReadonlyArray<Used<P>>>
  /** Inputs the subject left open and the fact values each leaves possible; `facts` holds option 0 of each. */
  readonly open: ReadonlyArray<Open>
}

/** The ages a citizen may be on `date`: one from a birth date, two from a birth year alone (before or after the birthday). */
const agesOn = (c: Subject["citizen"], date: string): ReadonlyArray<number | null> => {
  if (c === undefined) return [null]
  if (c.birthDate !== undefined) return [Calendar.ageOn(c.birthDate, date)]
  if (c.birthYear === undefined) return [null]
  const reached = Number(date.slice(0, 4)) - c.birthYear
  // On 31 December everyone born that year has had their birthday.
  return date.endsWith("-12-31") ? [reached] : [reached, reached - 1]
}

const openInputs = (subject: Subject, ages: ReadonlyArray<number | null>): ReadonlyArray<Open> => {
  const open: Array<Open> = []
  if (ages.length > 1) open.push({ missing: "citizen.birthDate", options: ages.map((age) => ({ age })) })
  if (subject.jointMeetingHeld === undefined)
    open.push({ missing: "jointMeetingHeld", options: [{ jointMeetingHeld: false }, { jointMeetingHeld: true }] })
  return open
}

/**
 * Every fact for `subject` on `date` from what is in force then. Unknown
 * values are `null`; counts of an enrollment default to 0.
 */
export const deriveFacts = <P extends DatedParameter>(
  subject: Subject,
  date: string,
  now: Context<P>,
  name = "SubjectFacts.of",
): Derived<P> => {
  requireDate(name, "date", date)
  const c = subject.citizen
  const o = subject.offering === undefined ? undefined : now.offerings.get(subject.offering)
  const e = subject.enrollment
  // Each parameter's own dating rule picks its value: an enrollment keeps the limits of its first day.
  const when: Policy.When = e === undefined ? { question: date } : { question: date, enrollmentStart: e.start }
  const used = new Map<string, Array<Used<P>>>()
  const use = (fact: string, name: string): Used<P> | undefined => {
    const parameter = now.policy.parameters.get(name)
    if (parameter === undefined) return undefined
    // Values of the question's date are already resolved in `now`; only another date needs a lookup.
    const at = Policy.dateFor(parameter.datedBy, when)
    let found = now.parameters.get(name)
    if (at !== date) {
      const entry = Policy.valueOn(parameter.values, at)
      found = entry === undefined ? undefined : { parameter, entry }
    }
    if (found === undefined) return undefined
    used.set(fact, [...(used.get(fact) ?? []), found])
    return found
  }
  const numberOf = (fact: string, name: string): number | null => {
    const v = use(fact, name)?.entry.value
    return typeof v === "number" ? v : null
  }
  const departments = c?.departments ?? []
  const limit = (fact: string, key: "sessions" | "weeks" | "sessionsPerWeek"): number | null =>
    o === undefined ? null : numberOf(fact, Policy.limitName(o.id, key))
  let transitionEnd: string | null = null
  if (o?.status.kind === "discontinued") {
    use("transitionEnd", "model.start")
    use("transitionEnd", "transition.duration")
    // What Offering.transitionEnd gives a discontinued offering, without the catalogue's schemas.
    transitionEnd = Policy.transitionEnd(now.policy, { question: date }) ?? null
  }
  const extensionLimit = o?.category === "treatment" ? numberOf("extensionLimit", Policy.names.maxExtensions) : null
  let cohortEnd: string | null = null
  if (o !== undefined && e !== undefined) {
    const length = use("cohortEnd", Policy.limitName(o.id, "cohortLength"))?.entry.value
    if (typeof length === "string")
      cohortEnd = Calendar.addDays(addTo(`${e.cohort ?? e.start.slice(0, 7)}-01`, length), -1)
  }
  const fit = subject.fit
  const proposal = subject.proposal
  const ages = agesOn(c, date)
  const values: Facts = {
    date,
    age: ages[0] ?? null,
    citizenDepartments: departments,
    getsHelpFromUnit: departments.length > 0,
    healthyLifeCentre: c?.healthyLifeCentre ?? false,
    offering: o?.id ?? null,
    offeringCategory: o?.category ?? null,
    offeringDepartment: o?.operator.department ?? null,
    offeringStatus: o?.status.kind ?? null,
    offeringPriceNok: o?.priceNok ?? null,
    transitionEnd,
    hasReferral: subject.referral ?? false,
    jointMeetingHeld: subject.jointMeetingHeld ?? false,
    intakeRegistered: subject.intakeRegistered ?? false,
    applied: subject.applied ?? false,
    individualDecision: subject.individualDecision ?? false,
    newApplication: subject.newApplication ?? false,
    bindingRegistration: subject.bindingRegistration ?? false,
    enrolled: e !== undefined,
    sessionsUsed: e === undefined ? null : (e.sessionsUsed ?? 0),
    sessionsThisWeek: e === undefined ? null : (e.sessionsThisWeek ?? 0),
    periodWeek: e === undefined ? null : Math.floor(Calendar.daysBetween(e.periodStart ?? e.start, date) / 7) + 1,
    extensionsUsed: e === undefined ? null : (e.extensionsUsed ?? 0),
    extensionRequested: e?.extensionRequested ?? false,
    sessionLimit: limit("sessionLimit", "sessions"),
    weekLimit: limit("weekLimit", "weeks"),
    sessionsPerWeekLimit: limit("sessionsPerWeekLimit", "sessionsPerWeek"),
    extensionLimit,
    cohortEnd,
    activityStarted: e?.activityStarted ?? null,
    stillNeeded: e?.stillNeeded ?? null,
    movedToCommunity: e?.movedToCommunity ?? false,
    consecutiveNoShows: e?.consecutiveNoShows ?? 0,
    hasGoalEvaluation: e?.goalReached !== undefined,
    goalReached: e?.goalReached ?? null,
    hasFitScore: fit !== undefined,
    ors: fit?.ors ?? null,
    srs: fit?.srs ?? null,
    offTrack: fit?.offTrack ?? false,
    hasProposal: proposal !== undefined,
    proposalRequested: proposal?.requested ?? null,
    proposalDecision: proposal?.decision ?? null,
    proposalByDepartment: proposal?.byDepartment ?? null,
    proposalCategory: proposal?.category ?? null,
  }
  return { facts: values, parameters: used, open: openInputs(subject, ages) }
}

// ---------------------------------------------------------------------------
// A subject from records
// ---------------------------------------------------------------------------

/** Records in date order (a copy). */
export const byDate = <T extends { readonly date: string }>(xs: ReadonlyArray<T>): Array<T> =>
  [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

/** A period of an enrollment; `start` is undefined when the period before it has no end. */
export interface Period {
  readonly start: IsoDate.IsoDate | undefined
  readonly end: IsoDate.IsoDate | undefined
}

/**
 * The periods of an enrollment: the first, then one per extension, each
 * starting the day after the previous one ends.
 */
export const periodsOf = (
  enrollment: { readonly start: IsoDate.IsoDate; readonly end?: IsoDate.IsoDate | undefined },
  extensions: ReadonlyArray<{ readonly newEnd: IsoDate.IsoDate }>,
): Array<Period> => {
  const ends = [enrollment.end, ...extensions.map((x) => x.newEnd)]
  const starts = [
    enrollment.start,
    ...ends.slice(0, -1).map((end) => (end === undefined ? undefined : IsoDate.addDays(end, 1))),
  ]
  return starts.map((start, k) => ({ start, end: ends[k] }))
}

/** How many no-shows in a row end at `index` of date-ordered attendance. */
const noShowsEndingAt = (attended: ReadonlyArray<{ readonly status: string }>, index: number): number => {
  let n = 0
  for (let i = index; i >= 0 && attended[i]!.status === "no-show"; i--) n++
  return n
}

/** The sessions of date-ordered attendance that fall in `period` (from `start`, which defaults to the period's). */
export const sessionsIn = <T extends { readonly date: string }>(
  attended: ReadonlyArray<T>,
  period: Period,
  start: string | undefined = period.start,
): Array<T> =>
  attended.filter((a) => (start === undefined || a.date >= start) && (period.end === undefined || a.date <= period.end))

/** A core citizen record as a subject's citizen: what a decision needs of it. */
export const citizenOf = (c: {
  readonly id: string
  readonly birthYear: number
  readonly birthDate?: string | undefined
  readonly departments: ReadonlyArray<string>
  readonly healthyLifeCentre: boolean
}) => ({
  id: c.id,
  birthYear: c.birthYear,
  ...(c.birthDate === undefined ? {} : { birthDate: c.birthDate }),
  departments: c.departments,
  healthyLifeCentre: c.healthyLifeCentre,
})

/**
 * An enrollment's state on `date`, in its period `k`: the period's start,
 * the sessions used in it and this ISO week, extensions used, whether it is
 * still needed and the no-shows in a row. Only sessions on or before the
 * date count; `attended` is in date order.
 */
export const enrollmentOn = (
  e: {
    readonly start: IsoDate.IsoDate
    readonly cohort?: string | undefined
    readonly closedOn?: string | undefined
  },
  attended: ReadonlyArray<{ readonly date: string; readonly status: string }>,
  periods: ReadonlyArray<Period>,
  k: number,
  date: string,
) => {
  const periodStart = periods[k]!.start ?? e.start
  const upTo = attended.filter((a) => a.date <= date)
  const inPeriod = sessionsIn(upTo, periods[k]!, periodStart)
  const week = IsoDate.isoWeek(date)
  return {
    start: e.start,
    periodStart,
    ...(e.cohort === undefined ? {} : { cohort: e.cohort }),
    sessionsUsed: inPeriod.length,
    sessionsThisWeek: inPeriod.filter((a) => IsoDate.isoWeek(a.date) === week).length,
    extensionsUsed: k,
    stillNeeded: e.closedOn === undefined || e.closedOn > date,
    consecutiveNoShows: noShowsEndingAt(upTo, upTo.length - 1),
  }
}
