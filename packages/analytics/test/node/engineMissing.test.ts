// Without the optional @duckdb/node-api: --engine duckdb is a usage error
// that says how to install it, and --engine auto stays with arquero.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it, vi } from "vitest"
import { cli } from "./inProcess.js"

const dir = mkdtempSync(join(tmpdir(), "aktivitetsmodell-no-duckdb-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

vi.mock("@duckdb/node-api", () => {
  throw Object.assign(new Error("Cannot find package '@duckdb/node-api'"), { code: "ERR_MODULE_NOT_FOUND" })
})

describe("aktivitet-report without DuckDB installed", () => {
  it("exits with 2 on --engine duckdb and says how to install it", async () => {
    const r = await cli(["--synthetic", "--citizens", "20", "--engine", "duckdb", "--format", "md", "--lang", "en"])
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "--engine duckdb needs DuckDB: npm install @duckdb/node-api / --engine duckdb trenger DuckDB: npm install @duckdb/node-api",
    })
  })

  it("reports on arquero with --engine auto", async () => {
    const r = await cli(["--synthetic", "--citizens", "20", "--format", "md"])
    expect(r.code).toBe(0)
    expect(r.stderr).not.toContain("DuckDB")
  })

  it("writes Arrow IPC without DuckDB, but needs DuckDB to report from a folder of tables or to write Parquet", async () => {
    const tables = join(dir, "arrow")
    expect((await cli(["export", "--synthetic", "--citizens", "20", "--arrow", tables, "--lang", "en"])).code).toBe(0)
    expect(await cli([tables, "--year", "2024", "--lang", "en"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "--engine duckdb needs DuckDB: npm install @duckdb/node-api / --engine duckdb trenger DuckDB: npm install @duckdb/node-api",
    })
    const parquet = await cli(["export", "--synthetic", "--citizens", "20", "--parquet", join(dir, "parquet")])
    expect(parquet.code).toBe(2)
    expect(parquet.stderr).toContain("export needs DuckDB: npm install @duckdb/node-api")
  })
})
