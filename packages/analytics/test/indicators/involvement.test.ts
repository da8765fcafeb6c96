import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { session, tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

// Sandneshallen: three sessions, two with students (2 and 3 of them).
// Inkludert: two sessions, one with a volunteer. Yoga: one session, nobody.
const tables = Tables.fromDataset(
  year({
    sessions: [
      session("sandneshallen", "2024-02-05", 2),
      session("sandneshallen", "2024-02-12", 3),
      session("sandneshallen", "2024-02-19", 0),
      session("inkludert", "2024-02-06", 0, 1),
      session("inkludert", "2024-02-13", 0, 0),
      session("mindfull-restorative-yoga", "2024-02-07"),
    ],
  }),
  { policy },
)
const { involvement } = Indicators.catalogue

describe("involvement", () => {
  it("counts sessions with students and volunteers per category", () => {
    tableEqual(Indicator.compute(involvement, tables).table, {
      category: ["everyday", "participation", "treatment"],
      sessions: [3, 2, 1],
      withStudents: [2, 0, 0],
      studentShare: [2 / 3, 0, 0],
      students: [5, 0, 0],
      withVolunteers: [0, 1, 0],
      volunteerShare: [0, 0.5, 0],
      volunteers: [0, 1, 0],
    })
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(involvement)
  })
})
