// aktivitet-report --engine duckdb|auto: the same report as arquero's, from a
// generated year, from the example folder of exports, and from a folder of
// tables that export wrote (read by DuckDB only, with no records in memory).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { tableFromArrays, tableToIPC } from "@uwdata/flechette"
import { afterAll, describe, expect, it } from "vitest"
import { AUTO_DUCKDB_ROWS, chooseEngine } from "../../src/internal/engineChoice.js"
import { cli } from "./inProcess.js"

const example = fileURLToPath(new URL("../../../../examples/data/export-2024", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "aktivitetsmodell-engine-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The generation time is the only thing two runs may differ in.
const untimed = (text: string): string =>
  text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z?/gu, "TIME")
    .replace(/\d\d?\.\d\d?\.\d{4},? \d\d[:.]\d\d/gu, "TIME")
    // The report's footer in bokmål: "Generert: 3. desember 2026 kl. 21:53".
    .replace(/kl\. \d\d[:.]\d\d/gu, "kl. TIME")

// CSV writes numbers in full: a mean or a 90th percentile may differ between
// the engines in the last bits (arquero's running mean and its quantile
// arithmetic against SQL's sum / count and quantile_cont), so they are read
// to 12 significant digits. Counts and suppression states are whole texts.
const to12 = (text: string): string =>
  untimed(text).replace(/-?\d+\.\d+(e-?\d+)?/gu, (m) => String(Number(Number(m).toPrecision(12))))

// What the command says on stderr when DuckDB computes the indicators.
const onDuckDb = { nb: "Indikatorene regnes ut med DuckDB", en: "The indicators are computed on DuckDB" }

const both = async (argv: ReadonlyArray<string>) => {
  const arquero = await cli([...argv, "--engine", "arquero"])
  const duckdb = await cli([...argv, "--engine", "duckdb"])
  return { arquero, duckdb }
}

describe("aktivitet-report --engine", () => {
  it("duckdb writes arquero's report for a generated year, in Markdown and as CSV", async () => {
    for (const [format, same] of [
      ["md", untimed],
      ["csv", to12],
    ] as const) {
      const { arquero, duckdb } = await both(["--synthetic", "--citizens", "200", "--seed", "1", "--format", format])
      expect(arquero.code).toBe(0)
      expect(duckdb.code).toBe(0)
      expect(same(duckdb.stdout)).toBe(same(arquero.stdout))
      expect(untimed(duckdb.stderr)).toBe(untimed(`${onDuckDb.nb}\n${arquero.stderr}`))
      expect(arquero.stderr).not.toContain(onDuckDb.nb)
    }
  })

  it("duckdb writes arquero's report for the example folder, rejected records and all", async () => {
    const { arquero, duckdb } = await both([example, "--format", "md", "--lang", "en"])
    // Written without the example's rejected records: 1 on either engine.
    expect(arquero.code).toBe(1)
    expect(duckdb.code).toBe(1)
    expect(untimed(duckdb.stdout)).toBe(untimed(arquero.stdout))
    expect(untimed(duckdb.stderr)).toBe(untimed(`${onDuckDb.en}\n${arquero.stderr}`))
    expect(duckdb.stdout).toContain("Rejected")
  })

  it("reads a folder of Parquet or Arrow IPC tables that export wrote, on DuckDB, to the same published tables", async () => {
    const source = ["--source", "Fagsystemet, uttrekk 10.01.2025", "--format", "csv", "--lang", "en"]
    const fromRecords = await cli([example, "--engine", "arquero", ...source])
    for (const [format, year] of [
      ["parquet", []],
      // Arrow (and CSV) files do not show their year in a folder name.
      ["arrow", ["--year", "2024"]],
    ] as const) {
      const tables = join(dir, format)
      expect((await cli(["export", example, `--${format}`, tables])).code).toBe(1)
      const fromTables = await cli([tables, "--engine", "duckdb", ...year, ...source])
      expect(fromTables.code).toBe(0)
      expect(to12(fromTables.stdout)).toBe(to12(fromRecords.stdout))
      // auto picks DuckDB for a folder of tables, whatever its size.
      const auto = await cli([tables, ...year, ...source])
      expect(auto.stderr.split("\n")[0]).toBe(onDuckDb.en)
      expect(to12(auto.stdout)).toBe(to12(fromRecords.stdout))
    }
  })

  it("names the row and field of a wrong Arrow file, never its value, exiting with 2", async () => {
    const tables = join(dir, "arrow-wrong")
    expect((await cli(["export", "--synthetic", "--citizens", "20", "--arrow", tables, "--year", "2024"])).code).toBe(0)
    const file = join(tables, "extensions", "data.arrow")
    writeFileSync(file, tableToIPC(tableFromArrays({ enrollment: [1], day: ["01019012345"] }), { format: "file" })!)
    const r = await cli([tables, "--engine", "duckdb", "--year", "2024", "--lang", "en"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${file}: row 1, field day: must be a whole number or empty`)
    expect(r.stderr).not.toContain("01019012345")
    rmSync(file)
    const missing = await cli([tables, "--engine", "duckdb", "--year", "2024", "--lang", "en"])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`${file}: the file is missing or cannot be read`)
  })

  it("refuses a folder of tables with --engine arquero, with --capacity, or without a year it can tell", async () => {
    const tables = join(dir, "csv")
    expect((await cli(["export", "--synthetic", "--citizens", "20", "--csv", tables])).code).toBe(0)
    const arquero = await cli([tables, "--engine", "arquero", "--lang", "en"])
    expect(arquero).toMatchObject({ code: 2, stdout: "" })
    expect(arquero.stderr).toContain(
      "a folder of tables (attendance/ …) is read with --engine duckdb or auto, not arquero",
    )
    const capacity = await cli([tables, "--capacity", "places.json"])
    expect(capacity.code).toBe(2)
    expect(capacity.stderr).toContain("--capacity does not apply to a folder of tables")
    const year = await cli([tables, "--engine", "duckdb"])
    expect(year.code).toBe(2)
    expect(year.stderr).toContain("the tables do not show their year; choose one with --year")
    expect((await cli([tables, "--engine", "duckdb", "--year", "2024", "--format", "md"])).code).toBe(0)
  })

  it("names a folder of tables DuckDB cannot read, exiting with 2", async () => {
    const tables = join(dir, "broken")
    expect((await cli(["export", "--synthetic", "--citizens", "20", "--parquet", tables])).code).toBe(0)
    rmSync(join(tables, "parameters"), { recursive: true })
    const r = await cli([tables, "--engine", "duckdb", "--lang", "en"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      `${tables}: DuckDB could not read the folder's tables: a table is missing, or a column is missing or of the wrong type; see docs/scale.md`,
    )
  })

  it("names what DuckDB could not read in a CSV table, never the value it could not read", async () => {
    const tables = join(dir, "csv-wrong")
    expect((await cli(["export", "--synthetic", "--citizens", "20", "--csv", tables])).code).toBe(0)
    const file = join(tables, "extensions", "data.csv")
    const header = readFileSync(file, "utf8").split("\n")[0]!
    writeFileSync(file, `${header}\n${header.split(",").fill("x01019012345").join(",")}\n`)
    const r = await cli([tables, "--engine", "duckdb", "--year", "2024", "--lang", "en"])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/csv-wrong: DuckDB could not read \w+ by \[[a-z, ]*\]: a table is missing/u)
    expect(r.stderr).not.toContain("01019012345")
  })

  it("auto picks DuckDB above the documented number of attendance rows, when DuckDB is there", async () => {
    const installed = async () => true
    const missing = async () => false
    expect(AUTO_DUCKDB_ROWS).toBe(2_000_000)
    expect(await chooseEngine("auto", AUTO_DUCKDB_ROWS, installed)).toBe("arquero")
    expect(await chooseEngine("auto", AUTO_DUCKDB_ROWS + 1, installed)).toBe("duckdb")
    expect(await chooseEngine("auto", AUTO_DUCKDB_ROWS + 1, missing)).toBe("arquero")
    expect(await chooseEngine("duckdb", 0, missing)).toBe("duckdb")
    expect(await chooseEngine("arquero", 10 ** 9, installed)).toBe("arquero")
  })
})
