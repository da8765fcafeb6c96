// The facts of a subject on a date, from what is in force then. Both
// `Subject.facts` (over a policy tree) and the `decide` entry (over a
// snapshot) derive facts here, so they cannot drift apart; this module
// imports no schema, which keeps the browser path small.
import { Calendar, Policy } from "@aktivitetsmodell/core"
import { addTo } from "../Duration.js"
import type { Facts } from "../Facts.js"
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
  name = "Subject.facts",
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
