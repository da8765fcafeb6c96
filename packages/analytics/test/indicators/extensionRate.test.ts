import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

// Four Mudo treatments start in 2024; n-1 and n-3 are extended. One yoga
// treatment starts in 2024 without extension. n-5 started in 2023 and was
// extended: outside the year. Sandneshallen is not treatment.
const tables = Tables.fromDataset(
  year({
    enrollments: [
      enr("n-1", 1, "individuell-trening-mudo", "2024-01-22"),
      enr("n-2", 2, "individuell-trening-mudo", "2024-01-29"),
      enr("n-3", 3, "individuell-trening-mudo", "2024-02-05"),
      enr("n-4", 4, "individuell-trening-mudo", "2024-02-12"),
      enr("n-5", 5, "individuell-trening-mudo", "2023-12-04"),
      enr("n-6", 6, "mindfull-restorative-yoga", "2024-03-04"),
      enr("n-7", 7, "sandneshallen", "2024-03-04"),
    ],
    extensions: [
      { id: "f-1", enrollmentId: "n-1", date: "2024-02-16", newEnd: "2024-03-17" },
      { id: "f-2", enrollmentId: "n-3", date: "2024-03-01", newEnd: "2024-03-31" },
      { id: "f-3", enrollmentId: "n-5", date: "2023-12-29", newEnd: "2024-01-28" },
    ],
  }),
  { policy },
)
const { extensionRate } = Indicators.catalogue

describe("extensionRate", () => {
  it("divides extended treatments by treatments started in the period", () => {
    tableEqual(Indicator.compute(extensionRate, tables, { by: ["offering"], margins: true }).table, {
      offering: ["individuell-trening-mudo", "mindfull-restorative-yoga", "(total)"],
      enrollments: [4, 1, 5],
      extended: [2, 0, 2],
      rate: [0.5, 0, 0.4],
    })
  })

  it("places a treatment in the month it started", () => {
    tableEqual(Indicator.compute(extensionRate, tables, { by: ["month"] }).table, {
      month: ["2024-01", "2024-02", "2024-03"],
      enrollments: [2, 2, 1],
      extended: [1, 1, 0],
      rate: [0.5, 0.5, 0],
    })
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(extensionRate)
  })
})
