// The commands run() loads once the arguments are read: each answers every
// failure with an exit code and never rejects.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { parseArgs, parseAuditArgs } from "../../src/node/cliArgs.js"
import { runAudit, runReport } from "../../src/node/commands.js"
import { policy } from "../fixturePolicy.js"

const dir = mkdtempSync(join(tmpdir(), "commands-"))

const io = (stdout: (t: string) => void = () => {}) => {
  const err: Array<string> = []
  return { io: { stdout, stderr: (t: string) => err.push(t) }, err }
}

describe("the commands", () => {
  it("report: 70, not a rejection, when writing fails unforeseen, and still 70 when stderr fails too", async () => {
    const file = join(dir, "year.json")
    writeFileSync(file, JSON.stringify(generate({ policy, seed: 2, citizens: 30, year: 2024 })))
    const args = parseArgs(["--data", file, "--format", "md"])
    const closed = () => {
      throw new TypeError("closed")
    }
    const failing = io(closed)
    expect(await runReport(args, failing.io)).toBe(70)
    expect(failing.err).toEqual([
      "Internal error in aktivitet-report (TypeError); please report it / Intern feil i aktivitet-report (TypeError); meld gjerne fra om den",
    ])
    await expect(runReport(args, { stdout: closed, stderr: closed })).resolves.toBe(70)
  })

  it("audit: 2 for a file that is no publication", async () => {
    const file = join(dir, "notes.txt")
    writeFileSync(file, "hello\n")
    const r = io()
    expect(await runAudit(parseAuditArgs([file]), r.io)).toBe(2)
    expect(r.err.join("\n")).toMatch(/notes\.txt: no metadata the audit recognises/u)
  })

  it("report: 2 and one line naming a data file that cannot be read", async () => {
    const r = io()
    expect(await runReport(parseArgs(["--data", join(dir, "missing.json")]), r.io)).toBe(2)
    expect(r.err).toHaveLength(1)
    expect(r.err[0]).toMatch(/missing\.json.* \/ /u)
  })
})
