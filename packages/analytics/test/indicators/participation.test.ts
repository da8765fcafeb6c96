import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { att, session, tableEqual, year } from "../helpers.js"
import { sameAsBeforeFusedPasses } from "./fusedPassProperty.js"

// Two offerings in two months. Citizen 1 comes to yoga twice and misses once;
// citizen 2 comes once to yoga and once to the walking group; citizen 3 is
// only ever absent. The walking group has a session in March nobody attended.
const data = year({
  sessions: [
    session("mindfull-restorative-yoga", "2024-02-05"),
    session("mindfull-restorative-yoga", "2024-02-12"),
    session("mindfull-restorative-yoga", "2024-03-04"),
    session("turgruppe", "2024-02-07"),
    session("turgruppe", "2024-03-06"),
  ],
  attendance: [
    att(1, "mindfull-restorative-yoga", "2024-02-05"),
    att(1, "mindfull-restorative-yoga", "2024-02-12", "no-show"),
    att(1, "mindfull-restorative-yoga", "2024-03-04"),
    att(2, "mindfull-restorative-yoga", "2024-02-05"),
    att(2, "turgruppe", "2024-02-07"),
    att(3, "turgruppe", "2024-02-07", "absent"),
  ],
})
const tables = Tables.fromDataset(data, { policy })
const { participation } = Indicators.catalogue

describe("participation", () => {
  it("counts distinct participants, attendances and sessions per offering", () => {
    tableEqual(Indicator.compute(participation, tables, { by: ["offering"] }).table, {
      offering: ["mindfull-restorative-yoga", "turgruppe"],
      participants: [2, 1],
      attendances: [3, 1],
      sessions: [3, 2],
    })
  })

  it("counts a month with sessions but nobody present as zero participants", () => {
    tableEqual(Indicator.compute(participation, tables, { by: ["offering", "month"] }).table, {
      offering: ["mindfull-restorative-yoga", "mindfull-restorative-yoga", "turgruppe", "turgruppe"],
      month: ["2024-02", "2024-03", "2024-02", "2024-03"],
      participants: [2, 1, 1, 0],
      attendances: [2, 1, 1, 0],
      sessions: [2, 1, 1, 1],
    })
  })

  it("counts a citizen once in the total even when in two offerings", () => {
    tableEqual(Indicator.compute(participation, tables, { by: ["category"], margins: true }).table, {
      category: ["treatment", "(total)"],
      participants: [2, 2],
      attendances: [4, 4],
      sessions: [5, 5],
    })
  })
})

describe("participation's fused passes", () => {
  it("give the straightforward computation's table, row for row, on random years", () => {
    sameAsBeforeFusedPasses(Indicators.catalogue.participation)
  })
})
