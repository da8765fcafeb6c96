// The CLI end to end, as a user runs it (through tsx, against the sources).
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const cli = fileURLToPath(new URL("../../src/cli.ts", import.meta.url))
const run = (...args: Array<string>) =>
  spawnSync(process.execPath, ["--import", "tsx", "--conditions=@aktivitetsmodell/source", cli, ...args], { encoding: "utf8", env: { ...process.env, TZ: "Europe/Oslo" } })

describe("aktivitet-report", () => {
  it("writes a report of a synthetic year and prints the summary", () => {
    const out = join(mkdtempSync(join(tmpdir(), "cli-")), "report.html")
    const r = run("--synthetic", "--seed", "4", "--citizens", "150", "--year", "2024", "--out", out)
    expect(r.status).toBe(0)
    expect(r.stdout.split("\n")[0]).toBe("Aktivitetsrapport 2024")
    expect(r.stdout).toContain(`Skrev ${out}`)
    expect(readFileSync(out, "utf8").startsWith("<!doctype html>")).toBe(true)
  })

  // Changed on purpose: a file that cannot be used is exit code 2, with one
  // line naming it (exit code 1 is for wrong records in a file that was read).
  it("exits with 2 and one line in both languages when the data file is missing", () => {
    const r = run("--data", "/nonexistent/year.json")
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^Could not read \/nonexistent\/year\.json: .* \/ Kunne ikke lese [^\n]*\n$/u)
  })

  // src/cli.ts answers a request for help itself, before it loads run(): the
  // answer must be run()'s, to the byte, and a usage error is still run()'s.
  it("answers --help as run() does, for the report and for audit", async () => {
    const { run: runInProcess } = await import("../../src/node/run.js")
    for (const args of [["--synthetic", "--help"], ["audit", "x.csv", "--help", "--lang", "en"]]) {
      const out: Array<string> = []
      const code = await runInProcess(args, { stdout: (t) => out.push(`${t}\n`), stderr: (t) => out.push(`stderr: ${t}\n`) })
      const r = run(...args)
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, args.join(" ")).toEqual({ status: code, stdout: out.join(""), stderr: "" })
      expect(code).toBe(0)
    }
    const wrong = run("--help", "--bogus")
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain("Unknown option --bogus / Ukjent valg --bogus")
  })
})
