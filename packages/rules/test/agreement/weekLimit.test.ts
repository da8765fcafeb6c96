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

// One Mudo enrollment of a small synthetic year, made to run from `start` to
// `end`, and on to `extended` when an extension is given.
const year = generate({ policy: fixturePolicy(), seed: 4, year: 2024, citizens: 120 })
const enrollment = year.enrollments.find((e) => e.offeringId === mudo)!
const withPeriods = (start: string, end: string, extended: string | undefined): Dataset.Dataset => ({
  ...year,
  enrollments: year.enrollments.map((e) => {
    if (e !== enrollment) return e
    const { closedOn: _, ...open } = e
    return { ...open, start, end, status: "ongoing" } as Dataset.Dataset["enrollments"][number]
  }),
  attendance: year.attendance.filter((a) => a.enrollmentId !== enrollment.id),
  extensions: [
    ...year.extensions.filter((x) => x.enrollmentId !== enrollment.id),
    ...(extended === undefined ? [] : [{ id: "f-agree", enrollmentId: enrollment.id, date: end, newEnd: extended }]),
  ] as Dataset.Dataset["extensions"],
  goalEvaluations: year.goalEvaluations.filter((g) => g.enrollmentId !== enrollment.id),
})

// Whether the rules end a period from `from` to `to` on one of its days.
const rulesEnd = (tree: PolicyTree.Tree, start: string, from: string, to: string): boolean => {
  const subject = Subject.make({ citizen: adult, offering: mudo, enrollment: { start, periodStart: from } })
  for (let d = from; d <= to; d = IsoDate.addDays(d, 1))
    if (
      Decision.decide(tree, subject, d).decisions.find((x) => x.rule === "duration/week-limit")?.outcome.type === "ends"
    )
      return true
  return false
}

describe("the weeks limit, dated by the enrollment's start or by the day judged", () => {
  it("core flags a period exactly when the rules end it on one of its days (property)", () => {
    // Every weeks limit the tree accepts: a whole number from 0 (no limit) up.
    const limit = fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 8)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }).map((d) => IsoDate.addDays("2024-01-01", d)),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }),
        // Changes of the limit from a few days before the enrollment to a few after its last period.
        fc.array(fc.tuple(fc.integer({ min: -5, max: 110 }), limit), { minLength: 0, maxLength: 3 }),
        limit,
        fc.constantFrom("enrollment-start", "question-date", "session-date"),
        (start, length, more, changes, first, datedBy) => {
          const later = new Map(changes.map(([offset, value]) => [IsoDate.addDays(start, offset), value]))
          const values = [
            { from: "2023-03-09", value: first },
            ...[...later.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([from, value]) => ({ from, value })),
          ]
          const tree = treeWith(datedBy, values)
          const end = IsoDate.addDays(start, length - 1)
          const extended = more === undefined ? undefined : IsoDate.addDays(end, more)
          const flagged = Invariants.checkOne("sessionLimitsHold", withPeriods(start, end, extended), {
            policy: InForce.policy(tree),
          }).some((v) => v.code === "period-longer-than-limit" && v.recordId === enrollment.id)
          const ends =
            rulesEnd(tree, start, start, end) ||
            (extended !== undefined && rulesEnd(tree, start, IsoDate.addDays(end, 1), extended))
          expect({ datedBy, values, start, end, extended, flagged }).toEqual({
            datedBy,
            values,
            start,
            end,
            extended,
            flagged: ends,
          })
        },
      ),
      { numRuns: 80 },
    )
  })

  it("a limit raised on a period's last day still holds the day before it", () => {
    // 4 weeks, then 5 from 30 March: a period of 1–30 March is in its fifth week on 29 March.
    const tree = treeWith("question-date", [
      { from: "2023-03-09", value: 4 },
      { from: "2024-03-30", value: 5 },
    ])
    const flagged = Invariants.checkOne("sessionLimitsHold", withPeriods("2024-03-01", "2024-03-30", undefined), {
      policy: InForce.policy(tree),
    }).map((v) => v.message.en)
    expect(flagged).toEqual(["Individual training at Mudo lasts 4 weeks per period; period 1 runs 30 days"])
    expect(rulesEnd(tree, "2024-03-01", "2024-03-01", "2024-03-30")).toBe(true)
  })
})
