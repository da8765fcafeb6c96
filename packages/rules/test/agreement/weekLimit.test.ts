// Core's invariant and the rules read one weeks limit one way, however it is
// dated: a period is too long for core exactly when, on some day of it, the
// rules' week-limit rule says the period ends.
import { type Dataset, Invariants, IsoDate } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Decision, InForce, PolicyTree, Subject } from "../../src/index.js"
import { adult, editJson, filesWith, fixturePolicy } from "../helpers.js"

const mudo = "individuell-trening-mudo"
const weeksFile = `parameters/offerings/${mudo}/weeks.json`

const treeWith = (datedBy: string, values: ReadonlyArray<{ from: string; value: number }>) =>
  PolicyTree.loadOrThrow(
    filesWith({
      [weeksFile]: editJson(weeksFile, (p) => {
        p.datedBy = datedBy
        p.values = values.map((v) => ({ ...p.values[0], from: v.from, value: v.value }))
      }),
    }),
  )

// One Mudo enrollment of a small synthetic year, made to run one period from `start` to `end`.
const year = generate({ policy: fixturePolicy(), seed: 4, year: 2024, citizens: 120 })
const enrollment = year.enrollments.find((e) => e.offeringId === mudo)!
const withPeriod = (start: string, end: string): Dataset.Dataset => ({
  ...year,
  enrollments: year.enrollments.map((e) => {
    if (e !== enrollment) return e
    const { closedOn: _, ...open } = e
    return { ...open, start, end, status: "ongoing" } as Dataset.Dataset["enrollments"][number]
  }),
  attendance: year.attendance.filter((a) => a.enrollmentId !== enrollment.id),
  extensions: year.extensions.filter((x) => x.enrollmentId !== enrollment.id),
  goalEvaluations: year.goalEvaluations.filter((g) => g.enrollmentId !== enrollment.id),
})

describe("the weeks limit, dated by the enrollment's start or by the day judged", () => {
  it("core flags a period exactly when the rules end it on one of its days (property)", () => {
    const day = (from: number, span: number) =>
      fc.integer({ min: 0, max: span }).map((d) => IsoDate.addDays("2024-01-01", from + d))
    fc.assert(
      fc.property(
        day(0, 120),
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.tuple(day(1, 200), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom("enrollment-start", "question-date", "session-date"),
        (start, length, later, first, datedBy) => {
          const values = [
            { from: "2023-03-09", value: first },
            ...[...new Map(later).entries()]
              .sort((a, b) => (a[0] < b[0] ? -1 : 1))
              .map(([from, value]) => ({ from, value })),
          ]
          const tree = treeWith(datedBy, values)
          const end = IsoDate.addDays(start, length - 1)
          const flagged = Invariants.checkOne("sessionLimitsHold", withPeriod(start, end), {
            policy: InForce.policy(tree),
          }).some((v) => v.code === "period-longer-than-limit" && v.recordId === enrollment.id)
          const subject = Subject.make({ citizen: adult, offering: mudo, enrollment: { start, periodStart: start } })
          let ends = false
          for (let d = start; d <= end && !ends; d = IsoDate.addDays(d, 1))
            ends =
              Decision.decide(tree, subject, d).decisions.find((x) => x.rule === "duration/week-limit")?.outcome
                .type === "ends"
          expect({ datedBy, values, start, end, flagged }).toEqual({ datedBy, values, start, end, flagged: ends })
        },
      ),
      { numRuns: 60 },
    )
  })
})
