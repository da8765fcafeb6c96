import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, fit, tableEqual, year } from "../helpers.js"
import { sameAsBeforeFusedPasses } from "./fusedPassProperty.js"

// Citizen 1 (Mudo): 18 → 21 → 26: +8, reliable and across 25: recovered.
// Citizen 2 (Mudo): 20 → 24: +4, not reliable.
// Citizen 3 (yoga): 30 → 24: −6, deteriorated.
// Citizen 4 (yoga): 27 → 33: +6, improved but started above 25.
// Citizen 5: one score only: left out. Citizen 6's first score is in 2023, so
// only 22 → 23 (2024) counts: +1. SRS forms are not ORS: ignored.
const tables = Tables.fromDataset(
  year({
    enrollments: [
      enr("n-1", 1, "individuell-trening-mudo", "2024-01-08"),
      enr("n-2", 2, "individuell-trening-mudo", "2024-01-08"),
      enr("n-3", 3, "mindfull-restorative-yoga", "2024-02-05"),
      enr("n-4", 4, "mindfull-restorative-yoga", "2024-02-05"),
    ],
    fitScores: [
      fit(1, "2024-01-08", "ORS", 18, "n-1"),
      fit(1, "2024-01-22", "ORS", 21, "n-1"),
      fit(1, "2024-02-05", "ORS", 26, "n-1"),
      fit(1, "2024-02-05", "SRS", 30, "n-1"),
      fit(2, "2024-01-08", "ORS", 20, "n-2"),
      fit(2, "2024-02-05", "ORS", 24, "n-2"),
      fit(3, "2024-02-05", "ORS", 30, "n-3"),
      fit(3, "2024-02-26", "ORS", 24, "n-3"),
      fit(4, "2024-02-05", "ORS", 27, "n-4"),
      fit(4, "2024-02-26", "ORS", 33, "n-4"),
      fit(5, "2024-03-01", "ORS", 10),
      fit(6, "2023-12-01", "ORS", 10),
      fit(6, "2024-01-10", "ORS", 22),
      fit(6, "2024-02-10", "ORS", 23),
    ],
  }),
  { policy },
)
const { orsChange } = Indicators.catalogue

describe("orsChange", () => {
  it("summarises first-to-last change per citizen over the period", () => {
    tableEqual(Indicator.compute(orsChange, tables).table, {
      citizens: [5],
      meanChange: [(8 + 4 - 6 + 6 + 1) / 5],
      improved: [2],
      improvedRate: [0.4],
      clinicalStart: [3],
      recovered: [1],
      recoveredRate: [1 / 3],
      deteriorated: [1],
      deterioratedRate: [0.2],
    })
  })

  it("follows scores to their offering through the enrollment", () => {
    tableEqual(Indicator.compute(orsChange, tables, { by: ["offering"] }).table, {
      offering: ["(unknown)", "individuell-trening-mudo", "mindfull-restorative-yoga"],
      citizens: [1, 2, 2],
      meanChange: [1, 6, 0],
      improved: [0, 1, 1],
      improvedRate: [0, 0.5, 0.5],
      clinicalStart: [1, 2, 0],
      recovered: [0, 1, 0],
      recoveredRate: [0, 0.5, null],
      deteriorated: [0, 0, 1],
      deterioratedRate: [0, 0, 0.5],
    })
  })
})

describe("orsChange's fused passes", () => {
  it("give the straightforward computation's table, row for row, on random years", () => {
    sameAsBeforeFusedPasses(Indicators.catalogue.orsChange)
  })
})
