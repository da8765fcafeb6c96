import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, fit, tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

// Five SRS forms in 2024: citizen 1 gives 35 and 38 (one alert), citizen 2
// gives 36 (exactly 36 is no alert) and 20, citizen 3 gives 40. An ORS form
// and a 2023 SRS form do not count.
const tables = Tables.fromDataset(
  year({
    enrollments: [enr("n-1", 1, "turgruppe", "2024-01-03"), enr("n-2", 2, "kreativ-gruppe", "2024-01-03")],
    fitScores: [
      fit(1, "2024-01-10", "SRS", 35, "n-1"),
      fit(1, "2024-02-10", "SRS", 38, "n-1"),
      fit(2, "2024-01-11", "SRS", 36, "n-2"),
      fit(2, "2024-02-11", "SRS", 20, "n-2"),
      fit(3, "2024-02-12", "SRS", 40),
      fit(3, "2024-02-12", "ORS", 10),
      fit(3, "2023-12-12", "SRS", 10),
    ],
  }),
  { policy },
)
const { srsAlerts } = Indicators.catalogue

describe("srsAlerts", () => {
  it("counts forms below 36 and the citizens who gave them", () => {
    tableEqual(Indicator.compute(srsAlerts, tables).table, {
      forms: [5],
      alerts: [2],
      rate: [0.4],
      citizens: [3],
      citizensAlerted: [2],
    })
  })

  it("groups by month", () => {
    tableEqual(Indicator.compute(srsAlerts, tables, { by: ["month"] }).table, {
      month: ["2024-01", "2024-02"],
      forms: [2, 3],
      alerts: [1, 1],
      rate: [0.5, 1 / 3],
      citizens: [2, 3],
      citizensAlerted: [1, 1],
    })
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(srsAlerts)
  })
})
