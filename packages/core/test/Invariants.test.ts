import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Dataset, Invariants, Policy } from "../src/index.js"
import { policy, withValues } from "./fixturePolicy.js"
import { ids, mutable, tinyYear } from "./fixtures.js"

const codes = (d: Dataset.Dataset) => Invariants.check(d, { policy }).map((v) => `${v.code} @ ${v.path}`)

// Anna's enrollment n-2 (from 10 April 2024) with five yoga sessions, the fifth on 1 May.
const fiveYogaSessions = () => {
  const d = mutable(tinyYear())
  for (const [k, date] of ["2024-04-10", "2024-04-17", "2024-04-24", "2024-04-26", "2024-05-01"].entries()) {
    d.sessions.push({ id: `x-y${k}`, offeringId: "mindfull-restorative-yoga", date, staffIds: ["s-ther"] })
    d.attendance.push({
      id: `a-y${k}`,
      sessionId: `x-y${k}`,
      enrollmentId: "n-2",
      citizenId: ids.anna,
      offeringId: "mindfull-restorative-yoga",
      date,
      status: "present",
    })
  }
  return d
}

describe("Invariants.check", () => {
  it("the hand-built year is valid and breaks no invariant", () => {
    expect(() => Schema.decodeUnknownSync(Dataset.Dataset)(tinyYear(), { onExcessProperty: "error" })).not.toThrow()
    expect(Invariants.check(tinyYear(), { policy })).toEqual([])
  })

  it("all offerings are free", () => {
    const d = mutable(tinyYear())
    d.offerings[1].priceNok = 50
    const [v] = Invariants.check(d, { policy })
    expect(v).toEqual({
      code: "offering-not-free",
      path: "offerings[1].priceNok",
      recordId: "mindfull-restorative-yoga",
      message: {
        en: "Mindful restorative yoga costs 50 NOK; every offering must cost 0 NOK",
        nb: "Mindfull restorative yoga koster 50 kr; alle tilbud skal koste 0 kr",
      },
      seed: {
        document: "Mestringsenhetens modell for aktivitet",
        section: "Organisering",
        lines: "35",
        quote: "er alle tilbudene kostnadsfrie for innbyggerne som benytter disse",
      },
    })
  })

  it("only departments run department groups, and departments run nothing else", () => {
    const d = mutable(tinyYear())
    const baltur = d.offerings.findIndex((o: { id: string }) => o.id === "baltur-rpha")
    d.offerings[baltur].operator.team = "activity-team"
    d.offerings[6].operator.team = "department"
    expect(codes(d)).toEqual([
      "department-runs-group-outside-own-groups @ offerings[6].operator.team",
      `department-group-not-run-by-department @ offerings[${baltur}].operator`,
    ])
  })

  it("a department group takes only its own department's citizens", () => {
    const d = mutable(tinyYear())
    d.enrollments[3].citizenId = ids.anna
    const v = Invariants.check(d, { policy })
    expect(v.map((x) => x.code)).toEqual(["department-group-foreign-citizen"])
    expect(v[0]?.message).toEqual({
      en: "Campfire trip (rus og avhengighet) is for citizens of rus-og-avhengighet, and this citizen gets help from psykisk-helse",
      nb: "Båltur (rus og avhengighet) er for innbyggere i rus-og-avhengighet, og denne innbyggeren får hjelp fra psykisk-helse",
    })
  })

  it("no enrollment in a discontinued offering after its 2-month transition", () => {
    const d = mutable(tinyYear())
    d.year = 2023
    d.enrollments[3] = {
      id: "n-9",
      citizenId: ids.bo,
      offeringId: "sykkelgruppe",
      start: "2023-05-09",
      status: "ongoing",
    }
    const inside = mutable(d)
    inside.enrollments[3].start = "2023-05-08"
    inside.enrollments[3].status = "completed"
    inside.enrollments[3].closedOn = "2023-05-08"
    expect(Invariants.checkOne("noEnrollmentAfterTransition", inside, { policy })).toEqual([])
    const [v] = Invariants.checkOne("noEnrollmentAfterTransition", d, { policy })
    expect(v?.message).toEqual({
      en: "Cycling group was discontinued; its transition ended 2023-05-08, but this enrollment starts 2023-05-09",
      nb: "Sykkelgruppe er avviklet; overgangsperioden sluttet 2023-05-08, men denne deltagelsen starter 2023-05-09",
    })
    // Joining in time is not enough: the participant must have moved on when it ends.
    inside.enrollments[3].status = "completed"
    inside.enrollments[3].closedOn = "2023-06-01"
    expect(Invariants.checkOne("noEnrollmentAfterTransition", inside, { policy }).map((x) => x.message.en)).toEqual([
      "Cycling group was discontinued; its transition ended 2023-05-08, but this enrollment lasted until 2023-06-01",
    ])
    inside.enrollments[3].status = "ongoing"
    delete inside.enrollments[3].closedOn
    expect(Invariants.checkOne("noEnrollmentAfterTransition", inside, { policy }).map((x) => x.path)).toEqual([
      "enrollments[3].status",
    ])
  })

  it("a treatment enrollment needs a referral and a joint meeting with a goal before its first session", () => {
    const noReferral = mutable(tinyYear())
    delete noReferral.enrollments[1].referralId
    expect(codes(noReferral)).toEqual(["treatment-referral-missing @ enrollments[1].referralId"])

    const wrongOffering = mutable(tinyYear())
    wrongOffering.enrollments[1].referralId = "r-1"
    expect(codes(wrongOffering)).toEqual(["treatment-referral-missing @ enrollments[1].referralId"])

    const noMeeting = mutable(tinyYear())
    noMeeting.jointMeetings.pop()
    expect(Invariants.check(noMeeting, { policy }).map((v) => v.message.en)).toEqual([
      "Mindful restorative yoga is treatment: a joint meeting must set a goal before the first session",
    ])

    const lateGoal = mutable(tinyYear())
    lateGoal.jointMeetings[0].date = "2024-01-23"
    expect(Invariants.check(lateGoal, { policy }).map((v) => v.message.nb)).toEqual([
      "Målet ble satt 2024-01-23, etter første samling 2024-01-22",
    ])
  })

  it("attendance falls within the enrollment period, including the extension", () => {
    const d = mutable(tinyYear())
    d.extensions = []
    d.goalEvaluations[0].decision = "completed"
    d.goalEvaluations.pop()
    d.enrollments[0].closedOn = "2024-02-18"
    expect(Invariants.check(d, { policy }).map((v) => [v.code, v.path, v.message.en])).toEqual([
      [
        "attendance-outside-period",
        "attendance[2].date",
        "Attendance on 2024-03-05 is outside the enrollment period 2024-01-22 – 2024-02-18",
      ],
    ])
  })

  it("at most one extension", () => {
    const d = mutable(tinyYear())
    d.extensions.push({ id: "f-2", enrollmentId: "n-1", date: "2024-03-15", newEnd: "2024-04-14" })
    d.enrollments[0].closedOn = "2024-04-14"
    expect(Invariants.check(d, { policy }).map((v) => v.message.en)).toEqual([
      "Individual training at Mudo may be extended at most 1 time(s); this enrollment has 2 extensions",
    ])
  })

  it("an extension must end after the period it extends", () => {
    const d = mutable(tinyYear())
    d.extensions[0].newEnd = "2024-02-10"
    expect(Invariants.checkOne("extensionsWithinLimit", d, { policy }).map((v) => v.message.en)).toEqual([
      "The extension to 2024-02-10 does not end after the period it extends (2024-02-18)",
    ])
  })

  it("Mudo allows at most 2 sessions per ISO week and 4 weeks per period", () => {
    const d = mutable(tinyYear())
    d.attendance.push({ ...d.attendance[0], id: "a-9", date: "2024-01-24" })
    d.enrollments[0].end = "2024-02-19"
    expect(Invariants.check(d, { policy }).map((v) => v.message.en)).toEqual([
      "Individual training at Mudo allows at most 2 sessions per week; week 2024-W04 has 3",
      "Individual training at Mudo lasts 4 weeks per period; period 1 runs 29 days",
    ])
  })

  it("yoga has 4 sessions per period", () => {
    const d = fiveYogaSessions()
    expect(Invariants.check(d, { policy }).map((v) => v.message.nb)).toEqual([
      "Mindfull restorative yoga har 4 samlinger per periode; denne deltagelsen har 5 over 1 periode(r)",
    ])
  })

  it("limits can change over time: each enrollment is held to the limits in force on its first day", () => {
    const d = fiveYogaSessions()
    const yoga = "offerings.mindfull-restorative-yoga.sessions"
    // Yoga goes from 4 to 6 sessions from 1 April 2024; the enrollment starts 10 April.
    const sixFromApril = withValues(yoga, [
      { from: "2023-03-09", value: 4 },
      { from: "2024-04-01", value: 6 },
    ])
    expect(Invariants.check(d, { policy: sixFromApril })).toEqual([])
    // From 1 May the enrollment keeps the 4 of its first day, though its fifth session is in May.
    const sixFromMay = withValues(yoga, [
      { from: "2023-03-09", value: 4 },
      { from: "2024-05-01", value: 6 },
    ])
    expect(Invariants.check(d, { policy: sixFromMay }).map((v) => v.code)).toEqual(["session-limit-exceeded"])
  })

  it("a limit dated by the session's date holds each session to the limit in force on its date, as the rules do", () => {
    const d = fiveYogaSessions()
    const yoga = "offerings.mindfull-restorative-yoga.sessions"
    const bySession = (values: ReadonlyArray<{ from: string; value: number }>) => {
      const p = withValues(yoga, values)
      const q = p.parameters.get(yoga)!
      return Policy.make(
        [...p.parameters].map(([n, x]) => [n, n === yoga ? { ...q, datedBy: "session-date" as const } : x] as const),
      )
    }
    // 6 from 1 May: the fifth session, on 1 May, is within the limit of its day.
    expect(
      Invariants.check(d, {
        policy: bySession([
          { from: "2023-03-09", value: 4 },
          { from: "2024-05-01", value: 6 },
        ]),
      }),
    ).toEqual([])
    // 6 from 2 May: on 1 May the limit is still 4, and it is the fifth session.
    const over = Invariants.check(d, {
      policy: bySession([
        { from: "2023-03-09", value: 4 },
        { from: "2024-05-02", value: 6 },
      ]),
    })
    expect(over.map((v) => v.code)).toEqual(["session-limit-exceeded"])
    expect(over[0]!.message.en).toContain("has 4 sessions per period; this enrollment has 5 over 1 period(s)")
    // Cut to 2 from 20 April: the third session, on 24 April, is over the limit of its day.
    const cut = Invariants.check(d, {
      policy: bySession([
        { from: "2023-03-09", value: 4 },
        { from: "2024-04-20", value: 2 },
      ]),
    })
    expect(cut[0]!.message.en).toContain("has 2 sessions per period; this enrollment has 3 over 1 period(s)")
  })

  it("a weeks limit dated by the day judged holds each day of a period to the limit in force that day, as the rules do", () => {
    const mudo = "offerings.individuell-trening-mudo.weeks"
    const byQuestion = (values: ReadonlyArray<{ from: string; value: number }>) => {
      const p = withValues(mudo, values)
      const q = p.parameters.get(mudo)!
      return Policy.make(
        [...p.parameters].map(([n, x]) => [n, n === mudo ? { ...q, datedBy: "question-date" as const } : x] as const),
      )
    }
    const weeksOf = (d: Dataset.Dataset, policy: Policy.Policy) =>
      Invariants.checkOne("sessionLimitsHold", d, { policy }).map((v) => v.message.en)
    // Period 1 of n-1 runs from 22 January to 25 February: 35 days, in its fifth week.
    const d = mutable(tinyYear())
    d.enrollments[0].end = "2024-02-25"
    d.extensions[0] = { ...d.extensions[0], date: "2024-02-23", newEnd: "2024-03-17" }
    const fourThenFive = [
      { from: "2023-03-09", value: 4 },
      { from: "2024-02-10", value: 5 },
    ]
    // Read on the first day, the limit is 4 weeks and the period too long.
    expect(weeksOf(d, withValues(mudo, fourThenFive))).toEqual([
      "Individual training at Mudo lasts 4 weeks per period; period 1 runs 35 days",
    ])
    // Read on each day, 5 weeks hold from 10 February, before the period reaches its fifth week.
    expect(weeksOf(d, byQuestion(fourThenFive))).toEqual([])
    // 5 weeks only from 20 February: on 19 February (day 29, week 5) the limit is still 4.
    const late = byQuestion([
      { from: "2023-03-09", value: 4 },
      { from: "2024-02-20", value: 5 },
    ])
    expect(weeksOf(d, late)).toEqual(["Individual training at Mudo lasts 4 weeks per period; period 1 runs 35 days"])
    // Cut to 1 week from 1 March: the second period (26 February to 17 March) runs past it.
    const cut = byQuestion([
      { from: "2023-03-09", value: 5 },
      { from: "2024-03-01", value: 1 },
    ])
    expect(weeksOf(d, cut)).toEqual(["Individual training at Mudo lasts 1 weeks per period; period 2 runs 21 days"])
  })

  it("a treatment completes only with the therapist's goal evaluation", () => {
    const d = mutable(tinyYear())
    d.enrollments[1].status = "completed"
    expect(codes(d)).toEqual(["completed-without-goal-evaluation @ enrollments[1].status"])
    // An evaluation that only extends does not close the treatment either.
    d.goalEvaluations.push({
      id: "g-9",
      enrollmentId: "n-2",
      therapistId: "s-ther",
      date: "2024-05-01",
      goalReached: "no",
      decision: "extend",
    })
    expect(codes(d)).toContain("completed-without-goal-evaluation @ enrollments[1].status")
  })

  it("each department contributes at least 20 % of a position", () => {
    const d = mutable(tinyYear())
    d.contributions[1].sharePercent = 10
    d.contributions.push({
      id: "c-9",
      department: "rpha",
      from: "2022-01-01",
      to: "2022-12-31",
      sharePercent: 50,
      form: "lent-position",
    })
    d.contributions.splice(2, 1)
    expect(Invariants.check(d, { policy }).map((v) => v.message.en)).toEqual([
      "Substance use and addiction contributes 10 % of a position to the activity team from 2024-01-01; at least 20 % is required",
      "Rapid mental-health help and activity contributes 0 % of a position to the activity team from 2024-01-01; at least 20 % is required",
    ])
  })

  it("a contribution must cover the whole year, not only overlap it", () => {
    const d = mutable(tinyYear())
    d.contributions[0] = { ...d.contributions[0], from: "2024-12-01" }
    d.contributions.push({
      id: "c-8",
      department: "rpha",
      from: "2023-03-09",
      to: "2024-06-30",
      sharePercent: 20,
      form: "lent-position",
    })
    d.contributions.push({ id: "c-9", department: "rpha", from: "2024-07-01", sharePercent: 10, form: "lent-position" })
    d.contributions.splice(2, 1)
    expect(Invariants.check(d, { policy }).map((v) => v.message.nb)).toEqual([
      "Psykisk helse bidrar med 0 % stilling til aktivitetsteamet fra 2024-01-01; minst 20 % kreves",
      "Rask psykisk helsehjelp og aktivitet bidrar med 10 % stilling til aktivitetsteamet fra 2024-07-01; minst 20 % kreves",
    ])
  })

  it("citizens are adults (18+) on the first day they appear", () => {
    const d = mutable(tinyYear())
    d.citizens[0].birthDate = "2006-01-23"
    d.citizens[0].birthYear = 2006
    expect(Invariants.check(d, { policy }).map((v) => [v.path, v.message.en])).toEqual([
      ["citizens[0].birthDate", "The citizen is 17 on 2024-01-08; the unit serves adults aged 18 or more"],
    ])
    d.citizens[0].birthDate = "2006-01-08"
    expect(Invariants.check(d, { policy })).toEqual([])
  })

  it("limits come from data: a policy with another minimum age changes the verdict", () => {
    const d = tinyYear()
    expect(
      Invariants.check(d, { policy: withValues("citizen.minimum-age", [{ from: "2023-03-09", value: 30 }]) }).map(
        (v) => v.recordId,
      ),
    ).toEqual([ids.cato])
  })

  it("never throws on bad data: dangling references and junk become violations", () => {
    const d = mutable(tinyYear())
    d.attendance[0].enrollmentId = "n-404"
    d.enrollments[2].offeringId = "sjakk"
    expect(codes(d)).toEqual([
      "unknown-reference @ enrollments[2].offeringId",
      "unknown-reference @ attendance[0].enrollmentId",
    ])
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const out = Invariants.check(junk as Dataset.Dataset, { policy })
        expect(Array.isArray(out)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
