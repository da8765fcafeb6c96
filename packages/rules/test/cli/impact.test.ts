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

const cli = async (argv: Array<string>, stdin: () => string = () => "") => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin, cwd: dir })
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

describe("aktivitet-rules impact on a Dataset file with records it cannot use", () => {
  const year = () => generate({ policy: fixturePolicy(), seed: 4, year: 2024, citizens: 40 })
  const run = async (data: object) => {
    const file = join(dir, `broken-${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(file, JSON.stringify(data, null, 1))
    return cli(["impact", "--base", fixtureDir, "--head", fixtureDir, "--data", file, "--lang", "en"])
  }

  it("names every record that names a citizen, offering or enrollment the file lacks, and exits 1", async () => {
    const whole = year()
    const data = {
      ...whole,
      enrollments: whole.enrollments.map((e, i) =>
        i === 0 ? { ...e, citizenId: "f".repeat(32) } : i === 1 ? { ...e, offeringId: "no-such-offering" } : e,
      ),
      goalEvaluations: whole.goalEvaluations.map((g, i) => (i === 0 ? { ...g, enrollmentId: "n-none" } : g)),
      fitScores: whole.fitScores.map((f, i) => (i === 0 ? { ...f, citizenId: "e".repeat(32) } : f)),
    }
    const r = await run(data)
    expect(r.code).toBe(1)
    const lines = r.err.split("\n")
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(
      /^broken-\w+\.json:\d+: enrollments\[0\]\.citizenId: the citizen is not among the data's citizens/u,
    )
    expect(lines[1]).toMatch(/: enrollments\[1\]\.offeringId: the offering is not among the data's offerings/u)
    expect(lines[2]).toMatch(/: goalEvaluations\[0\]\.enrollmentId: the enrollment is not in the data/u)
    expect(lines[3]).toMatch(/: fitScores\[0\]\.citizenId: the citizen is not among/u)
    // Each line points at the record's own reference in the file.
    const text = JSON.stringify(data, null, 1).split("\n")
    const at = Number(/:(\d+):/u.exec(lines[0]!)![1])
    expect(text[at - 1]).toContain(`"citizenId": "${"f".repeat(32)}"`)
    // The impact of what could be used is still given.
    expect(r.out).toContain("Changed decisions: 0")
  })

  it("reads a broken Dataset from standard input once, and names its record at its line", async () => {
    const whole = year()
    const data = { ...whole, attendance: whole.attendance.map((a, i) => (i === 5 ? { ...a, status: "late" } : a)) }
    const text = JSON.stringify(data, null, 1)
    // Standard input as a process has it: its text once, then nothing.
    let reads = 0
    const args = ["impact", "--base", fixtureDir, "--head", fixtureDir, "--data", "-", "--lang", "en"]
    const r = await cli(args, () => (reads++ === 0 ? text : ""))
    expect(r.code).toBe(1)
    const err = r.err.split("\n")
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/^<stdin>:\d+: attendance\[5\]\.status: /u)
    const line = Number(/:(\d+):/u.exec(err[0]!)![1])
    expect(text.split("\n")[line - 1]).toContain('"status": "late"')
  })

  it("names a broken record read from standard input, which can be read only once, as from a file", async () => {
    const whole = year()
    const data = { ...whole, sessions: whole.sessions.map((s, i) => (i === 0 ? { ...s, extra: 1 } : s)) }
    const text = JSON.stringify(data, null, 1)
    // Standard input as a pipe gives its text once; reading it again gives nothing.
    let reads = 0
    const args = ["impact", "--base", fixtureDir, "--head", fixtureDir, "--data", "-", "--lang", "en"]
    const piped = await cli(args, () => (reads++ === 0 ? text : ""))
    const file = await run(data)
    expect(file.code).toBe(1)
    expect(piped.code).toBe(1)
    expect(piped.err).toMatch(/^<stdin>:\d+: sessions\[0\]\.extra: /u)
    expect(piped.err).toBe(file.err.replace(/^broken-\w+\.json:/gmu, "<stdin>:"))
    expect(piped.out).toBe(file.out.replace(/data: broken-\w+\.json/u, "data: <stdin>"))
  })

  it("counts the problems it does not print", async () => {
    const whole = year()
    const data = { ...whole, attendance: whole.attendance.map((a) => ({ ...a, date: "2024-13-01" })) }
    const r = await run(data)
    expect(r.code).toBe(1)
    const lines = r.err.split("\n")
    expect(lines).toHaveLength(51)
    expect(lines[50]).toBe(`… and ${whole.attendance.length - 50} more problems (${whole.attendance.length} in all)`)
  })
})

// A file of 4 MiB or more is read as it is parsed, its attendance kept as
// columns and the lists impact does not read checked and dropped.
describe("aktivitet-rules impact on a Dataset file read as it is parsed", () => {
  const year = generate({ policy: fixturePolicy(), seed: 6, year: 2024, citizens: 900 })
  const write = (data: object, name: string) => {
    const file = join(dir, name)
    const text = JSON.stringify(data, null, 1)
    writeFileSync(file, text)
    expect(text.length).toBeGreaterThan(1 << 22)
    return { file, lines: text.split("\n") }
  }
  const head = join(dir, "large-head")
  const files = filesWith(heads[0]![1])
  for (const f of files) {
    mkdirSync(dirname(join(head, f.path)), { recursive: true })
    writeFileSync(join(head, f.path), f.text)
  }

  it("gives exactly the straightforward path's report", async () => {
    const { file } = write(year, "large.json")
    const want = expected(fixture(), PolicyTree.loadOrThrow(files), year)
    expect(want.changes.length).toBeGreaterThan(0)
    const json = await cli(["impact", "--base", fixtureDir, "--head", head, "--data", file, "--json"])
    expect(json.err).toBe("")
    expect(json.out).toBe(JSON.stringify(want, null, 2))
  })

  it("names a broken record far into the attendance or sessions at its line, and uses none of the file", async () => {
    for (const [list, field, value] of [
      ["attendance", "status", "late"],
      ["sessions", "date", "2024-02-30"],
    ] as const) {
      const at = year[list].length - 3
      const data = { ...year, [list]: year[list].map((r, i) => (i === at ? { ...r, [field]: value } : r)) }
      const { file, lines } = write(data, `large-${list}.json`)
      const r = await cli(["impact", "--base", fixtureDir, "--head", head, "--data", file, "--lang", "en"])
      expect(r.code).toBe(1)
      expect(r.out).toBe("")
      const problems = r.err.split("\n")
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatch(new RegExp(`^large-${list}\\.json:\\d+: ${list}\\[${at}\\]\\.${field}: `, "u"))
      const line = Number(/:(\d+):/u.exec(problems[0]!)![1])
      expect(lines[line - 1]).toContain(`"${field}": "${value}"`)
    }
  })
})
