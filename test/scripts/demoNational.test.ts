// `npm run demo:national` on a small country: it exits 0, every step says
// what it did, the Parquet folder has a level per municipality, the CSV holds
// every municipality and the country's total, the audit of that file finds
// nothing, and the country's report is written.
import { execFile } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../..", import.meta.url))
const out = mkdtempSync(join(tmpdir(), "aktivitet-national-"))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe("npm run demo:national", () => {
  it("generates, writes, computes, publishes and audits a small synthetic country", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        join(root, "node_modules/tsx/dist/cli.mjs"),
        "--conditions=@aktivitetsmodell/source",
        join(root, "scripts/demo-national.ts"),
        ...["--municipalities", "6", "--citizens", "600", "--seed", "2", "--out", out, "--lang", "en"],
      ],
      { cwd: root, maxBuffer: 16 * 2 ** 20 },
    )
    expect(stdout).toMatch(/^1\. 6 synthetic municipalities, 600 citizens/mu)
    expect(stdout).toMatch(/^3\. 16 indicators by municipality on DuckDB/mu)
    expect(stdout).toMatch(/^5\. Audit of the file: 0 small counts can be worked out/mu)
    expect(stdout).toMatch(/^6\. Report for the whole country on DuckDB/mu)
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("Activity in 6 municipalities 2024")
    // The progress bar, on standard error, reaches its end.
    expect(stderr).toContain("Generating municipalities [##############################] 6/6")
    expect(readdirSync(join(out, "parquet", "attendance", "year=2024")).sort()).toEqual(
      ["9001", "9002", "9003", "9004", "9005", "9006"].map((m) => `municipality=${m}`),
    )
    const csv = readFileSync(join(out, "kommuner.csv"), "utf8").split("\n")
    const column = csv[0]!.split(",").indexOf("municipality")
    const municipalities = new Set(
      csv
        .slice(1)
        .filter((l) => l !== "")
        .map((l) => l.split(",")[column]),
    )
    expect(municipalities).toEqual(new Set(["9001", "9002", "9003", "9004", "9005", "9006", "(total)"]))
  }, 120_000)
})
