// Names that JavaScript objects already carry — constructor, toString,
// __proto__, prototype — used as an outcome, a key, a rule or a parameter
// name. Each must be an unknown name reported with its file and JSON
// pointer, or a plain name, and never reach Object.prototype.

import { cpSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Catalogue } from "@aktivitetsmodell/core"
import { afterEach, describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { Cases, Explain, Facts, Outcome, PolicyTree, type Problem, Subject } from "../../src/index.js"
import { filesWith, fileText, fixtureDir } from "../helpers.js"
import { prototypeKeys } from "./prototype.js"

const names = ["constructor", "toString", "__proto__", "prototype", "hasOwnProperty", "valueOf"] as const
const before = prototypeKeys()

afterEach(() => {
  // Nothing any test here does may add to, or change, what every object inherits.
  expect(prototypeKeys()).toEqual(before)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

const rule = "eligibility/adults-only.json"
const cases = "eligibility/adults-only.cases.yaml"
const load = (changes: Record<string, string>) => PolicyTree.load(filesWith(changes))
const found = (problems: ReadonlyArray<Problem.Problem>, file: string) =>
  problems.filter((p) => p.file === file).map((p) => [p.code, p.pointer, p.message.en])

describe.each(names)("the name %s", (name) => {
  it("as a rule's outcome type is an unknown outcome at its pointer", () => {
    const { problems } = load({ [rule]: fileText(rule).replace('"type": "eligible"', `"type": "${name}"`) })
    expect(found(problems, rule)).toEqual([
      ["unknown-outcome", "/versions/0/event/type", `Unknown outcome "${name}" for an eligibility rule`],
    ])
  })

  it("as a key in an outcome's params is reported, not dropped", () => {
    const { problems } = load({
      [rule]: fileText(rule).replace('"type": "eligible"', `"type": "eligible", "params": { "${name}": "x" }`),
    })
    expect(found(problems, rule)).toEqual([
      ["shape", `/versions/0/event/params/${name}`, `"eligible" takes no parameter "${name}"`],
    ])
  })

  it("as a key where a rule file has fixed keys is an unknown key", () => {
    const { problems } = load({ [rule]: fileText(rule).replace('"title":', `"${name}": 1, "title":`) })
    expect(found(problems, rule)).toEqual([["shape", `/${name}`, `Unknown key "${name}"`]])
  })

  it("as a fact, an operator or an escalation recipient is unknown", () => {
    const file = "escalation/fit-off-track.json"
    const text = JSON.parse(fileText(file))
    text.versions[0].conditions.all[0].fact = name
    text.versions[0].conditions.all[0].operator = name
    text.versions[0].event.params.to = name
    const { problems } = load({ [file]: JSON.stringify(text, null, 2) })
    expect(found(problems, file).map(([code]) => code)).toEqual(["unknown-fact", "unknown-operator", "unknown-code"])
  })

  it("as a case's expected outcome is an unknown outcome, with its pointer", () => {
    const { problems } = load({ [cases]: fileText(cases).replace("expect: eligible", `expect: "${name}"`) })
    expect(found(problems, cases).map(([code, pointer]) => [code, pointer])).toEqual([
      ["unknown-outcome", "/cases/0/expect"],
    ])
    expect(found(problems, cases)[0]![2]).toMatch(new RegExp(`^Unknown outcome "${name}"; `, "u"))
  })

  it("as a parameter a case expects is compared, not lost", () => {
    const { tree } = load({
      [cases]: fileText(cases).replace("expect: eligible", `expect: { type: eligible, "${name}": x }`),
    })
    const failed = Cases.run(tree).problems.filter((p) => p.file === cases)
    expect(failed.map((p) => p.message.en.replace(/^.*: expected /u, "expected "))).toEqual([
      `expected eligible (${name}: x), got eligible (eligibility/adults-only, version 1)`,
    ])
  })

  it("as another rule a case names under also is a rule that does not exist", () => {
    const { tree } = load({
      [cases]: fileText(cases).replace("expect: eligible", `expect: eligible\n    also: { "${name}": eligible }`),
    })
    const failed = Cases.run(tree).problems.filter((p) => p.file === cases)
    expect(failed.map((p) => p.message.en.replace(/^.*": /u, ""))).toEqual([`there is no rule "${name}"`])
  })

  it("as a key in a case's subject is reported at its pointer", () => {
    const { problems } = load({
      [cases]: fileText(cases).replace(
        "offering: sandneshallen",
        `offering: sandneshallen\n      "${name}": { offering: karategruppe }`,
      ),
    })
    expect(found(problems, cases).map(([code, pointer]) => [code, pointer])).toEqual([
      ["case-subject", `/cases/0/subject/${name}`],
    ])
  })

  it("as a subject's offering is an unknown offering", () => {
    const r = Subject.decode(
      { citizen: { birthYear: 1990, departments: ["rpha"] }, offering: name },
      Catalogue.sandnes(),
    )
    expect(r.ok).toBe(false)
    // Offering ids are lowercase with hyphens, so some names fail the schema first.
    expect(JSON.stringify(r)).toContain("/offering")
  })

  it("as a code or an outcome to describe reads as itself", () => {
    expect(Outcome.describe("eligibility", { type: name }, Catalogue.sandnes())).toEqual({ en: name, nb: name })
    expect(
      Outcome.describe("escalation", { type: "escalate", params: { to: name, action: name } }, Catalogue.sandnes()),
    ).toEqual({ en: `Escalated to ${name}`, nb: `Løftes til ${name}` })
    expect(Facts.codeLabel("goal-reached", name, Catalogue.sandnes())).toEqual({ en: name, nb: name })
    expect(Facts.codeLabel("category", name, Catalogue.sandnes())).toEqual({ en: name, nb: name })
    expect(Explain.value(name, Facts.all.goalReached.type, Catalogue.sandnes(), "nb")).toBe(name)
  })
})

describe("names in file paths", () => {
  it("a parameter file named after a prototype key is a plain parameter, or a bad name", () => {
    const text = fileText("parameters/fit/ors-cutoff.json")
    const { tree, problems } = load({
      "parameters/constructor.json": text,
      "parameters/__proto__/x.json": text,
      "parameters/prototype.json": text,
    })
    expect(tree.parameters.has("constructor")).toBe(true)
    expect(tree.parameters.has("prototype")).toBe(true)
    expect(
      problems
        .filter((p) => p.file.includes("constructor") || p.file.includes("prototype"))
        .map((p) => [p.file, p.severity, p.code]),
    ).toEqual([
      ["parameters/constructor.json", "warning", "unknown-parameter"],
      ["parameters/prototype.json", "warning", "unknown-parameter"],
    ])
    expect(found(problems, "parameters/__proto__/x.json")).toEqual([
      [
        "shape",
        "",
        'The file name gives the parameter name "__proto__.x"; use lowercase letters, digits and hyphens in folder and file names',
      ],
    ])
  })

  it("a rule file named constructor is a rule like any other", () => {
    const { tree, problems } = load({ "eligibility/constructor.json": fileText(rule) })
    expect(problems.filter((p) => p.severity === "error")).toEqual([])
    expect(tree.rules.map((r) => r.id)).toContain("eligibility/constructor")
  })
})

describe("aktivitet-rules with prototype names in the tree", () => {
  const cli = async (argv: Array<string>, cwd: string) => {
    const out: Array<string> = []
    const err: Array<string> = []
    const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: () => "", cwd })
    return { code, out: out.join("\n"), err: err.join("\n") }
  }

  it.each(["check", "evaluate", "explain", "impact"])("%s reports the names and does not crash", async (command) => {
    const dir = join(mkdtempSync(join(tmpdir(), "aktivitet-rules-names-")), "policy")
    cpSync(fixtureDir, dir, { recursive: true })
    writeFileSync(
      join(dir, rule),
      fileText(rule)
        .replace('"type": "eligible"', '"type": "constructor"')
        .replace('"type": "not-eligible"', '"type": "toString"'),
    )
    writeFileSync(
      join(dir, cases),
      fileText(cases).replace("expect: eligible", 'expect: { type: "__proto__", prototype: x }'),
    )
    const subject = join(dir, "..", "subject.json")
    writeFileSync(
      subject,
      JSON.stringify({ citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" }),
    )
    const argv = {
      check: ["check", dir, "--lang", "en"],
      evaluate: ["evaluate", "--date", "2024-03-01", "--policy", dir, subject, "--lang", "en"],
      explain: ["explain", "--date", "2024-03-01", "--policy", dir, subject, "--lang", "en"],
      impact: ["impact", "--base", fixtureDir, "--head", dir, "--data", "synthetic:2024:1", "--lang", "en"],
    }[command]!
    const r = await cli(argv, dir)
    expect(r.code).toBe(1)
    expect(r.err).toContain(
      'eligibility/adults-only.json:46: Unknown outcome "constructor" for an eligibility rule (at /versions/0/event/type)',
    )
    expect(r.err).toContain('Unknown outcome "toString" for an eligibility rule (at /versions/0/otherwise/type)')
    expect(r.err).not.toMatch(/TypeError|at .*\.ts:\d+/u)
  })
})
