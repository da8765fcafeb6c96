// Differential tests for the two indicators that read the offerings'
// capacities, the departments and their contributions: capacity use and
// department contributions, as hand-written SQL on DuckDB and on Postgres
// (PGlite), give their indicator's own table (Indicator.compute on arquero)
// after canonical sorting, whole numbers equal and other numbers to 1e-12,
// for every grouping the indicator allows. On the synthetic year with
// capacities for some offerings, also for periods that cut months and span
// two years and with the required percentage given; and on small random
// years with drawn capacities and periods. QUERY_RUNS sets the property runs
// (default 30), as in engines.test.ts.
import { Catalogue } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Dimension, Indicator, Indicators, type Tables } from "../../src/index.js"
import { type HandWritten, handWritten } from "../../src/query/index.js"
import { dataset } from "../arbitraries.js"
import { sqlEngines } from "./sqlEngines.js"
import { someCapacities, syntheticYear, tablesOf } from "./synthetic.js"

const runs = Number(process.env.QUERY_RUNS ?? 30)
const queries = [handWritten.capacityUse, handWritten.departmentContributions]

// Every subset of the indicator's dimensions, month and year together
// included, but municipality: these years are one municipality each, and
// municipalities.test.ts groups several by it.
const allowedGroupings = (query: HandWritten): Array<ReadonlyArray<Dimension.Dimension>> => {
  const dimensions = query.dimensions.filter((d) => d !== "municipality")
  return Array.from({ length: 2 ** dimensions.length }, (_, mask) =>
    dimensions.filter((_, i) => (mask & (1 << i)) !== 0),
  )
}

const offeringIds = Catalogue.sandnes().offerings.map((o) => o.id as string)

const engines = sqlEngines()

// Both indicators, for the given groupings (default: all they allow), on all three engines.
const compareAll = async (
  tables: Tables.Tables,
  by: (query: HandWritten) => ReadonlyArray<ReadonlyArray<Dimension.Dimension>> = allowedGroupings,
) => {
  await engines.load(tables)
  const results: Record<string, ReturnType<typeof Indicator.compute>["table"]> = {}
  for (const query of queries) {
    for (const grouping of by(query)) {
      const what = `${query.id} by [${grouping}]`
      const expected = Indicator.compute(Indicators.catalogue[query.id as Indicators.IndicatorId], tables, {
        by: grouping,
      }).table
      await engines.agree(query, grouping, tables, expected, what)
      results[what] = expected
    }
  }
  return results
}

describe("capacity use and department contributions on arquero, DuckDB and Postgres", () => {
  it("give the same tables on the synthetic year, for every grouping each allows", async () => {
    const results = await compareAll(tablesOf(syntheticYear, { capacity: someCapacities }))
    // The data reaches every path: known and unknown capacities, and contributions of both forms.
    const byOffering = results["capacityUse by [offering]"]!.objects() as Array<Record<string, unknown>>
    expect(byOffering.some((r) => typeof r.use === "number" && r.use > 0)).toBe(true)
    expect(byOffering.some((r) => (r.sessions as number) > 0 && r.places === null)).toBe(true)
    const byDepartment = results["departmentContributions by [department]"]!.objects() as Array<Record<string, number>>
    expect(byDepartment.some((r) => r.lent! > 0)).toBe(true)
    expect(byDepartment.some((r) => r.transferred! > 0)).toBe(true)
  })

  it("give the same tables for a period that cuts months and spans two years, with the required percentage given", async () => {
    for (const period of [
      { from: "2024-02-10", to: "2024-05-20" },
      { from: "2023-11-15", to: "2024-02-10" },
    ]) {
      const results = await compareAll(
        tablesOf(syntheticYear, { period, capacity: someCapacities, requiredContributionPercent: 17.5 }),
      )
      const required = results["departmentContributions by [department]"]!.array("required")
      expect(Array.from(required as ArrayLike<number>)).toContain(17.5)
    }
  })

  it("group department contributions by month and year together, each month under its year", async () => {
    const period = { from: "2023-11-01", to: "2024-02-29" }
    const results = await compareAll(tablesOf(syntheticYear, { period }), (query) =>
      query.id === "departmentContributions"
        ? [
            ["month", "year"],
            ["department", "month", "year"],
          ]
        : [],
    )
    const table = results["departmentContributions by [month,year]"]!
    const rows = table.objects() as Array<Record<string, string>>
    expect(rows.map((r) => [r.month, r.year]).sort()).toEqual([
      ["2023-11", "2023"],
      ["2023-12", "2023"],
      ["2024-01", "2024"],
      ["2024-02", "2024"],
    ])
  })

  it(
    "give the same tables on small random years, with drawn capacities and periods",
    async () => {
      const capacity = fc.dictionary(fc.constantFrom(...offeringIds), fc.integer({ min: 1, max: 30 }), {
        maxKeys: 6,
      })
      const period = fc.constantFrom(
        undefined,
        { from: "2024-03-17", to: "2024-09-02" },
        { from: "2023-12-20", to: "2024-01-31" },
      )
      const required = fc.option(
        fc.integer({ min: 0, max: 400 }).map((x) => x / 8),
        { nil: undefined },
      )
      await fc.assert(
        fc.asyncProperty(dataset, capacity, period, required, async (data, c, p, r) => {
          await compareAll(
            tablesOf(data, {
              capacity: c,
              ...(p === undefined ? {} : { period: p }),
              ...(r === undefined ? {} : { requiredContributionPercent: r }),
            }),
          )
        }),
        { numRuns: runs },
      )
    },
    60_000 + runs * 4_000,
  )
})
