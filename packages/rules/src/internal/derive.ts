// Fact derivation, in one place: a subject's citizen and enrollment from
// records (for `Records` and `DatasetSubjects`), and the facts of a subject
// on a date from what is in force then (for `SubjectFacts` over a policy
// tree and the `decide` entry over a snapshot), so none of them can drift
// apart. This module imports no schema, which keeps the browser path small.
import { IsoDate } from "@aktivitetsmodell/core"
import type { Facts } from "../Facts.js"
import type { Subject } from "../Subject.js"
import { ageOn } from "./age.js"
import { requireDate } from "./boundary.js"
import { dayNumber } from "./dayNumber.js"
import type { Context, DatedParameter, Used } from "./factContext.js"
import type { Open } from "./open.js"
import { lookupsOf, valueFor } from "./periodLookups.js"
import { periodWeeksOn } from "./periodWeek.js"

export type { Context, DatedParameter, OfferingFacts, Used } from "./factContext.js"

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

// The options of a joint meeting not mentioned: the same for every subject, so shared and frozen.
export const meetingOptions: Open = Object.freeze({
  missing: "jointMeetingHeld",
  options: Object.freeze([Object.freeze({ jointMeetingHeld: false }), Object.freeze({ jointMeetingHeld: true })]),
})

/** The facts a subject may leave open: the age (only a birth year) and whether the joint meeting was held. */
export const openFacts: ReadonlyArray<string> = ["age", "jointMeetingHeld"]

/** Which of the costlier facts to compute; a fact not needed is null. */
export interface Needs {
  readonly limits: boolean
  readonly extensionLimit: boolean
  readonly cohortEnd: boolean
  readonly transitionEnd: boolean
  readonly periodWeek: boolean
}

const everything: Needs = { limits: true, extensionLimit: true, cohortEnd: true, transitionEnd: true, periodWeek: true }

/** What a rule set that reads the facts `read` needs computed. */
export const needsOf = (read: ReadonlySet<string>): Needs => ({
  limits: read.has("sessionLimit") || read.has("weekLimit") || read.has("sessionsPerWeekLimit"),
  extensionLimit: read.has("extensionLimit"),
  cohortEnd: read.has("cohortEnd"),
  transitionEnd: read.has("transitionEnd"),
  periodWeek: read.has("periodWeek"),
})

/** Facts being written. */
export type FactsOut = { -readonly [K in keyof Facts]: Facts[K] }

/**
 * An object with every fact, in catalogue order, to write facts into. A
 * literal of all the keys is laid out once with room for each; adding them
 * one by one to `{}` would move most into a slower, growing side store.
 */
export const blankFacts = (): FactsOut => ({
  date: null,
  age: null,
  citizenDepartments: null,
  getsHelpFromUnit: null,
  healthyLifeCentre: null,
  offering: null,
  offeringCategory: null,
  offeringDepartment: null,
  offeringStatus: null,
  offeringPriceNok: null,
  transitionEnd: null,
  hasReferral: null,
  jointMeetingHeld: null,
  intakeRegistered: null,
  applied: null,
  individualDecision: null,
  newApplication: null,
  bindingRegistration: null,
  enrolled: null,
  sessionsUsed: null,
  sessionsThisWeek: null,
  periodWeek: null,
  extensionsUsed: null,
  extensionRequested: null,
  sessionLimit: null,
  weekLimit: null,
  sessionsPerWeekLimit: null,
  extensionLimit: null,
  cohortEnd: null,
  activityStarted: null,
  stillNeeded: null,
  movedToCommunity: null,
  consecutiveNoShows: null,
  hasGoalEvaluation: null,
  goalReached: null,
  hasFitScore: null,
  ors: null,
  srs: null,
  offTrack: null,
  hasProposal: null,
  proposalRequested: null,
  proposalDecision: null,
  proposalByDepartment: null,
  proposalCategory: null,
})

/** Where `writeFacts` records the parameters each fact was derived from; the map is made on the first. */
export interface Tracker<P extends DatedParameter> {
  map: Map<string, Array<Used<P>>> | undefined
}

// Records that `fact` was derived from `found`, when a caller keeps track.
const track = <P extends DatedParameter>(
  used: Tracker<P> | undefined,
  fact: string,
  found: Used<P> | undefined,
): Used<P> | undefined => {
  if (found === undefined || used === undefined) return found
  let map = used.map
  if (map === undefined) {
    map = new Map()
    used.map = map
  }
  const list = map.get(fact)
  if (list === undefined) map.set(fact, [found])
  else list.push(found)
  return found
}

