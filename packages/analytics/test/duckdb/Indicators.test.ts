// DuckDbIndicators.compute gives Indicator.compute's table, totals included:
// every indicator by municipality with margins on a three-municipality
// country loaded through the appender, and by its own grouping with margins
// from a Parquet folder with the stand-in tables of DuckDbIndicators.tablesOf.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { generate, municipalities } from "@aktivitetsmodell/core/synthetic"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DuckDb, DuckDbIndicators } from "../../src/duckdb/index.js"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { sameTable } from "../query/compare.js"

const plan = municipalities({ count: 3, citizens: 300, seed: 4 })
const country = Tables.combine(
  plan.map((m) =>
    Tables.fromDataset(generate({ policy, seed: m.seed, citizens: m.citizens, municipality: m.municipality }), {
      policy,
    }),
  ),
)
const folder = mkdtempSync(join(tmpdir(), "aktivitet-indicators-"))
let engine: DuckDb.Engine

beforeAll(async () => {
  engine = await DuckDb.open({ threads: 1 })
  await DuckDb.writeTables(country, folder)
})
afterAll(() => {
  engine?.close()
  rmSync(folder, { recursive: true, force: true })
})

describe("DuckDbIndicators.compute", () => {
  it("gives Indicator.compute's table for every indicator by municipality with totals", async () => {
    await engine.loadTables(country)
    for (const indicator of Indicators.all) {
      const ours = await DuckDbIndicators.compute(engine, country, indicator, { by: ["municipality"], margins: true })
      const theirs = Indicator.compute(indicator, country, { by: ["municipality"], margins: true })
      expect(ours.by).toEqual(["municipality"])
      expect(ours.margins).toBe(true)
      // Three municipalities and the country's total, in the same order.
      expect(ours.table.array("municipality")).toEqual(theirs.table.array("municipality"))
      sameTable(ours.table, theirs.table, [], `${indicator.id} by municipality`)
    }
  })

  it("from a Parquet folder with tablesOf's stand-in tables, by each indicator's own grouping with totals", async () => {
    await engine.attach(folder, { period: country.period })
    const tables = await DuckDbIndicators.tablesOf(engine, { year: 2024, policy })
    // The stand-in tables hold no records: every figure must come from DuckDB.
    expect(tables.attendance.numRows()).toBe(0)
    for (const indicator of Indicators.all) {
      const ours = await DuckDbIndicators.compute(engine, tables, indicator, { margins: true })
      const theirs = Indicator.compute(indicator, country, { margins: true })
      sameTable(ours.table, theirs.table, [], `${indicator.id} by [${indicator.defaultBy}]`)
    }
  })

  it("refuses a grouping the indicator does not have, before any figure", async () => {
    await expect(
      DuckDbIndicators.compute(engine, country, Indicators.catalogue.recoveryStart, { by: ["offering"] }),
    ).rejects.toThrow(/offering/u)
  })
})
