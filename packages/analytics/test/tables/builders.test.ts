// Each table builder of src/tables/ on a few records, through the context
// Tables.fromDataset gives them.
import type { ColumnTable } from "arquero"
import { describe, expect, it } from "vitest"
import { attendance } from "../../src/tables/attendance.js"
import { context } from "../../src/tables/context.js"
import { contributions } from "../../src/tables/contributions.js"
import { departments } from "../../src/tables/departments.js"
import { enrollments } from "../../src/tables/enrollments.js"
import { extensions } from "../../src/tables/extensions.js"
import { feedback } from "../../src/tables/feedback.js"
import { fitScores } from "../../src/tables/fitScores.js"
import { goalEvaluations } from "../../src/tables/goalEvaluations.js"
import { offerings } from "../../src/tables/offerings.js"
import { sessions } from "../../src/tables/sessions.js"
import { transitions } from "../../src/tables/transitions.js"
import { policy } from "../fixturePolicy.js"
import { att, enr, fit, p, session, year } from "../helpers.js"

const day = (iso: string) => Date.parse(iso) / 86_400_000
const columns = (t: ColumnTable, names: ReadonlyArray<string>) =>
  Object.fromEntries(names.map((n) => [n, Array.from(t.array(n) as ArrayLike<unknown>)]))

const c = context(
  year({
    enrollments: [
      enr("n-1", 1, "sandneshallen", "2024-01-02", { closedOn: "2024-03-05", status: "completed", referralId: "r-1" }),
      enr("n-2", 2, "sandneshallen", "2023-12-01"),
    ],
    referrals: [{ id: "r-1", date: "2023-12-20" }],
    attendance: [
      att(2, "sandneshallen", "2023-12-08", "present", "n-2"),
      att(1, "sandneshallen", "2024-01-09", "present", "n-1"),
      att(2, "sandneshallen", "2024-01-09", "no-show", "n-2"),
    ],
    sessions: [session("sandneshallen", "2023-12-08", 1), session("sandneshallen", "2024-01-09", 2, 1)],
    extensions: [{ id: "x-1", enrollmentId: "n-2", date: "2024-02-01" }],
    goalEvaluations: [{ id: "g-1", enrollmentId: "n-1", date: "2024-03-01", goalReached: "yes" }],
    transitions: [{ id: "t-1", citizenId: p(3), enrollmentId: "n-1", date: "2024-03-06" }],
    fitScores: [fit(1, "2024-01-09", "ORS", 10, "n-1"), fit(2, "2024-01-10", "SRS", 39, "n-2")],
    contributions: [{ id: "c-1", department: "psykisk-helse", from: "2024-01-01", sharePercent: 20, form: "lent" }],
    feedback: [
      { id: "f-1", source: "citizen", date: "2024-02-01", offeringId: "sandneshallen", theme: "fritt", rating: 4 },
    ],
  }),
  { from: "2024-01-01", to: "2024-12-31" },
  (o) => (o === "sandneshallen" ? 25 : null),
  policy,
)
// The order the composition runs them in, so citizens are coded as in Tables.fromDataset.
const t = {
  attendance: attendance(c),
  sessions: sessions(c),
  enrollments: enrollments(c),
  extensions: extensions(c),
  goalEvaluations: goalEvaluations(c),
  transitions: transitions(c),
  fitScores: fitScores(c),
  contributions: contributions(c),
  feedback: feedback(c),
  offerings: offerings(c),
  departments: departments(c),
}

describe("the table builders", () => {
  it("attendance: the rows in the period, citizens coded in order, each naming its enrollment's row", () => {
    expect(columns(t.attendance, ["enrollment", "citizen", "day", "present", "noShow"])).toEqual({
      enrollment: [0, 1],
      citizen: [0, 1],
      day: [day("2024-01-09"), day("2024-01-09")],
      present: [1, 0],
      noShow: [0, 1],
    })
  })

  it("sessions: the rows in the period", () => {
    expect(columns(t.sessions, ["offering", "students", "volunteers"])).toEqual({
      offering: ["sandneshallen"],
      students: [2],
      volunteers: [1],
    })
  })

  it("enrollments: every one, with its close, status and referral day", () => {
    expect(
      columns(t.enrollments, ["enrollment", "citizen", "start", "closed", "status", "completed", "referralDay"]),
    ).toEqual({
      enrollment: [0, 1],
      citizen: [0, 1],
      start: [day("2024-01-02"), day("2023-12-01")],
      closed: [day("2024-03-05"), null],
      status: ["completed", "ongoing"],
      completed: [1, 0],
      referralDay: [day("2023-12-20"), null],
    })
  })

  it("extensions, goal evaluations and transitions: placed at their enrollment", () => {
    expect(columns(t.extensions, ["enrollment", "day"])).toEqual({ enrollment: [1], day: [day("2024-02-01")] })
    expect(columns(t.goalEvaluations, ["enrollment", "offering", "goalReached"])).toEqual({
      enrollment: [0],
      offering: ["sandneshallen"],
      goalReached: ["yes"],
    })
    expect(columns(t.transitions, ["citizen", "enrollment", "offering"])).toEqual({
      citizen: [2],
      enrollment: [0],
      offering: ["sandneshallen"],
    })
  })

  it("fitScores: the policy's thresholds of each form's date", () => {
    const f = columns(t.fitScores, ["citizen", "instrument", "total", "srsAlert", "orsClinical"])
    expect(f).toEqual({
      citizen: [0, 1],
      instrument: ["ORS", "SRS"],
      total: [10, 39],
      srsAlert: [0, 0],
      orsClinical: [1, 0],
    })
  })

  it("contributions and feedback: days, shares, and a theme outside the list as «annet»", () => {
    expect(columns(t.contributions, ["department", "from", "to", "share"])).toEqual({
      department: ["psykisk-helse"],
      from: [day("2024-01-01")],
      to: [null],
      share: [20],
    })
    expect(columns(t.feedback, ["source", "offering", "rating", "theme"])).toEqual({
      source: ["citizen"],
      offering: ["sandneshallen"],
      rating: [4],
      theme: ["annet"],
    })
  })

  it("offerings and departments: the lists, with the capacity given", () => {
    const o = columns(t.offerings, ["offering", "capacity"])
    expect(o.capacity![(o.offering as Array<string>).indexOf("sandneshallen")]).toBe(25)
    expect(t.departments.numRows()).toBeGreaterThan(0)
  })
})
