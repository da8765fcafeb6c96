// The subjects of a municipality-year, for DatasetSubjects and for impact,
// which hands over the attendance it has read as columns (see
// attendanceColumns) rather than as records.
import type { Bilingual, Dataset } from "@aktivitetsmodell/core"
import { Collections, IsoDate, Offering, type Policy, Redact } from "@aktivitetsmodell/core"
import type { Subject } from "../Subject.js"
import { byDate, citizenOf as citizenFrom, periodsOf } from "./derive.js"
import { lastSessionIn, stateAt } from "./impactPeriods.js"

/**
 * A subject to evaluate, with the date and a key naming the record it comes from.
 * @category models
 */
export interface Item {
  readonly key: string
  readonly date: string
  readonly subject: Subject
}

/**
 * A record that gives no subject because a record it names is not in the
 * data: `pointer` is the JSON pointer of the reference, such as
 * `/enrollments/3/citizenId`.
 * @category models
 */
export interface Skipped {
  readonly pointer: string
  readonly message: Bilingual
}

const missing = {
  citizen: {
    nb: "innbyggeren finnes ikke blant innbyggerne i dataene; posten gir ingen situasjon",
    en: "the citizen is not among the data's citizens; the record gives no subject",
  },
  offering: {
    nb: "tilbudet finnes ikke blant tilbudene i dataene; posten gir ingen situasjon",
    en: "the offering is not among the data's offerings; the record gives no subject",
  },
  enrollment: {
    nb: "innmeldingen finnes ikke, eller gir ingen situasjon; posten gir ingen situasjon",
    en: "the enrollment is not in the data, or gives no subject; the record gives no subject",
  },
} as const

// Records in date order: the list itself when it already is (it is only
// read), as byDate's sorted copy would be; otherwise that copy.
const inDateOrder = <T extends { readonly date: string }>(xs: ReadonlyArray<T>): ReadonlyArray<T> => {
  for (let i = 1; i < xs.length; i++) if (xs[i]!.date < xs[i - 1]!.date) return byDate(xs)
  return xs
}

/**
 * An enrollment's attendance, as derivation reads it: its date and status,
 * and its id where the status is "no-show" (the only attendance named in a key).
 */
export interface Attended {
  readonly id: string
  readonly date: string
  readonly status: string
}

// Attendance records grouped by enrollment, in record order.
const byEnrollment = (records: ReadonlyArray<Attended & { readonly enrollmentId: string }>) => {
  const groups = Collections.groupBy(records, (a) => a.enrollmentId)
  return (enrollmentId: string) => groups.get(enrollmentId)
}

/**
 * The lists of a Dataset the subjects are derived from. `yearSubjects` is
 * given only these (its type holds no other), so impact may check and drop
 * the rest while it reads a file.
 */
export const listsRead = [
  "citizens",
  "offerings",
  "enrollments",
  "attendance",
  "extensions",
  "transitions",
  "jointMeetings",
  "goalEvaluations",
  "fitScores",
  "proposals",
] as const satisfies ReadonlyArray<Dataset.EntityName>

/** The records subjects are derived from. */
export type YearRecords = Pick<Dataset.Dataset, (typeof listsRead)[number]>

