/**
 * Subjects from a municipality-year of records, so a policy change can be
 * tried on real or synthetic data: each enrollment at its start (may the
 * citizen take part?) and at the last session of each period (does it end,
 * may it be extended?), each no-show, goal evaluation, FIT score and
 * proposal, and each participant of a discontinued offering when its
 * transition ends.
 *
 * @module
 */
import type { Dataset } from "@aktivitetsmodell/core"
import { Collections, IsoDate, Offering, type Policy, Redact } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { byDate, citizenOf as citizenFrom, enrollmentOn, periodsOf, sessionsIn } from "./internal/derive.js"
import type { Subject } from "./Subject.js"

/**
 * A subject to evaluate, with the date and a key naming the record it comes from.
 * @category models
 */
export interface Item {
  readonly key: string
  readonly date: string
  readonly subject: Subject
}

// An enrollment's state with the questions asked at a period's end. The
// state is copied onto an object that has a first key rather than spread first: an object
// that starts with a spread and then gains keys gets a hidden class of its
// own in V8, which makes every later read of it slow.
const withState = <S extends { readonly start: string }, M extends object>(state: S, more: M): S & M =>
  Object.assign({ start: state.start }, state, more)

/**
 * Every subject a year's records give, in record order.
 * @example
 * const policy = InForce.policy(tree)
 * const items = DatasetSubjects.of(generate({ policy, seed: 1, year: 2024 }), policy)
 * items.length
 * @category constructors
 */
export const of = guard(
  "DatasetSubjects.of",
  { en: "(data: Dataset, policy: Policy)", nb: "(data: Dataset, policy: Policy)" },
  (data: Dataset.Dataset, policy: Policy.Policy): ReadonlyArray<Item> => {
    const items: Array<Item> = []
    const citizens = new Map<string, Dataset.Dataset["citizens"][number]>(data.citizens.map((c) => [c.id, c]))
    const offerings = new Map<string, Dataset.Dataset["offerings"][number]>(data.offerings.map((o) => [o.id, o]))
    const attendance = Collections.groupBy(data.attendance, (a) => a.enrollmentId)
    const extensions = Collections.groupBy(data.extensions, (x) => x.enrollmentId)
    const transitionsByCitizen = Collections.groupBy(data.transitions, (t) => t.citizenId)
    const enrollments = new Map<string, Dataset.Dataset["enrollments"][number]>(data.enrollments.map((e) => [e.id, e]))
    const meetings = Collections.groupBy(data.jointMeetings, (m) => m.referralId)
    // The records say whether the joint meeting that sets the goal was held by the start (Mestringsenhetens modell for aktivitet line 72).
    const meetingHeld = (referralId: string | undefined, by: string): boolean =>
      referralId !== undefined && (meetings.get(referralId) ?? []).some((m) => m.date <= by)
    // Subjects are written out key by key, never as `{ ...base, more }` (see withState).
    // One citizen object per citizen, shared by all their subjects, rather than one per subject.
    const citizenObjects = new Map<string, Subject["citizen"]>()
    const citizenOf = (id: string): Subject["citizen"] => {
      let made = citizenObjects.get(id)
      if (made === undefined) {
        const c = citizens.get(id)
        if (c === undefined) return undefined
        made = citizenFrom(c) as Subject["citizen"]
        citizenObjects.set(id, made)
      }
      return made
    }
    for (const e of data.enrollments) {
      const citizen = citizenOf(e.citizenId)
      const o = offerings.get(e.offeringId)
      if (citizen === undefined || o === undefined) continue
      const offering = e.offeringId
      // Enrolled means the offering's access step was passed.
      items.push({
        key: `enrollment ${e.id} start`,
        date: e.start,
        subject: {
          citizen,
          offering,
          referral: e.referralId !== undefined,
          jointMeetingHeld: meetingHeld(e.referralId, e.start),
          intakeRegistered: true,
          applied: true,
          individualDecision: true,
          bindingRegistration: true,
        },
      })
      const attended = byDate(attendance.get(e.id) ?? [])
      const exts = byDate(extensions.get(e.id) ?? [])
      const moved = (date: string) =>
        (transitionsByCitizen.get(e.citizenId) ?? []).some(
          (t) =>
            t.date <= date &&
            (t.enrollmentId === e.id || t.fromOfferingId === e.offeringId || t.enrollmentId === undefined),
        )
      const started = (date: string) => (transitionsByCitizen.get(e.citizenId) ?? []).some((t) => t.date <= date)
      const periods = periodsOf(e, exts)
      periods.forEach((period, k) => {
        if (period.start === undefined) return
        // Each period is asked about at its last session.
        const last = sessionsIn(attended, period).at(-1)
        if (last === undefined) return
        items.push({
          key: `enrollment ${e.id} period ${k + 1}`,
          date: last.date,
          subject: {
            citizen,
            offering,
            enrollment: withState(enrollmentOn(e, attended, periods, k, last.date), {
              extensionRequested: k + 1 < periods.length,
              activityStarted: started(last.date),
              movedToCommunity: moved(last.date),
            }),
          },
        })
      })
      let run = 0
      for (const a of attended) {
        run = a.status === "no-show" ? run + 1 : 0
        if (run > 0)
          items.push({
            key: `attendance ${a.id}`,
            date: a.date,
            subject: { citizen, offering, enrollment: { start: e.start, consecutiveNoShows: run } },
          })
      }
      const transitionEnd = Offering.transitionEnd(o, policy, e.start)
      if (transitionEnd !== undefined) {
        const after = IsoDate.addDays(transitionEnd, 1)
        if (e.start <= transitionEnd && (e.closedOn === undefined || e.closedOn >= after)) {
          items.push({
            key: `enrollment ${e.id} transition`,
            date: after,
            subject: { citizen, offering, enrollment: { start: e.start, movedToCommunity: moved(after) } },
          })
        }
      }
    }
    for (const g of data.goalEvaluations) {
      const e = enrollments.get(g.enrollmentId)
      const citizen = e === undefined ? undefined : citizenOf(e.citizenId)
      if (e === undefined || citizen === undefined || !offerings.has(e.offeringId)) continue
      items.push({
        key: `goal evaluation ${g.id}`,
        date: g.date,
        subject: { citizen, offering: e.offeringId, enrollment: { start: e.start, goalReached: g.goalReached } },
      })
    }
    for (const s of data.fitScores) {
      const citizen = citizenOf(s.citizenId)
      if (citizen === undefined) continue
      items.push({
        key: `FIT ${s.id}`,
        date: s.date,
        subject: { citizen, fit: s.instrument === "ORS" ? { ors: s.total } : { srs: s.total } },
      })
    }
    for (const p of data.proposals) {
      const decision = p.decision?.outcome ?? "pending"
      items.push({
        key: `proposal ${p.id}`,
        date: p.decision?.date ?? p.date,
        subject: {
          proposal: {
            requested: p.requested,
            decision,
            ...(p.proposedByDepartment === undefined ? {} : { byDepartment: p.proposedByDepartment }),
            category: p.category,
          },
        },
      })
    }
    // A key names a record by its id; an id may have been written from an identity number.
    return items.map((item) => (Redact.containsNationalId(item.key) ? { ...item, key: Redact.text(item.key) } : item))
  },
)
