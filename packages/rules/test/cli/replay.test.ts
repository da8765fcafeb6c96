import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { fixtureDir } from "../helpers.js"

const cli = async (argv: Array<string>, cwd: string, stdin = "") => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: () => stdin, cwd })
  return { code, out: out.join("\n"), err: err.join("\n") }
}

const subject = {
  citizen: { id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", birthYear: 1988, departments: ["psykisk-helse"] },
  offering: "mindfull-restorative-yoga",
  enrollment: { start: "2024-07-01", sessionsUsed: 4 },
}

describe("aktivitet-rules replay", () => {
  const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-replay-"))
  cpSync(fixtureDir, join(root, "policy"), { recursive: true })

  it("says same / samme for a receipt evaluate wrote, and what changed after an edit", async () => {
    const evaluated = await cli(
      ["evaluate", "--date", "2024-07-15", "--policy", "policy", "--receipt", "-"],
      root,
      JSON.stringify(subject),
    )
    expect(evaluated.code).toBe(0)
    writeFileSync(join(root, "receipt.json"), JSON.stringify(JSON.parse(evaluated.out).receipt, null, 2))
    expect(await cli(["replay", "receipt.json", "--policy", "policy"], root)).toEqual({
      code: 0,
      out: "same: receipt.json against policy gives the same decision on the same grounds / samme: receipt.json mot policy gir samme avgjørelse på samme grunnlag",
      err: "",
    })
    const file = join(root, "policy/parameters/offerings/mindfull-restorative-yoga/sessions.json")
    const value = JSON.parse(readFileSync(file, "utf8"))
    value.values.push({ from: "2024-07-01", value: 6 })
    writeFileSync(file, JSON.stringify(value, null, 2))
    const changed = await cli(["replay", "receipt.json", "--policy", "policy", "--lang", "nb"], root)
    expect(changed.code).toBe(1)
    const lines = changed.out.split("\n")
    expect(lines[0]).toBe("endret: receipt.json mot policy, 6 forskjell(er)")
    expect(lines).toContain("  duration/session-limit: utfall ends → continues")
    expect(lines).toContain(
      "  parameter offerings.mindfull-restorative-yoga.sessions: 4 fra 2023-03-09 → 6 fra 2024-07-01",
    )
    expect(
      lines.some((l) => l.startsWith("  fil parameters/offerings/mindfull-restorative-yoga/sessions.json: sha256 ")),
    ).toBe(true)
  })

  it("reads the file evaluate --receipt writes, saved as the guide says, and names a problem in it at its line", async () => {
    const yoga = { ...subject, referral: true, jointMeetingHeld: true }
    writeFileSync(join(root, "yoga.json"), JSON.stringify(yoga, null, 2))
    const evaluated = await cli(
      ["evaluate", "--date", "2024-07-15", "--policy", "policy", "--receipt", "yoga.json"],
      root,
    )
    expect(evaluated.code).toBe(0)
    // `> kvittering.json`: every line written, each ended by a newline.
    const saved = `${evaluated.out}\n`
    writeFileSync(join(root, "kvittering.json"), saved)
    expect(await cli(["replay", "kvittering.json", "--policy", "policy", "--lang", "nb"], root)).toEqual({
      code: 0,
      out: "samme: kvittering.json mot policy gir samme avgjørelse på samme grunnlag",
      err: "",
    })
    const lines = saved.split("\n")
    const at = lines.findIndex((l) => l === '    "date": "2024-07-15",') + 1
    expect(at).toBeGreaterThan(1)
    lines[at - 1] = '    "date": "2024-02-30",'
    writeFileSync(join(root, "kvittering.json"), lines.join("\n"))
    expect(await cli(["replay", "kvittering.json", "--policy", "policy", "--lang", "en"], root)).toEqual({
      code: 1,
      out: "",
      err: `kvittering.json:${at}: Expected an existing calendar date as YYYY-MM-DD (at /receipt/date)`,
    })
  })

  it("reports a receipt that is not one with its line and pointer", async () => {
    writeFileSync(join(root, "bad.json"), '{\n  "receipt": 1,\n  "date": "2024-02-30"\n}\n')
    const r = await cli(["replay", "bad.json", "--policy", "policy", "--lang", "en"], root)
    expect(r.code).toBe(1)
    expect(r.err.split("\n")).toEqual([
      "bad.json:3: Expected an existing calendar date as YYYY-MM-DD (at /date)",
      'bad.json:1: Missing "subject"',
      'bad.json:1: Missing "summary"',
      'bad.json:1: Missing "decisions"',
      'bad.json:1: Missing "notApplicable"',
      'bad.json:1: Missing "files"',
    ])
  })

  it("reports a key or value written as an identity number at its line, masked", async () => {
    for (const fnr of ["01019012345", "010190 12345"]) {
      writeFileSync(
        join(root, "fnr.json"),
        `{
  "receipt": 1,
  ${JSON.stringify(fnr)}: 2,
  "date": ${JSON.stringify(fnr)}
}
`,
      )
      const r = await cli(["replay", "fnr.json", "--policy", "policy", "--lang", "en"], root)
      expect(r.code).toBe(1)
      const lines = r.err.split("\n")
      expect(lines.slice(0, 2)).toEqual([
        'fnr.json:3: Unknown key "***********" (at /***********)',
        "fnr.json:4: Expected an existing calendar date as YYYY-MM-DD (at /date)",
      ])
      expect(r.err).not.toMatch(/\d{6}.?\d{5}/u)
    }
  })
})
