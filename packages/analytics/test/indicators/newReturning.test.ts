import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, tableEqual, year } from "../helpers.js"
import { sameAsBeforeFusedPasses } from "./fusedPassProperty.js"

// Citizen 1 started Mudo in November 2023, then yoga in February 2024: returning.
// Citizen 2 starts Sandneshallen and yoga in February 2024: new in both.
// Citizen 3 starts the walking group in February and Sandneshallen in March:
// new in February; in March new to the year but returning to the model.
const tables = Tables.fromDataset(
  year({
    enrollments: [
      enr("n-1", 1, "individuell-trening-mudo", "2023-11-06", { end: "2023-12-03", status: "completed" }),
      enr("n-2", 1, "mindfull-restorative-yoga", "2024-02-05"),
      enr("n-3", 2, "sandneshallen", "2024-02-01"),
      enr("n-4", 2, "mindfull-restorative-yoga", "2024-02-05"),
      enr("n-5", 3, "turgruppe", "2024-02-07"),
      enr("n-6", 3, "sandneshallen", "2024-03-04"),
    ],
  }),
  { policy },
)
const { newReturning } = Indicators.catalogue

describe("newReturning", () => {
  it("counts citizens new to the model in the period per offering", () => {
    tableEqual(Indicator.compute(newReturning, tables, { by: ["offering"] }).table, {
      offering: ["mindfull-restorative-yoga", "sandneshallen", "turgruppe"],
      started: [2, 2, 1],
      new: [1, 2, 1],
      returning: [1, 0, 0],
      newShare: [0.5, 1, 1],
    })
  })

  it("judges newness within each month when grouped by month", () => {
    tableEqual(Indicator.compute(newReturning, tables, { by: ["month"], margins: true }).table, {
      month: ["2024-02", "2024-03", "(total)"],
      started: [3, 1, 3],
      new: [2, 0, 2],
      returning: [1, 1, 1],
      newShare: [2 / 3, 0, 2 / 3],
    })
  })
})

describe("newReturning's fused passes", () => {
  it("give the straightforward computation's table, row for row, on random years", () => {
    sameAsBeforeFusedPasses(Indicators.catalogue.newReturning)
  })
})
