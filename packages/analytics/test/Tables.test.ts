// Tables.fromDataset composes one builder per table (src/tables/); here what
// the composition guarantees: calendar dates, checked with core's calendar
// wherever a record has one, and the order of the tables' citizen codes.
import { describe, expect, it } from "vitest"
import { fromDataset } from "../src/Tables.js"
import { policy } from "./fixturePolicy.js"
import { att, enr, fit, p, session, year } from "./helpers.js"

const build = (records: Parameters<typeof year>[0]) => fromDataset(year(records), { policy })

describe("Tables.fromDataset dates", () => {
  it.each(["2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01"])(
    "refuses %s in every table that reads a date, naming the table, in both languages",
    (date) => {
      const cases: ReadonlyArray<readonly [string, Parameters<typeof year>[0]]> = [
        ["attendance", { attendance: [att(1, "sandneshallen", date)] }],
        ["sessions", { sessions: [session("sandneshallen", date)] }],
        ["enrollments", { enrollments: [enr("n-1", 1, "sandneshallen", date)] }],
        ["enrollments", { enrollments: [enr("n-1", 1, "sandneshallen", "2024-01-02", { end: date })] }],
        ["fitScores", { fitScores: [fit(1, date, "ORS", 20)] }],
        ["extensions", { extensions: [{ id: "e-1", enrollmentId: "n-1", date }] }],
        ["referrals", { referrals: [{ id: "r-1", citizenId: p(1), offeringId: "sandneshallen", date }] }],
      ]
      for (const [table, records] of cases) {
        expect(() => build(records), table).toThrow(
          new RegExp(
            `Tables\\.fromDataset: ${table}: .*expected a calendar date as YYYY-MM-DD, found "${date}" / Tables\\.fromDataset: ${table}: .*forventet en gyldig dato`,
            "u",
          ),
        )
      }
    },
  )

  it("accepts 29 February in a leap year", () => {
    const t = build({
      attendance: [att(1, "sandneshallen", "2024-02-29")],
      sessions: [session("sandneshallen", "2024-02-29", 1)],
      enrollments: [enr("n-1-sandneshallen", 1, "sandneshallen", "2024-02-29")],
    })
    expect(Array.from(t.attendance.array("month") as ArrayLike<string>)).toEqual(["2024-02"])
    expect(Array.from(t.sessions.array("day") as ArrayLike<number>)).toEqual([Date.UTC(2024, 1, 29) / 86_400_000])
    expect(Array.from(t.enrollments.array("startMonth") as ArrayLike<string>)).toEqual(["2024-02"])
  })

  it("refuses an impossible period", () => {
    expect(() => fromDataset(year({}), { policy, period: { from: "2023-02-29", to: "2023-12-31" } })).toThrow(
      /invalid period "2023-02-29"–"2023-12-31"/u,
    )
  })
})

describe("Tables.fromDataset composition", () => {
  it("codes citizens in order of first appearance: attendance, then enrollments, transitions and FIT forms", () => {
    const t = build({
      attendance: [att(3, "sandneshallen", "2024-03-01")],
      enrollments: [enr("n-2", 2, "sandneshallen", "2024-01-02"), enr("n-3", 3, "sandneshallen", "2024-01-02")],
      fitScores: [fit(5, "2024-03-01", "ORS", 20), fit(2, "2024-03-02", "ORS", 20)],
    })
    expect(Array.from(t.attendance.array("citizen") as ArrayLike<number>)).toEqual([0])
    expect(Array.from(t.enrollments.array("citizen") as ArrayLike<number>)).toEqual([1, 0])
    expect(Array.from(t.fitScores.array("citizen") as ArrayLike<number>)).toEqual([2, 1])
    expect(Object.keys(t)).toEqual([
      "period",
      "days",
      "offerings",
      "departments",
      "attendance",
      "sessions",
      "enrollments",
      "extensions",
      "goalEvaluations",
      "transitions",
      "fitScores",
      "contributions",
      "feedback",
      "requiredContributionPercent",
      "policy",
    ])
  })
})
