import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { att, tableEqual, year } from "../helpers.js"
import { sameAsBeforeFusedPasses } from "./fusedPassProperty.js"

// Yoga: citizen 1 present, no-show, present; citizen 2 absent with notice.
// Turgruppe: citizen 2 present twice. Sandneshallen in March: citizen 3 no-show.
const tables = Tables.fromDataset(
  year({
    attendance: [
      att(1, "mindfull-restorative-yoga", "2024-02-05"),
      att(1, "mindfull-restorative-yoga", "2024-02-12", "no-show"),
      att(1, "mindfull-restorative-yoga", "2024-02-19"),
      att(2, "mindfull-restorative-yoga", "2024-02-05", "absent"),
      att(2, "turgruppe", "2024-02-07"),
      att(2, "turgruppe", "2024-02-14"),
      att(3, "sandneshallen", "2024-03-04", "no-show"),
      // Outside the year: ignored.
      att(3, "sandneshallen", "2023-12-28"),
    ],
  }),
  { policy },
)
const { attendanceRate } = Indicators.catalogue

describe("attendanceRate", () => {
  it("divides present by all registered attendances per offering", () => {
    tableEqual(Indicator.compute(attendanceRate, tables, { by: ["offering"] }).table, {
      offering: ["mindfull-restorative-yoga", "sandneshallen", "turgruppe"],
      citizens: [2, 1, 1],
      booked: [4, 1, 2],
      present: [2, 0, 2],
      noShow: [1, 1, 0],
      rate: [0.5, 0, 1],
    })
  })

  it("groups by category and month with margins", () => {
    tableEqual(Indicator.compute(attendanceRate, tables, { by: ["category", "month"], margins: true }).table, {
      category: ["everyday", "treatment", "everyday", "treatment", "(total)", "(total)", "(total)"],
      month: ["2024-03", "2024-02", "(total)", "(total)", "2024-02", "2024-03", "(total)"],
      citizens: [1, 2, 1, 2, 2, 1, 3],
      booked: [1, 6, 1, 6, 6, 1, 7],
      present: [0, 4, 0, 4, 4, 0, 4],
      noShow: [1, 1, 1, 1, 1, 1, 2],
      rate: [0, 4 / 6, 0, 4 / 6, 4 / 6, 0, 4 / 7],
    })
  })

  it("gives one row of zeros and no rate for a year without attendance", () => {
    tableEqual(Indicator.compute(attendanceRate, Tables.fromDataset(year({}), { policy }), { by: [] }).table, {
      citizens: [0],
      booked: [0],
      present: [0],
      noShow: [0],
      rate: [null],
    })
  })
})

describe("attendanceRate's fused passes", () => {
  it("give the straightforward computation's table, row for row, on random years", () => {
    sameAsBeforeFusedPasses(Indicators.catalogue.attendanceRate)
  })
})
