import { describe, expect, it } from "vitest"
import { type Dimension, Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { tableEqual, year } from "../helpers.js"
import { agreesWithReference, reference } from "./reference.js"

// 2024 has 366 days. Psykisk helse lends 20 % all year; rus og avhengighet
// transfers 20 % from 1 July (184 days); RPHA gives nothing.
const given = [
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
] as const
const tables = Tables.fromDataset(year({ contributions: given }), { policy })
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

describe("departmentContributions by three and four dimensions", () => {
  // The reference property covers none, one and two; these group by more,
  // with months under their years and two municipalities' departments.
  it("gives the table its arquero version gave", () => {
    const before = reference(departmentContributions)
    // A period over the turn of the year, cutting months at both ends.
    const period = { from: "2023-11-15", to: "2024-08-10" }
    const a = Tables.fromDataset({ ...year({ contributions: given }), municipality: "1108" }, { policy, period })
    const b = Tables.fromDataset(
      { ...year({ contributions: given.slice(1) }), municipality: "1103" },
      { policy, period },
    )
    const combined = Tables.combine([a, b])
    const groupings: ReadonlyArray<ReadonlyArray<Dimension.Dimension>> = [
      ["municipality", "department", "month"],
      ["municipality", "department", "year"],
      ["department", "month", "year"],
      ["municipality", "month", "year"],
      ["municipality", "department", "month", "year"],
    ]
    for (const t of [a, combined])
      for (const by of groupings)
        expect(Indicator.compute(departmentContributions, t, { by }).table.objects(), by.join()).toEqual(
          Indicator.compute(before, t, { by }).table.objects(),
        )
  })
})
