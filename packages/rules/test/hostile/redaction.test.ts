// A national identity number pasted where a name belongs — a key, a file
// name, an outcome, a case name, an offering, an impact item's key — in any
// of its four written forms. It must not come back out: not in a problem's
// message, pointer or file, not in an error, not in any CLI output line.

import { cpSync, mkdtempSync, renameSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Catalogue, Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { Cases, Compile, DatasetSubjects, Impact, PolicyError, PolicyTree, Problem, Subject } from "../../src/index.js"
import { filesWith, fileText, fixture, fixtureDir, fixturePolicy } from "../helpers.js"
import { examples, nationalIdText } from "../nationalIds.js"

const clean = (text: string) => {
  expect(Redact.containsNationalId(text), text.slice(0, 500)).toBe(false)
}

const cli = async (argv: Array<string>, cwd: string, stdin = "") => {
  const lines: Array<string> = []
  const code = await run(argv, { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t), stdin: () => stdin, cwd })
  return { code, text: lines.join("\n") }
}

const rule = "eligibility/adults-only.json"
const cases = "eligibility/adults-only.cases.yaml"

/** The tree with the number put in a key, an outcome, a fact, a case name, an offering and a file name. */
const hostileFiles = (id: string): Record<string, string> => ({
  [rule]: fileText(rule)
    .replace('"title":', `"${id}": 1, "title":`)
    .replace('"type": "not-eligible"', `"type": "${id}"`),
  "eligibility/karate-needs-intake.json": fileText("eligibility/karate-needs-intake.json").replace(
    '"fact": "intakeRegistered"',
    `"fact": "${id}"`,
  ),
  [cases]: fileText(cases)
    .replace(
      'name: "A citizen of 35 who gets help from the unit may take part in an offering."',
      `name: "A citizen with number ${id} is not a good case name"`,
    )
    .replace("offering: sandneshallen", `offering: "${id}"`),
  [`eligibility/${id}.json`]: fileText(rule),
  [`parameters/${id}.json`]: fileText("parameters/fit/ors-cutoff.json"),
})

