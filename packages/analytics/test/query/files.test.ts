// Tables written to Parquet (and CSV) by DuckDB and read back: the layout on
// disk, and the same results as arquero for every described and hand-written
// indicator, also for a period narrower than the files hold (the period
// filter runs in SQL); the offerings' capacities travel in the files.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { DuckDb } from "../../src/duckdb/index.js"
import { type Dimension, Indicator, Indicators } from "../../src/index.js"
import { definitions, handWritten, toArquero } from "../../src/query/index.js"
import { sameTable } from "./compare.js"
import { someCapacities, syntheticYear, tablesOf } from "./synthetic.js"

const dir = mkdtempSync(join(tmpdir(), "aktivitetsmodell-files-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const year = { from: "2024-01-01", to: "2024-12-31" }
const spring = { from: "2024-03-01", to: "2024-06-30" }

const sameAsArquero = async (folder: string, format: "parquet" | "csv", period: { from: string; to: string }) => {
  const engine = await DuckDb.open({ threads: 1 })
  try {
    await engine.attach(folder, { period, format })
    // Attendance and sessions in the files hold the whole year; arquero's tables only the period.
    const tables = tablesOf(syntheticYear, { period, capacity: someCapacities })
    for (const query of Object.values(definitions)) {
      const groupings: Array<ReadonlyArray<Dimension.Dimension>> = [[], ["offering"], ["month"]]
      for (const by of groupings.filter((g) => g.every((d) => query.dimensions.includes(d)))) {
        const expected = toArquero(query, tables, by)
        expect(expected.numRows(), `${query.id} by [${by}]`).toBeGreaterThan(0)
        sameTable(await engine.run(query, by), expected, by, `${format} ${period.from}: ${query.id} by [${by}]`)
      }
    }
    for (const query of Object.values(handWritten)) {
      for (const by of [[], ["month"]] as const) {
        const expected = Indicator.compute(Indicators.catalogue[query.id as Indicators.IndicatorId], tables, {
          by,
        }).table
        expect(expected.numRows(), `${query.id} by [${by}]`).toBeGreaterThan(0)
        sameTable(
          await engine.run(query, by),
          expected,
          by,
          `${format} ${period.from}: ${query.id} (hand-written) by [${by}]`,
        )
      }
    }
  } finally {
    engine.close()
  }
}

describe("DuckDB over files", () => {
  const tables = tablesOf(syntheticYear, { capacity: someCapacities })

  it("writes Parquet by year and municipality for dated tables, by municipality for the others, one file for extensions and parameters", async () => {
    await DuckDb.writeTables(tables, join(dir, "parquet"))
    expect(readdirSync(join(dir, "parquet")).sort()).toEqual([
      "attendance",
      "contributions",
      "departments",
      "enrollments",
      "extensions",
      "feedback",
      "fitScores",
      "goalEvaluations",
      "offerings",
      "parameters",
      "sessions",
      "transitions",
    ])
    expect(readdirSync(join(dir, "parquet", "attendance"))).toEqual(["year=2024"])
    // A year that names no municipality is under DuckDB's missing-value folder.
    const unnamed = "municipality=__HIVE_DEFAULT_PARTITION__"
    expect(readdirSync(join(dir, "parquet", "attendance", "year=2024"))).toEqual([unnamed])
    expect(
      readdirSync(join(dir, "parquet", "attendance", "year=2024", unnamed)).every((f) => f.endsWith(".parquet")),
    ).toBe(true)
    expect(readdirSync(join(dir, "parquet", "enrollments"))).toEqual([unnamed])
    expect(existsSync(join(dir, "parquet", "extensions", "data.parquet"))).toBe(true)
    expect(existsSync(join(dir, "parquet", "parameters", "data.parquet"))).toBe(true)
  })

  it("reads Parquet back with the same results as arquero, for the year and for a narrower period", async () => {
    await sameAsArquero(join(dir, "parquet"), "parquet", year)
    await sameAsArquero(join(dir, "parquet"), "parquet", spring)
  })

  it("reads CSV back with the same results as arquero", async () => {
    await DuckDb.writeTables(tables, join(dir, "csv"), { format: "csv" })
    expect(existsSync(join(dir, "csv", "attendance", "data.csv"))).toBe(true)
    await sameAsArquero(join(dir, "csv"), "csv", year)
  })

  it("refuses a folder name DuckDB would read as a pattern, and a period that is not two dates", async () => {
    const engine = await DuckDb.open({ threads: 1 })
    try {
      await expect(engine.attach(join(dir, "*"), { period: year })).rejects.toThrow(/control characters or \*/u)
      await expect(engine.attach(join(dir, "parquet"), { period: { from: "2024-13-45", to: "x" } })).rejects.toThrow(
        /two ISO dates/u,
      )
      await expect(engine.run(definitions.participation, [])).rejects.toThrow(/no tables are loaded/u)
    } finally {
      engine.close()
    }
  })

  it("reads a folder whose name holds a quote", async () => {
    const odd = join(dir, "it's here")
    await DuckDb.writeTables(tables, odd)
    await sameAsArquero(odd, "parquet", year)
  })
})
