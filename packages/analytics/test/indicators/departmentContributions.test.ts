import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

// 2024 has 366 days. Psykisk helse lends 20 % all year; rus og avhengighet
// transfers 20 % from 1 July (184 days); RPHA gives nothing.
const tables = Tables.fromDataset(
  year({
    contributions: [
      {
        id: "c-1",
        department: "psykisk-helse",
        from: "2023-03-09",
        sharePercent: 20,
        form: "lent-position",
        staffId: "s-1",
      },
      {
        id: "c-2",
        department: "rus-og-avhengighet",
        from: "2024-07-01",
        sharePercent: 20,
        form: "transferred-budget-post",
      },
    ],
  }),
  { policy },
)
const { departmentContributions } = Indicators.catalogue

describe("departmentContributions", () => {
  it("weights each contribution by its days in the period, listing every department", () => {
    tableEqual(Indicator.compute(departmentContributions, tables).table, {
      department: ["psykisk-helse", "rpha", "rus-og-avhengighet"],
      percent: [20, 0, (20 * 184) / 366],
      lent: [20, 0, 0],
      transferred: [0, 0, (20 * 184) / 366],
      required: [20, 20, 20],
      gap: [0, -20, (20 * 184) / 366 - 20],
    })
  })

  it("gives full months in full and part months in part", () => {
    const t = Indicator.compute(departmentContributions, tables, { by: ["department", "month"] }).table
    tableEqual(
      t.filter(
        (d: { department: string; month: string }) =>
          d.department === "rus-og-avhengighet" && d.month >= "2024-06" && d.month <= "2024-07",
      ),
      {
        department: ["rus-og-avhengighet", "rus-og-avhengighet"],
        month: ["2024-06", "2024-07"],
        percent: [0, 20],
        lent: [0, 0],
        transferred: [0, 20],
        required: [20, 20],
        gap: [-20, 0],
      },
    )
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(departmentContributions)
  })
})
