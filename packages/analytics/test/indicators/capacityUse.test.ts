import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { att, session, tableEqual, year } from "../helpers.js"
import { sameAsBeforeFusedPasses } from "./fusedPassProperty.js"

// Sandneshallen has 2 places per session (a made-up capacity) and two
// sessions: 3 of 4 places used. Volleyball has no known capacity: one session,
// 2 present of 3 registered.
const data = year({
  sessions: [
    session("sandneshallen", "2024-02-05"),
    session("sandneshallen", "2024-02-12"),
    session("volleyball", "2024-02-06"),
  ],
  attendance: [
    att(1, "sandneshallen", "2024-02-05"),
    att(2, "sandneshallen", "2024-02-05"),
    att(1, "sandneshallen", "2024-02-12"),
    att(2, "sandneshallen", "2024-02-12", "absent"),
    att(3, "volleyball", "2024-02-06"),
    att(4, "volleyball", "2024-02-06"),
    att(5, "volleyball", "2024-02-06", "no-show"),
  ],
})
const tables = Tables.fromDataset(data, { policy, capacity: { sandneshallen: 2 } })
const { capacityUse } = Indicators.catalogue

describe("capacityUse", () => {
  it("uses capacity where it is known and attendances per session everywhere", () => {
    tableEqual(Indicator.compute(capacityUse, tables, { by: ["offering"] }).table, {
      offering: ["sandneshallen", "volleyball"],
      sessions: [2, 1],
      present: [3, 2],
      citizens: [2, 2],
      perSession: [1.5, 2],
      presentInPlaces: [3, null],
      places: [4, null],
      use: [0.75, null],
    })
  })

  it("counts only offerings with a capacity in the use of a category", () => {
    tableEqual(Indicator.compute(capacityUse, tables, { by: ["category"] }).table, {
      category: ["everyday"],
      sessions: [3],
      present: [5],
      citizens: [4],
      perSession: [5 / 3],
      presentInPlaces: [3],
      places: [4],
      use: [0.75],
    })
  })
})

describe("capacityUse's fused passes", () => {
  it("give the straightforward computation's table, row for row, on random years", () => {
    sameAsBeforeFusedPasses(Indicators.catalogue.capacityUse)
  })
})