describe.each(examples)("the number written %s", (id) => {
  it("does not reach a problem, its pointer, its file or its formatted line", () => {
    const { tree, problems } = PolicyTree.load(filesWith(hostileFiles(id)))
    expect(problems.length).toBeGreaterThanOrEqual(5)
    for (const p of [...problems, ...Cases.run(tree).problems]) {
      clean(JSON.stringify(p))
      for (const lang of ["en", "nb", "both"] as const) clean(Problem.format(p, lang, "policy"))
    }
  })

  it("does not reach an error's message or text", () => {
    const { problems } = PolicyTree.load(filesWith(hostileFiles(id)))
    const errors = [
      new PolicyError(problems),
      (() => {
        try {
          Subject.make({ offering: id } as never)
        } catch (e) {
          return e as Error
        }
        throw new Error("Subject.make accepted an identity number")
      })(),
      (() => {
        try {
          Compile.compile({
            rules: [{ id: "x", conditions: { all: [{ fact: id, operator: "equal", value: 1 }] } }],
            parameters: new Map(),
          } as never)
        } catch (e) {
          return e as Error
        }
        throw new Error("the compiler accepted an identity number as a fact")
      })(),
    ]
    for (const e of errors) {
      clean(e.message)
      clean(JSON.stringify(e))
    }
  })

  it("does not reach a subject's problems, even as a key", () => {
    const r = Subject.decode(
      { citizen: { birthYear: 1990, departments: [id] }, offering: id, [id]: id },
      Catalogue.sandnes(),
    )
    expect(r.ok).toBe(false)
    clean(JSON.stringify(r))
  })

  it("is masked in an impact item's key and a record id", () => {
    const year = generate({ policy: fixturePolicy(), seed: 2, year: 2024, citizens: 20 })
    const first = year.enrollments[0]!
    const items = DatasetSubjects.of({ ...year, enrollments: [{ ...first, id: id as never }] }, fixturePolicy())
    for (const item of items) clean(item.key)
    const change = Impact.comparer(
      fixture(),
      PolicyTree.loadOrThrow(
        filesWith({ "eligibility/adults-only.json": undefined, "eligibility/adults-only.cases.yaml": undefined }),
      ),
    )
    const changes = change.add({
      key: `citizen ${id}`,
      date: "2024-03-01",
      subject: Subject.make({ citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" }),
    })
    expect(changes.length).toBeGreaterThan(0)
    for (const c of changes) clean(JSON.stringify(c))
  })
})

describe("the command line", () => {
  const workspace = (id: string) => {
    const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-redact-"))
    const dir = join(root, "policy")
    cpSync(fixtureDir, dir, { recursive: true })
    for (const [path, text] of Object.entries(hostileFiles(id))) writeFileSync(join(dir, path), text)
    return { root, dir }
  }

  it.each(examples)("check prints no line with the number written %s", async (id) => {
    const { root } = workspace(id)
    const r = await cli(["check", "policy"], root)
    expect(r.code).toBe(1)
    expect(r.text.split("\n").length).toBeGreaterThan(5)
    for (const line of r.text.split("\n")) clean(line)
  })

  it.each(examples)("evaluate, explain and impact print no line with the number written %s", async (id) => {
    const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-redact-"))
    const bad = JSON.stringify({ citizen: { birthYear: 1990, departments: [id] }, offering: id })
    const good = JSON.stringify({ citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" })
    writeFileSync(join(root, "bad.json"), bad)
    writeFileSync(join(root, "subjects.jsonl"), `${good}\n${bad}\n{"${id}": 1\n`)
    writeFileSync(
      join(root, "items.json"),
      JSON.stringify([{ key: `row ${id}`, date: "2024-03-01", subject: JSON.parse(good) }]),
    )
    writeFileSync(
      join(root, "items.jsonl"),
      `${JSON.stringify({ key: `row ${id}`, date: "2024-03-01", subject: JSON.parse(good) })}\n`,
    )
    const head = join(root, "head")
    cpSync(fixtureDir, head, { recursive: true })
    renameSync(
      join(head, "eligibility/karate-needs-intake.json"),
      join(head, "eligibility/karate-needs-intake.json.off"),
    )
    const runs = [
      await cli(["evaluate", "--date", "2024-03-01", "bad.json"], root),
      await cli(["evaluate", "--date", "2024-03-01", "subjects.jsonl"], root),
      await cli(["explain", "--date", "2024-03-01", "--lang", "nb", "subjects.jsonl"], root),
      await cli(["impact", "--base", fixtureDir, "--head", head, "--data", "items.json"], root),
      await cli(["impact", "--base", fixtureDir, "--head", head, "--data", "items.json", "--json"], root),
      await cli(["impact", "--base", fixtureDir, "--head", head, "--data", "items.jsonl", "--jsonl"], root),
      await cli(["evaluate", "--date", "2024-03-01", "--jsonl", "-"], root, `${bad}\n`),
    ]
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1, 0, 0, 0, 1])
    for (const r of runs) for (const line of r.text.split("\n")) clean(line)
    // The keys were there to leak: the impact output shows them, masked.
    expect(runs[3]!.text).toContain(`row ${Redact.MASK}`)
  })

  it("masks the number in every written form, for any number", async () => {
    await fc.assert(
      fc.asyncProperty(nationalIdText, async (id) => {
        const r = await cli(
          ["evaluate", "--date", "2024-03-01", "-"],
          tmpdir(),
          JSON.stringify({ citizen: { birthYear: 1990, departments: [id] }, offering: id, [id]: 1 }),
        )
        expect(r.code).toBe(1)
        clean(r.text)
      }),
      { numRuns: 50 },
    )
  })
})