const numeric = (u: Used<DatedParameter> | undefined): number | null => {
  const v = u?.entry.value
  return typeof v === "number" ? v : null
}

// What the question's date gives every subject, remembered for the last
// date: a batch asks every subject on one date.
const questionOn = (date: string) => ({
  date,
  year: Number(date.slice(0, 4)),
  lastOfYear: date.endsWith("-12-31"),
  periodWeek: periodWeeksOn(dayNumber(date)),
})
let asked = questionOn("1970-01-01")
const question = (date: string): typeof asked => {
  if (date !== asked.date) asked = questionOn(date)
  return asked
}

/**
 * Writes every fact for `subject` on `date` (a checked date) into `out`, in
 * catalogue order, and the parameters each was derived from into `used` when
 * given. Returns the citizen's other possible age when only a birth year is
 * known and the birthday may be still to come, else undefined. Unknown
 * values are `null`; counts of an enrollment default to 0. One function for
 * `deriveFacts` and the compiled batch path, so the two cannot drift apart.
 */
export const writeFacts = <P extends DatedParameter>(
  subject: Subject,
  date: string,
  now: Context<P>,
  out: FactsOut,
  used: Tracker<P> | undefined,
  needs: Needs = everything,
): number | undefined => {
  const lookups = lookupsOf(now)
  const q = question(date)
  const c = subject.citizen
  const name = subject.offering
  const e = subject.enrollment
  const fit = subject.fit
  const proposal = subject.proposal
  const departments = c?.departments ?? []
  const start = e?.start
  const row = name === undefined ? undefined : lookups.row(name)
  const status = row === undefined ? null : row.status
  const category = row === undefined ? null : row.category
  // Each parameter's own dating rule picks its value: an enrollment keeps the limits of its first day.
  let transitionEnd: string | null = null
  if (needs.transitionEnd && status === "discontinued") {
    const model = lookups.modelStart
    const duration = lookups.transitionDuration
    track(used, "transitionEnd", model === undefined ? undefined : valueFor(model, date, start))
    track(used, "transitionEnd", duration === undefined ? undefined : valueFor(duration, date, start))
    // What Offering.transitionEnd gives a discontinued offering, without the catalogue's schemas.
    transitionEnd = lookups.transitionEnd(date)
  }
  let extensionLimit: number | null = null
  if (needs.extensionLimit && category === "treatment") {
    const max = lookups.maxExtensions
    extensionLimit = numeric(track(used, "extensionLimit", max === undefined ? undefined : valueFor(max, date, start)))
  }
  const limits = row?.limits
  let cohortEnd: string | null = null
  if (needs.cohortEnd && limits !== undefined && e !== undefined && limits.cohortLength !== undefined) {
    const length = track(used, "cohortEnd", valueFor(limits.cohortLength, date, start))?.entry.value
    if (typeof length === "string") cohortEnd = lookups.cohortEnd(e.cohort ?? e.start.slice(0, 7), length)
  }
  let sessionLimit: number | null = null
  let weekLimit: number | null = null
  let sessionsPerWeekLimit: number | null = null
  if (needs.limits && limits !== undefined) {
    const { sessions, weeks, sessionsPerWeek } = limits
    sessionLimit = numeric(
      track(used, "sessionLimit", sessions === undefined ? undefined : valueFor(sessions, date, start)),
    )
    weekLimit = numeric(track(used, "weekLimit", weeks === undefined ? undefined : valueFor(weeks, date, start)))
    sessionsPerWeekLimit = numeric(
      track(
        used,
        "sessionsPerWeekLimit",
        sessionsPerWeek === undefined ? undefined : valueFor(sessionsPerWeek, date, start),
      ),
    )
  }
  // The age from a birth date, or from a birth year alone one of two (before or after the birthday).
  let age: number | null = null
  let otherAge: number | undefined
  if (c !== undefined) {
    if (c.birthDate !== undefined) age = ageOn(c.birthDate, date, q.year)
    else if (c.birthYear !== undefined) {
      age = q.year - c.birthYear
      // On 31 December everyone born that year has had their birthday.
      if (!q.lastOfYear) otherAge = age - 1
    }
  }
  out.date = date
  out.age = age
  out.citizenDepartments = departments
  out.getsHelpFromUnit = departments.length > 0
  out.healthyLifeCentre = c?.healthyLifeCentre ?? false
  out.offering = row === undefined ? null : row.id
  out.offeringCategory = category
  out.offeringDepartment = row === undefined ? null : row.department
  out.offeringStatus = status
  out.offeringPriceNok = row === undefined ? null : row.priceNok
  out.transitionEnd = transitionEnd
  out.hasReferral = subject.referral ?? false
  out.jointMeetingHeld = subject.jointMeetingHeld ?? false
  out.intakeRegistered = subject.intakeRegistered ?? false
  out.applied = subject.applied ?? false
  out.individualDecision = subject.individualDecision ?? false
  out.newApplication = subject.newApplication ?? false
  out.bindingRegistration = subject.bindingRegistration ?? false
  out.sessionLimit = sessionLimit
  out.weekLimit = weekLimit
  out.sessionsPerWeekLimit = sessionsPerWeekLimit
  out.extensionLimit = extensionLimit
  out.cohortEnd = cohortEnd
  // One test per part of the subject rather than one per fact: most subjects lack one part or another.
  if (e === undefined) {
    out.enrolled = false
    out.sessionsUsed = null
    out.sessionsThisWeek = null
    out.periodWeek = null
    out.extensionsUsed = null
    out.extensionRequested = false
    out.activityStarted = null
    out.stillNeeded = null
    out.movedToCommunity = false
    out.consecutiveNoShows = 0
    out.hasGoalEvaluation = false
    out.goalReached = null
  } else {
    out.enrolled = true
    out.sessionsUsed = e.sessionsUsed ?? 0
    out.sessionsThisWeek = e.sessionsThisWeek ?? 0
    out.periodWeek = needs.periodWeek ? q.periodWeek(e.periodStart ?? e.start) : null
    out.extensionsUsed = e.extensionsUsed ?? 0
    out.extensionRequested = e.extensionRequested ?? false
    out.activityStarted = e.activityStarted ?? null
    out.stillNeeded = e.stillNeeded ?? null
    out.movedToCommunity = e.movedToCommunity ?? false
    out.consecutiveNoShows = e.consecutiveNoShows ?? 0
    const goal = e.goalReached
    out.hasGoalEvaluation = goal !== undefined
    out.goalReached = goal ?? null
  }
  // A part that is null rather than left out counts as given, with nothing in it.
  if (fit === undefined || fit === null) {
    out.hasFitScore = fit !== undefined
    out.ors = null
    out.srs = null
    out.offTrack = false
  } else {
    out.hasFitScore = true
    out.ors = fit.ors ?? null
    out.srs = fit.srs ?? null
    out.offTrack = fit.offTrack ?? false
  }
  if (proposal === undefined || proposal === null) {
    out.hasProposal = proposal !== undefined
    out.proposalRequested = null
    out.proposalDecision = null
    out.proposalByDepartment = null
    out.proposalCategory = null
  } else {
    out.hasProposal = true
    out.proposalRequested = proposal.requested ?? null
    out.proposalDecision = proposal.decision ?? null
    out.proposalByDepartment = proposal.byDepartment ?? null
    out.proposalCategory = proposal.category ?? null
  }
  return otherAge
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
  return derivedOn(subject, date, now)
}

/**
 * {@link deriveFacts} for a date the caller has checked. A caller that only
 * reads `parameters` may pass `none`, an empty map to share when no fact
 * was derived from a parameter.
 */
export const derivedOn = <P extends DatedParameter>(
  subject: Subject,
  date: string,
  now: Context<P>,
  none?: ReadonlyMap<string, ReadonlyArray<Used<P>>>,
): Derived<P> => {
  const tracker: Tracker<P> = { map: undefined }
  const facts = blankFacts()
  const otherAge = writeFacts(subject, date, now, facts, tracker)
  const used = tracker.map ?? none ?? new Map()
  const open: Array<Open> = []
  if (otherAge !== undefined)
    open.push({ missing: "citizen.birthDate", options: [{ age: facts.age }, { age: otherAge }] })
  if (subject.jointMeetingHeld === undefined) open.push(meetingOptions)
  return { facts, parameters: used, open }
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
