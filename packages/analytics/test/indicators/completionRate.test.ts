import { describe, expect, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

// Mudo: n-1 completed in March, n-2 withdrawn in March, n-3 completed in
// April via its planned end (no closedOn), n-4 still ongoing. Yoga: n-5
// completed in 2023 (outside the year), n-6 withdrawn in May.
const tables = Tables.fromDataset(
  year({
    enrollments: [
      enr("n-1", 1, "individuell-trening-mudo", "2024-02-01", {
        end: "2024-02-28",
        closedOn: "2024-03-01",
        status: "completed",
      }),
      enr("n-2", 2, "individuell-trening-mudo", "2024-02-05", {
        end: "2024-03-03",
        closedOn: "2024-03-10",
        status: "withdrawn",
      }),
      enr("n-3", 3, "individuell-trening-mudo", "2024-03-04", { end: "2024-04-01", status: "completed" }),
      enr("n-4", 4, "individuell-trening-mudo", "2024-04-08", { end: "2024-05-05" }),
      enr("n-5", 5, "mindfull-restorative-yoga", "2023-11-01", { closedOn: "2023-11-30", status: "completed" }),
      enr("n-6", 6, "mindfull-restorative-yoga", "2024-05-01", { closedOn: "2024-05-20", status: "withdrawn" }),
    ],
  }),
  { policy },
)
const { completionRate } = Indicators.catalogue

describe("completionRate", () => {
  it("divides completed by all closed enrollments in the period, per offering", () => {
    tableEqual(Indicator.compute(completionRate, tables, { by: ["offering"] }).table, {
      offering: ["individuell-trening-mudo", "mindfull-restorative-yoga"],
      ended: [3, 1],
      completed: [2, 0],
      withdrawn: [1, 1],
      rate: [2 / 3, 0],
    })
  })

  it("places each enrollment in the month it closed", () => {
    tableEqual(Indicator.compute(completionRate, tables, { by: ["month"] }).table, {
      month: ["2024-03", "2024-04", "2024-05"],
      ended: [2, 1, 1],
      completed: [1, 1, 0],
      withdrawn: [1, 0, 1],
      rate: [0.5, 1, 0],
    })
  })
})

describe("completionRate where completion does not apply", () => {
  // Helårsbading (everyday, open, for long-term participation) and a
  // campfire trip (a department's own group): whoever stops there has not
  // failed to complete anything. Karate (everyday, with intake) can be completed.
  const open = Tables.fromDataset(
    year({
      enrollments: [
        enr("n-1", 1, "helarsbading", "2024-01-08", { closedOn: "2024-03-01", status: "withdrawn" }),
        enr("n-2", 2, "baltur-psykisk-helse", "2024-01-08", { closedOn: "2024-03-01", status: "withdrawn" }),
        enr("n-3", 3, "karategruppe", "2024-01-08", { closedOn: "2024-06-01", status: "completed" }),
      ],
    }),
    { policy },
  )

  it("counts no closure of an open offering, and marks its row not applicable rather than 0 %", () => {
    const r = Indicator.compute(completionRate, open, { by: ["offering"] })
    tableEqual(r.table, {
      offering: ["baltur-psykisk-helse", "helarsbading", "karategruppe"],
      ended: [0, 0, 1],
      completed: [0, 0, 1],
      withdrawn: [0, 0, 0],
      rate: [null, null, 1],
    })
    expect(r.notApplicable).toEqual([true, true, false])
  })

  it("marks a category not applicable only when none of its offerings can be completed", () => {
    const r = Indicator.compute(completionRate, open, { by: ["category"], margins: true })
    tableEqual(r.table, {
      category: ["department", "everyday", "(total)"],
      ended: [0, 1, 1],
      completed: [0, 1, 1],
      withdrawn: [0, 0, 0],
      rate: [null, 1, 1],
    })
    expect(r.notApplicable).toEqual([true, false, false])
  })

  it("applies everywhere else: an indicator without definedFor has no such rows", () => {
    expect(
      Indicator.compute(Indicators.catalogue.participation, open, { by: ["category"] }).notApplicable,
    ).toBeUndefined()
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(completionRate)
  })
})
