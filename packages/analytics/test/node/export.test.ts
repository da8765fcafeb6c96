// aktivitet-report export: the records a report would read, written as the
// tables DuckDB and other SQL engines read (docs/scale.md), with the exit
// codes of docs/cli.md. What DuckDB reads back gives arquero's figures.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Redact } from "@aktivitetsmodell/core"
import { shippedPolicy } from "@aktivitetsmodell/rules/node"
import { afterAll, describe, expect, it } from "vitest"
import { DuckDb } from "../../src/duckdb/index.js"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { loadExportFolder } from "../../src/node/index.js"
import { handWritten } from "../../src/query/index.js"
import { cli } from "./inProcess.js"

const example = fileURLToPath(new URL("../../../../examples/data/export-2024", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "aktivitetsmodell-export-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("aktivitet-report export", () => {
  it("writes a folder of exports as Parquet that DuckDB reads back to arquero's figures", async () => {
    const to = join(dir, "parquet")
    const r = await cli(["export", example, "--parquet", to, "--lang", "en"])
    // Written without the example's rejected records: 1, as the report does.
    expect(r).toMatchObject({ code: 1, stdout: `Wrote the tables as Parquet to ${to}` })
    expect(existsSync(join(to, "attendance", "year=2024"))).toBe(true)
    const policy = shippedPolicy()
    const { dataset, section } = await loadExportFolder(example, { policy })
    // The example folder has wrong rows: those the schemas reject are left out, and said so.
    const rejected = section.files.reduce((n, f) => n + f.rejected, 0)
    expect(rejected).toBeGreaterThan(0)
    expect(r.stderr).toBe(
      `${rejected} rejected record(s) and 0 file(s) that could not be read left out (run the report to see them)`,
    )
    const tables = Tables.fromDataset(dataset, { policy })
    const engine = await DuckDb.open({ threads: 1 })
    try {
      await engine.attach(to, { period: tables.period })
      for (const query of [handWritten.newReturning, handWritten.capacityUse]) {
        const indicator = Indicators.catalogue[query.id as Indicators.IndicatorId]
        const ours = (await engine.run(query, ["offering"])).objects()
        const theirs = Indicator.compute(indicator, tables, { by: ["offering"] }).table.objects()
        expect(ours.length, query.id).toBeGreaterThan(0)
        expect(ours, query.id).toEqual(theirs)
      }
    } finally {
      engine.close()
    }
  })

  it("writes a dataset file that names its municipality under that municipality's folders", async () => {
    const { generate } = await import("@aktivitetsmodell/core/synthetic")
    const file = join(dir, "oslo.json")
    writeFileSync(file, JSON.stringify(generate({ policy: shippedPolicy(), citizens: 30, municipality: "0301" })))
    const to = join(dir, "oslo")
    expect((await cli(["export", "--data", file, "--parquet", to])).code).toBe(0)
    expect(readdirSync(join(to, "attendance", "year=2024"))).toEqual(["municipality=0301"])
    expect(readdirSync(join(to, "enrollments"))).toEqual(["municipality=0301"])
  })

  it("writes a generated year as CSV, in Norwegian by default", async () => {
    const to = join(dir, "csv")
    const r = await cli(["export", "--synthetic", "--citizens", "60", "--year", "2023", "--csv", to])
    expect(r).toEqual({ code: 0, stdout: `Skrev tabellene som CSV til ${to}`, stderr: "" })
    expect(existsSync(join(to, "attendance", "data.csv"))).toBe(true)
  })

  it("stops with 1 and writes nothing when asked to stop on wrong records", async () => {
    const to = join(dir, "stopped")
    const r = await cli(["export", example, "--parquet", to, "--stop-on-violations"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/problem\(s\) in the data \/ problem\(er\) i dataene/u)
    expect(existsSync(to)).toBe(false)
  })

  it("shows no identity number that a folder's name holds, and writes the folder all the same", async () => {
    const to = join(dir, "01019012345")
    const r = await cli(["export", "--synthetic", "--citizens", "20", "--parquet", to, "--lang", "en"])
    expect(r.code).toBe(0)
    expect(existsSync(join(to, "attendance"))).toBe(true)
    expect(Redact.containsNationalId(`${r.stdout}\n${r.stderr}`)).toBe(false)
    expect(r.stdout).toBe(`Wrote the tables as Parquet to ${join(dir, "***********")}`)
  })

  it("exits with 2, naming the folder, for one DuckDB would read as a pattern", async () => {
    const to = join(dir, "a*b")
    const r = await cli(["export", "--synthetic", "--citizens", "20", "--parquet", to])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(to)
    expect(r.stderr).toMatch(/cannot hold control characters or \* \? \[ \] \{ \}/u)
    expect(existsSync(to)).toBe(false)
  })
})
