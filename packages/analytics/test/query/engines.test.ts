// Differential tests: every described indicator, for every grouping, gives
// the same table on arquero, on DuckDB and on Postgres (PGlite), after
// canonical sorting, rates to 1e-12; every hand-written one gives its
// indicator's own table on DuckDB and Postgres. QUERY_RUNS sets the property runs
// (default 30; `QUERY_RUNS=200 npx vitest run packages/analytics/test/query`).
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Dimension, Indicator, Indicators, type Tables } from "../../src/index.js"
import { definitions, handWritten, type Query, toArquero } from "../../src/query/index.js"
import { dataset } from "../arbitraries.js"
import { groupings } from "./compare.js"
import { sqlEngines } from "./sqlEngines.js"
import { syntheticYear, tablesOf } from "./synthetic.js"

const runs = Number(process.env.QUERY_RUNS ?? 30)
const grouping = fc.subarray([...Dimension.all], { maxLength: 2 })

// Not an indicator: a median and a mean of days, so that the dialects'
// medians (DuckDB's median, Postgres' percentile_cont) are compared too.
const medianDays: Query = {
  id: "medianDays",
  dimensions: ["offering", "category", "department", "month", "year"],
  parts: [
    {
      from: "attendance",
      where: [
        { kind: "inPeriod", column: "day" },
        { kind: "compare", column: "present", op: "=", value: 1 },
      ],
      aggregates: [
        { kind: "count", as: "n" },
        { kind: "median", as: "medianDay", column: "day" },
        { kind: "mean", as: "meanDay", column: "day" },
      ],
    },
    {
      from: "enrollments",
      where: [{ kind: "inPeriod", column: "start" }],
      columns: { month: "startMonth", year: "startYear" },
      aggregates: [{ kind: "median", as: "medianStop", column: "stop" }],
    },
  ],
  derived: [],
  output: ["n", "medianDay", "meanDay", "medianStop"],
}
const queries = [...Object.values(definitions), medianDays]

const engines = sqlEngines()

// Every query with each grouping `groupings` gives for it, or with the one
// grouping a property run draws (cut to the query's dimensions).
const compareAll = async (
  tables: Tables.Tables,
  options: { readonly nonEmpty: boolean; readonly by?: ReadonlyArray<Dimension.Dimension> },
) => {
  await engines.load(tables)
  for (const query of queries) {
    const drawn = options.by?.filter((d) => query.dimensions.includes(d))
    for (const by of drawn === undefined ? groupings(query.dimensions) : [drawn]) {
      const what = `${query.id} by [${by}]`
      const expected = toArquero(query, tables, by)
      if (options.nonEmpty) expect(expected.numRows(), what).toBeGreaterThan(0)
      await engines.agree(query, by, tables, expected, what)
    }
  }
  for (const query of Object.values(handWritten)) {
    const drawn = options.by?.filter((d) => query.dimensions.includes(d))
    const candidates = drawn === undefined ? groupings(query.dimensions) : [drawn]
    for (const by of candidates) {
      const what = `${query.id} (hand-written) by [${by}]`
      const expected = Indicator.compute(Indicators.catalogue[query.id as Indicators.IndicatorId], tables, { by }).table
      if (options.nonEmpty) expect(expected.numRows(), what).toBeGreaterThan(0)
      await engines.agree(query, by, tables, expected, what)
    }
  }
}

describe("arquero, DuckDB and Postgres", () => {
  it("give the same tables on the synthetic year, for every described indicator and grouping", async () => {
    await compareAll(tablesOf(syntheticYear), { nonEmpty: true })
  })

  it(
    "give the same tables on small random years",
    async () => {
      await fc.assert(
        fc.asyncProperty(dataset, grouping, async (data, by) => compareAll(tablesOf(data), { nonEmpty: false, by })),
        { numRuns: runs },
      )
    },
    60_000 + runs * 2_000,
  )
})
