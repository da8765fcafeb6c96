// DatasetSubjects.of as the package wrote it before its one-pass path, from
// derive's enrollmentOn and friends: the reference its tests and the impact
// command's tests hold the fast path to.
import { Collections, type Dataset, IsoDate, Offering, type Policy, Redact } from "@aktivitetsmodell/core"
import type { Item } from "../src/DatasetSubjects.js"
import { byDate, citizenOf, enrollmentOn, periodsOf, sessionsIn } from "../src/internal/derive.js"
import type { Subject } from "../src/Subject.js"

/** The items of a year, derived the straightforward way. */
export const straightforward = (data: Dataset.Dataset, policy: Policy.Policy): Array<Item> => {
  const items: Array<{ key: string; date: string; subject: unknown }> = []
  const citizens = new Map<string, Dataset.Dataset["citizens"][number]>(data.citizens.map((c) => [c.id, c]))
  const offerings = new Map(data.offerings.map((o) => [o.id, o]))
  const attendance = Collections.groupBy(data.attendance, (a) => a.enrollmentId)
  const extensions = Collections.groupBy(data.extensions, (x) => x.enrollmentId)
  const transitionsByCitizen = Collections.groupBy(data.transitions, (t) => t.citizenId)
  const enrollments = new Map(data.enrollments.map((e) => [e.id, e]))
  const meetings = Collections.groupBy(data.jointMeetings, (m) => m.referralId)
  const meetingHeld = (referralId: string | undefined, by: string): boolean =>
    referralId !== undefined && (meetings.get(referralId) ?? []).some((m) => m.date <= by)
  const citizenObjects = new Map<string, ReturnType<typeof citizenOf>>()
  const citizenFor = (id: string) => {
    let made = citizenObjects.get(id)
    if (made === undefined) {
      const c = citizens.get(id)
      if (c === undefined) return undefined
      made = citizenOf(c)
      citizenObjects.set(id, made)
    }
    return made
  }
  for (const e of data.enrollments) {
    const citizen = citizenFor(e.citizenId)
    const o = offerings.get(e.offeringId)
    if (citizen === undefined || o === undefined) continue
    const offering = e.offeringId
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
      const last = sessionsIn(attended, period).at(-1)
      if (last === undefined) return
      const state = enrollmentOn(e, attended, periods, k, last.date)
      items.push({
        key: `enrollment ${e.id} period ${k + 1}`,
        date: last.date,
        subject: {
          citizen,
          offering,
          enrollment: Object.assign({ start: state.start }, state, {
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
    const citizen = e === undefined ? undefined : citizenFor(e.citizenId)
    if (e === undefined || citizen === undefined || !offerings.has(e.offeringId)) continue
    items.push({
      key: `goal evaluation ${g.id}`,
      date: g.date,
      subject: { citizen, offering: e.offeringId, enrollment: { start: e.start, goalReached: g.goalReached } },
    })
  }
  for (const s of data.fitScores) {
    const citizen = citizenFor(s.citizenId)
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
  return items.map((item) =>
    Redact.containsNationalId(item.key) ? { ...item, key: Redact.text(item.key) } : item,
  ) as Array<{ key: string; date: string; subject: Subject }>
}
