// `aktivitet-rules impact` on a Dataset file goes the fast way: the file is
// validated in one pass, subjects are counted in one pass per enrollment and
// decisions are compared as outcome codes. Its report must be exactly the one
// the straightforward path gives: subjects derived with derive.enrollmentOn,
// each decided under both trees item by item with Comparer.add.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { afterAll, describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import type { Change } from "../../src/Impact.js"
import { Impact, InForce, PolicyTree } from "../../src/index.js"
import type { Tree } from "../../src/PolicyTree.js"
import { editJson, filesWith, fileText, fixture, fixtureDir, fixturePolicy } from "../helpers.js"
import { straightforward } from "../straightforwardSubjects.js"

const dir = mkdtempSync(join(tmpdir(), "aktivitet-rules-impact-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const cli = async (argv: Array<string>) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: () => "", cwd: dir })
  return { code, out: out.join("\n"), err: err.join("\n") }
}

// The report the straightforward path gives: each item decided under both trees by `add`.
const expected = (base: Tree, head: Tree, year: ReturnType<typeof generate>) => {
  const c = Impact.comparer(base, head)
  const changes: Array<Change> = []
  for (const item of straightforward(year, InForce.policy(head))) for (const x of c.add(item)) changes.push(x)
  const s = c.summary()
  return { subjects: s.subjects, decisions: s.decisions, changes, byRule: s.byRule }
}

const yoga = "parameters/offerings/mindfull-restorative-yoga/sessions.json"
const minimumAge = "parameters/citizen/minimum-age.yaml"
const removed = "eligibility/karate-needs-intake"
// Heads that change some decisions, remove a rule (not in force), and leave ages open (unknown outcomes).
const heads: ReadonlyArray<readonly [string, Record<string, string | undefined>]> = [
  [
    "6 yoga sessions from July 2024",
    { [yoga]: editJson(yoga, (v) => v.values.push({ from: "2024-07-01", value: 6 })) },
  ],
  ["a rule removed", { [`${removed}.json`]: undefined, [`${removed}.cases.yaml`]: undefined }],
  ["a minimum age of 25", { [minimumAge]: fileText(minimumAge).replace(/value: 18\s*$/u, "value: 25\n") }],
]

describe("aktivitet-rules impact on a Dataset file", () => {
  it.each(heads)("gives exactly the straightforward path's report: %s", async (name, changes) => {
    const files = filesWith(changes)
    const head = PolicyTree.loadOrThrow(files)
    const folder = join(dir, name.replace(/\W+/gu, "-"))
    for (const f of files) {
      mkdirSync(dirname(join(folder, f.path)), { recursive: true })
      writeFileSync(join(folder, f.path), f.text)
    }
    for (const seed of [4, 11]) {
      const year = generate({ policy: fixturePolicy(), seed, year: 2024, citizens: 150 })
      const data = join(dir, `year-${seed}.json`)
      writeFileSync(data, JSON.stringify(year))
      const want = expected(fixture(), head, year)
      expect(want.changes.length).toBeGreaterThan(0)
      const json = await cli(["impact", "--base", fixtureDir, "--head", folder, "--data", data, "--json"])
      expect(json.err).toBe("")
      expect(json.code).toBe(0)
      expect(json.out).toBe(JSON.stringify(want, null, 2))
      const text = await cli(["impact", "--base", fixtureDir, "--head", folder, "--data", data, "--lang", "en"])
      const lines = text.out.split("\n")
      expect(lines).toContain(`Changed decisions: ${want.changes.length}`)
      for (const e of want.changes.slice(0, 3))
        expect(lines).toContain(`  ${e.date}  ${e.key}  ${e.rule}: ${e.before} → ${e.after}`)
    }
  })
})
