// A count parameter (an offering's sessions, weeks or sessions per week per
// period, a treatment's extensions) as a policy officer may write it: every
// whole number from 0 up loads and gives a synthetic year for `impact`; a
// negative number or a fraction is refused by `check` at its file and line,
// in both languages, before anything is decided with it.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { generate } from "@aktivitetsmodell/core/synthetic"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { InForce, PolicyTree } from "../../src/index.js"
import { editJson, filesWith, fixtureDir } from "../helpers.js"

const counts = [
  "parameters/offerings/mindfull-restorative-yoga/sessions.json",
  "parameters/offerings/kreativ-gruppe/sessions.json",
  "parameters/offerings/padelgruppe/sessions.json",
  "parameters/offerings/individuell-trening-mudo/weeks.json",
  "parameters/offerings/individuell-trening-mudo/sessions-per-week.json",
  "parameters/treatment/max-extensions.json",
]

/** The fixture tree with `file` taking `value` from `from`, after its first value. */
const withValue = (file: string, value: number, from: string) =>
  PolicyTree.load(filesWith({ [file]: editJson(file, (p) => p.values.push({ ...p.values[0], from, value })) }))

const cli = async (argv: Array<string>, cwd: string) => {
  const out: Array<string> = []
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => out.push(t), stdin: () => "", cwd })
  return { code, out }
}

describe("a count parameter", () => {
  it("from 0 up loads and gives a synthetic year without an exception (property)", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...counts),
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
        fc.constantFrom("2024-01-01", "2024-07-01", "2024-12-31"),
        fc.integer({ min: 1, max: 1000 }),
        (file, value, from, seed) => {
          const { tree, problems } = withValue(file, value, from)
          expect(problems.filter((p) => p.severity === "error")).toEqual([])
          const year = generate({ policy: InForce.policy(tree), seed, year: 2024, citizens: 120 })
          expect(year.enrollments.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 30 },
    )
  })

  it("below 0 or with a fraction is refused at its line, in both languages (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...counts),
        fc.oneof(
          fc.integer({ min: -1000, max: -1 }),
          fc.double({ min: -50, max: 50, noNaN: true }).filter((v) => !Number.isInteger(v)),
        ),
        (file, value) => {
          const { tree, problems } = withValue(file, value, "2024-07-01")
          const errors = problems.filter((p) => p.severity === "error")
          expect(errors.map((p) => [p.file, p.pointer, p.code])).toEqual([[file, "/values/1/value", "type-mismatch"]])
          expect(errors[0]!.line).toBeGreaterThan(1)
          expect(errors[0]!.message.en).toMatch(/^Expected a whole number of \S.*, 0 or more \(0 means no /u)
          expect(errors[0]!.message.nb).toMatch(/^Forventet et helt antall \S.*, 0 eller flere \(0 betyr ingen /u)
          expect([...tree.parameters.values()].some((p) => p.file === file)).toBe(false)
        },
      ),
      { numRuns: 100 },
    )
  })

  it("of 0 sessions passes check, and impact on the synthetic year reports it; -6 fails check", {
    timeout: 120_000,
  }, async () => {
    const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-counts-"))
    cpSync(fixtureDir, join(root, "base"), { recursive: true })
    cpSync(fixtureDir, join(root, "head"), { recursive: true })
    const file = join(root, "head", counts[0]!)
    const original = readFileSync(file, "utf8")
    const withSessions = (value: number) => {
      const p = JSON.parse(original)
      p.values.push({ from: "2024-07-01", value })
      writeFileSync(file, JSON.stringify(p, null, 2))
    }
    withSessions(0)
    expect((await cli(["check", "head", "--lang", "en"], root)).code).toBe(0)
    const impact = await cli(["impact", "--base", "base", "--head", "head", "--data", "synthetic:2024"], root)
    expect(impact.out.join("\n")).not.toMatch(/Intern feil|Internal error/u)
    expect(impact.out.some((l) => l.includes("duration/session-limit: ends → not applicable"))).toBe(true)
    expect(impact.code).toBe(0)
    withSessions(-6)
    const checked = await cli(["check", "head", "--lang", "en"], root)
    expect(checked.code).toBe(1)
    expect(checked.out).toContain(
      `head/${counts[0]}:30: Expected a whole number of sessions, 0 or more (0 means no limit), got -6 (at /values/1/value)`,
    )
  })
})
