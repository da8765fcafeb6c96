// Command-line arguments built to break the output: newlines that would
// forge extra lines, a name of 100,000 characters, an identity number where
// a command, option, date or path belongs. Each gives one short line on
// standard error and exit code 2.

import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Redact } from "@aktivitetsmodell/core"
import { afterAll, describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { examples } from "../nationalIds.js"

// An empty folder of its own as the working folder: a relative path such as
// "x" must name nothing, whatever else the system's temporary folder holds.
const cwd = mkdtempSync(join(tmpdir(), "hostile-arguments-"))
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

const cli = async (argv: Array<string>) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: () => "",
    cwd,
  })
  return { code, out, err }
}

const oneShortLine = (r: { code: number; out: Array<string>; err: Array<string> }) => {
  expect(r.code).toBe(2)
  expect(r.out).toEqual([])
  expect(r.err).toHaveLength(1)
  expect(r.err[0]).not.toContain("\n")
  expect(r.err[0]!.length).toBeLessThan(1000)
  expect(Redact.containsNationalId(r.err[0]!)).toBe(false)
}

describe("hostile arguments", () => {
  it("an unknown command with a forged line, or of 100,000 characters, is one short line", async () => {
    for (const command of ["frob\nOK: the policy tree is valid", "x".repeat(100_000), ...examples])
      oneShortLine(await cli([command]))
    expect((await cli(["frob\nOK"])).err).toEqual([
      'Unknown command "frob\\nOK"; try --help / Ukjent kommando «frob\\nOK»; prøv --help',
    ])
  })

  it("an unknown option is one short line", async () => {
    for (const option of ["--frob\nOK", `--${"x".repeat(100_000)}`, `--${examples[1]}`])
      oneShortLine(await cli(["check", option]))
  })

  it("a date, a number or a path that is an identity number is not echoed", async () => {
    for (const id of examples) {
      oneShortLine(await cli(["evaluate", "--date", id, "-"]))
      oneShortLine(await cli(["impact", "--base", "x", "--head", "y", "--data", "synthetic", "--show", id]))
      oneShortLine(await cli(["check", `/nonexistent/${id}`]))
      oneShortLine(await cli(["evaluate", "--date", "2024-03-01", `/nonexistent/${id}\nforged`]))
    }
  })
})
