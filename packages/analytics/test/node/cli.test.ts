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

  it("exits with 1 and a message in both languages on bad input", () => {
    const r = run("--data", "/nonexistent/year.json")
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/Could not read \/nonexistent\/year\.json: .* \/ Kunne ikke lese/u)
  })
})
