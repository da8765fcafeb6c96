import { IsoDate } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { DatasetSubjects, Decision, Records, type Subject } from "../src/index.js"
import { fixture, fixturePolicy } from "./helpers.js"

const year = generate({ policy: fixturePolicy(), seed: 3, year: 2024, citizens: 300 })
const byId = <T extends { readonly id: string }>(xs: ReadonlyArray<T>) => new Map(xs.map((x) => [x.id as string, x]))
const enrollments = byId(year.enrollments)
const citizens = byId(year.citizens)
const referrals = byId(year.referrals)

/** All the records of one enrollment, as an app would hand them over. */
const recordsOf = (enrollmentId: string): Records.Records => {
  const e = enrollments.get(enrollmentId)!
  const referral = e.referralId === undefined ? undefined : referrals.get(e.referralId)
  return {
    citizen: citizens.get(e.citizenId)!,
    ...(referral === undefined ? {} : { referral }),
    jointMeetings: year.jointMeetings,
    enrollment: e,
    attendance: year.attendance,
    extensions: year.extensions,
    goalEvaluations: year.goalEvaluations,
  }
}

describe("Records.subject", () => {
  it("derives the same enrollment facts as the year's subjects at the end of every period", () => {
    const periodEnds = DatasetSubjects.of(year, fixturePolicy()).filter((i) => / period \d+$/u.test(i.key))
    expect(periodEnds.length).toBeGreaterThan(100)
    for (const item of periodEnds) {
      const id = item.key.split(" ")[1]!
      const derived = Records.subject(recordsOf(id), item.date)
      const expected = item.subject.enrollment!
      const got = derived.enrollment!
      expect({
        id,
        start: got.start,
        periodStart: got.periodStart,
        cohort: got.cohort,
        sessionsUsed: got.sessionsUsed,
        sessionsThisWeek: got.sessionsThisWeek,
        consecutiveNoShows: got.consecutiveNoShows,
        stillNeeded: got.stillNeeded,
        extensionsUsed: got.extensionsUsed,
      }).toEqual({
        id,
        extensionsUsed: expected.extensionsUsed,
        start: expected.start,
        periodStart: expected.periodStart,
        cohort: expected.cohort,
        sessionsUsed: expected.sessionsUsed,
        sessionsThisWeek: expected.sessionsThisWeek,
        consecutiveNoShows: expected.consecutiveNoShows,
        stillNeeded: expected.stillNeeded,
      })
      // The period's rules answer the same from the records as from the facts.
      const rules = ["duration/session-limit", "duration/week-limit", "duration/sessions-per-week"]
      const outcomes = (s: Subject.Subject) =>
        Decision.decide(fixture(), s, item.date)
          .decisions.filter((d) => rules.includes(d.rule))
          .map((d) => [d.rule, d.outcome.type])
      expect(outcomes(derived), id).toEqual(outcomes(item.subject))
    }
  })

  it("counts only what happened by the question's date: sessions this ISO week and in the period", () => {
    const e = year.enrollments.find((x) => year.attendance.filter((a) => a.enrollmentId === x.id).length >= 4)!
    const booked = year.attendance.filter((a) => a.enrollmentId === e.id).sort((a, b) => (a.date < b.date ? -1 : 1))
    const third = booked[2]!
    const s = Records.subject(recordsOf(e.id), third.date)
    const sameWeek = booked.slice(0, 3).filter((a) => IsoDate.isoWeek(a.date) === IsoDate.isoWeek(third.date)).length
    expect(s.enrollment?.sessionsThisWeek).toBe(sameWeek)
    expect(s.enrollment?.sessionsUsed).toBeLessThanOrEqual(3)
    // Before the enrollment starts there is no enrollment to speak of.
    expect(Records.subject(recordsOf(e.id), "2023-01-02").enrollment).toBeUndefined()
  })

  it("leaves the joint meeting unknown when its records are not given, and decides unknown", () => {
    const e = year.enrollments.find((x) => x.referralId !== undefined && x.offeringId === "mindfull-restorative-yoga")!
    const { jointMeetings: _left, ...records } = recordsOf(e.id)
    const subject = Records.subject(records, e.start)
    expect(subject.jointMeetingHeld).toBeUndefined()
    const joint = Decision.decide(fixture(), subject, e.start).decisions.find(
      (d) => d.rule === "eligibility/treatment-needs-joint-meeting",
    )
    expect(joint?.outcome.type).toBe("unknown")
    expect(joint?.unknown?.missing).toContain("jointMeetingHeld")
    // With the meetings given, it is known.
    expect(Records.subject(recordsOf(e.id), e.start).jointMeetingHeld).toBe(true)
    expect(Records.subject({ ...recordsOf(e.id), jointMeetings: [] }, e.start).jointMeetingHeld).toBe(false)
  })

  it("says an extension is asked for once this period's evaluation decided to extend", () => {
    const extended = year.goalEvaluations.find(
      (g) => g.decision === "extend" && year.extensions.some((x) => x.enrollmentId === g.enrollmentId),
    )!
    const s = Records.subject(recordsOf(extended.enrollmentId), extended.date)
    expect(s.enrollment?.extensionRequested).toBe(true)
    const decidedOnly = Records.subject({ ...recordsOf(extended.enrollmentId), extensions: [] }, extended.date)
    expect(decidedOnly.enrollment?.extensionRequested).toBe(true)
    const neither = Records.subject(
      { ...recordsOf(extended.enrollmentId), extensions: [], goalEvaluations: [] },
      extended.date,
    )
    expect(neither.enrollment?.extensionRequested).toBe(false)
    const unknown = Records.subject(
      { ...recordsOf(extended.enrollmentId), extensions: undefined as never, goalEvaluations: undefined as never },
      extended.date,
    )
    expect(unknown.enrollment?.extensionRequested).toBeUndefined()
  })

  it("rejects records that are not an object, or a date that is not one", () => {
    expect(() => Records.subject(null as never, "2024-01-01")).toThrow(/Records.subject/u)
    expect(() => Records.subject({}, "1.1.2024")).toThrow(/Records.subject/u)
  })
})