/** Every subject of `data` in record order; each record that gives none is told to `skipped`. */
export const yearSubjects = (
  data: YearRecords,
  policy: Policy.Policy,
  skipped: (s: Skipped) => void,
  attendanceOf?: (enrollmentId: string) => ReadonlyArray<Attended> | undefined,
): ReadonlyArray<Item> => {
  const items: Array<Item> = []
  // One citizen object per citizen, shared by all their subjects, rather than one per subject.
  const citizens = new Map<string, Subject["citizen"]>(
    data.citizens.map((c) => [c.id, citizenFrom(c) as Subject["citizen"]]),
  )
  const citizenOf = (id: string): Subject["citizen"] => citizens.get(id)
  const offerings = new Map<string, Dataset.Dataset["offerings"][number]>(data.offerings.map((o) => [o.id, o]))
  const attendance = attendanceOf ?? byEnrollment(data.attendance)
  const extensions = Collections.groupBy(data.extensions, (x) => x.enrollmentId)
  const transitionsByCitizen = Collections.groupBy(data.transitions, (t) => t.citizenId)
  const enrollments = new Map<string, Dataset.Dataset["enrollments"][number]>(data.enrollments.map((e) => [e.id, e]))
  const meetings = Collections.groupBy(data.jointMeetings, (m) => m.referralId)
  // The records say whether the joint meeting that sets the goal was held by the start (Mestringsenhetens modell for aktivitet line 72).
  const meetingHeld = (referralId: string | undefined, by: string): boolean =>
    referralId !== undefined && (meetings.get(referralId) ?? []).some((m) => m.date <= by)
  // Subjects are written out key by key, never as `{ ...base, more }` (see impactPeriods).
  const none: ReadonlyArray<never> = []
  // A discontinued offering's transition end depends on the policy and the date only: once per start date.
  const transitionEnds = new Map<string, string | undefined>()
  const transitionEndOf = (o: Dataset.Dataset["offerings"][number], start: string): string | undefined => {
    if (o.status.kind !== "discontinued") return undefined
    if (!transitionEnds.has(start)) transitionEnds.set(start, Offering.transitionEnd(o, policy, start))
    return transitionEnds.get(start)
  }
  // A key names a record by its id; an id may have been written from an identity number.
  const push = (key: string, date: string, subject: Subject): void => {
    items.push({
      key: Redact.text(key),
      date,
      subject,
    })
  }
  for (let i = 0; i < data.enrollments.length; i++) {
    const e = data.enrollments[i]!
    const citizen = citizenOf(e.citizenId)
    const o = offerings.get(e.offeringId)
    if (citizen === undefined || o === undefined) {
      skipped(
        citizen === undefined
          ? { pointer: `/enrollments/${i}/citizenId`, message: missing.citizen }
          : { pointer: `/enrollments/${i}/offeringId`, message: missing.offering },
      )
      continue
    }
    const offering = e.offeringId
    // Enrolled means the offering's access step was passed.
    push(`enrollment ${e.id} start`, e.start, {
      citizen,
      offering,
      referral: e.referralId !== undefined,
      jointMeetingHeld: meetingHeld(e.referralId, e.start),
      intakeRegistered: true,
      applied: true,
      individualDecision: true,
      bindingRegistration: true,
    })
    const attended = inDateOrder(attendance(e.id) ?? none)
    const transitions = transitionsByCitizen.get(e.citizenId) ?? none
    const moved = (date: string) =>
      transitions.some(
        (t) =>
          t.date <= date &&
          (t.enrollmentId === e.id || t.fromOfferingId === e.offeringId || t.enrollmentId === undefined),
      )
    const started = (date: string) => transitions.some((t) => t.date <= date)
    const periods = periodsOf(e, inDateOrder(extensions.get(e.id) ?? none))
    for (let k = 0; k < periods.length; k++) {
      if (periods[k]!.start === undefined) continue
      // Each period is asked about at its last session.
      const last = lastSessionIn(attended, periods[k]!)
      if (last < 0) continue
      const date = attended[last]!.date
      push(`enrollment ${e.id} period ${k + 1}`, date, {
        citizen,
        offering,
        enrollment: stateAt(e, attended, periods, k, date, {
          activityStarted: started(date),
          movedToCommunity: moved(date),
        }),
      })
    }
    let run = 0
    for (const a of attended) {
      run = a.status === "no-show" ? run + 1 : 0
      if (run > 0)
        push(`attendance ${a.id}`, a.date, {
          citizen,
          offering,
          enrollment: { start: e.start, consecutiveNoShows: run },
        })
    }
    const transitionEnd = transitionEndOf(o, e.start)
    if (transitionEnd !== undefined) {
      const after = IsoDate.addDays(transitionEnd, 1)
      if (e.start <= transitionEnd && (e.closedOn === undefined || e.closedOn >= after)) {
        push(`enrollment ${e.id} transition`, after, {
          citizen,
          offering,
          enrollment: { start: e.start, movedToCommunity: moved(after) },
        })
      }
    }
  }
  for (let i = 0; i < data.goalEvaluations.length; i++) {
    const g = data.goalEvaluations[i]!
    const e = enrollments.get(g.enrollmentId)
    const citizen = e === undefined ? undefined : citizenOf(e.citizenId)
    if (e === undefined || citizen === undefined || !offerings.has(e.offeringId)) {
      skipped({ pointer: `/goalEvaluations/${i}/enrollmentId`, message: missing.enrollment })
      continue
    }
    push(`goal evaluation ${g.id}`, g.date, {
      citizen,
      offering: e.offeringId,
      enrollment: { start: e.start, goalReached: g.goalReached },
    })
  }
  for (let i = 0; i < data.fitScores.length; i++) {
    const s = data.fitScores[i]!
    const citizen = citizenOf(s.citizenId)
    if (citizen === undefined) {
      skipped({ pointer: `/fitScores/${i}/citizenId`, message: missing.citizen })
      continue
    }
    push(`FIT ${s.id}`, s.date, { citizen, fit: s.instrument === "ORS" ? { ors: s.total } : { srs: s.total } })
  }
  for (const p of data.proposals) {
    const decision = p.decision?.outcome ?? "pending"
    push(`proposal ${p.id}`, p.decision?.date ?? p.date, {
      proposal: {
        requested: p.requested,
        decision,
        ...(p.proposedByDepartment === undefined ? {} : { byDepartment: p.proposedByDepartment }),
        category: p.category,
      },
    })
  }
  return items
}
