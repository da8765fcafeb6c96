import { spawn, spawnSync } from "node:child_process"
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { fixtureDir, fixturePolicy } from "../helpers.js"

const repo = fileURLToPath(new URL("../../../..", import.meta.url))

const cli = async (argv: Array<string>, options: { cwd?: string; stdin?: string } = {}) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: () => options.stdin ?? "",
    cwd: options.cwd ?? repo,
  })
  return { code, out: out.join("\n"), err: err.join("\n") }
}

// The fixture tree as a path from the repository's root, as a person would type it.
const fixturePath = relative(repo, fixtureDir)

const tmp = () => mkdtempSync(join(tmpdir(), "aktivitet-rules-"))
const copyPolicy = () => {
  const dir = join(tmp(), "policy")
  cpSync(fixtureDir, dir, { recursive: true })
  return dir
}

describe("aktivitet-rules check", () => {
  it("passes on a tree whose cases all pass and reach every outcome, listing each rule version", async () => {
    const r = await cli(["check", fixturePath, "--lang", "en"])
    expect(r.err).toBe("")
    expect(r.code).toBe(0)
    const lines = r.out.split("\n")
    expect(lines.slice(0, 4)).toEqual([
      `Checking the policy tree in ${fixturePath}`,
      "28 rules, 20 parameters, 78 cases",
      "Cases: 78 passed, 0 failed",
      "Coverage: 100 % (122 of 122 outcomes and condition sides reached by a case; required 100 %)",
    ])
    expect(lines.slice(4, -1).length).toBe(28)
    expect(lines).toContain(
      "  ✓ escalation/discontinued-participants-not-moved, version 1: event ✓, otherwise ✓, conditions 4 of 4 sides",
    )
    expect(lines).toContain(
      "  ✓ eligibility/offerings-are-free, version 1: event ✓, otherwise –, conditions 2 of 2 sides",
    )
    expect(lines.at(-1)).toBe("OK: the policy tree is valid, every case passes and the coverage is met")
  })

  it("fails below the coverage asked for, naming what no case reaches", async () => {
    const dir = copyPolicy()
    rmSync(join(dir, "eligibility/pro-service-needs-application.cases.yaml"))
    const r = await cli(["check", dir, "--lang", "nb"], { cwd: join(dir, "..") })
    expect(r.code).toBe(1)
    expect(r.out.split("\n")).toContain(
      "policy/eligibility/pro-service-needs-application.json:22: advarsel: Ingen tilfeller prøver versjon 1 av eligibility/pro-service-needs-application: legg til et tilfelle datert fra 2023-03-09 (i /versions/0)",
    )
    expect(r.out.split("\n").slice(-2)).toEqual([
      "Dekningen er 96 %, under kravet på 100 %: legg til tilfeller for utfallene og betingelsene over",
      "Feilet: 0 feil, for lav dekning",
    ])
    expect((await cli(["check", dir, "--coverage", "95"], { cwd: join(dir, "..") })).code).toBe(0)
    expect(await cli(["check", dir, "--coverage", "most"])).toEqual({
      code: 2,
      out: "",
      err: "--coverage must be a whole number from 0 to 100 / --coverage må være et heltall fra 0 til 100",
    })
  })

  it("fails on a broken rule file with its file and line, in both languages", async () => {
    const dir = copyPolicy()
    const file = join(dir, "duration/session-limit.json")
    writeFileSync(file, readFileSync(file, "utf8").replace('"operator": "lessThan"', '"operator": "lesThan"'))
    const r = await cli(["check", dir], { cwd: join(dir, "..") })
    expect(r.code).toBe(1)
    expect(r.err.split("\n")).toEqual([
      'policy/duration/session-limit.json:40: Unknown operator "lesThan"; did you mean "lessThan"? / Ukjent operator «lesThan»; mente du «lessThan»? (at /versions/0/conditions/all/0/operator)',
    ])
    expect(r.out.split("\n").slice(-2)).toEqual([
      "The cases were not run: correct the errors above first / Tilfellene ble ikke kjørt: rett feilene over først",
      "Failed: 1 error(s) / Feilet: 1 feil",
    ])
  })

  it("fails when a case fails", async () => {
    const dir = copyPolicy()
    const file = join(dir, "escalation/fit-off-track.cases.yaml")
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "expect: no-escalation",
        "expect: { type: escalate, to: therapist, action: review-feedback }",
      ),
    )
    const r = await cli(["check", dir, "--lang", "nb"], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.err).toBe(
      "escalation/fit-off-track.cases.yaml:14: Tilfellet «A citizen on track with FIT does not alert the therapist.»: forventet escalate (to: therapist, action: review-feedback), fikk no-escalation (escalation/fit-off-track, versjon 1) (i /cases/1/expect)",
    )
  })
})

describe("aktivitet-rules evaluate and explain", () => {
  const subject = {
    citizen: { id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", birthYear: 1990, departments: ["rpha"] },
    offering: "karategruppe",
    intakeRegistered: true,
  }

  it("prints decisions as JSON for a subject read from standard input", async () => {
    const r = await cli(["evaluate", "--date", "2024-03-01", "-"], { stdin: JSON.stringify(subject) })
    expect(r.code).toBe(0)
    const out = JSON.parse(r.out)
    expect(out.subject).toBe("0f1e2d3c4b5a69788796a5b4c3d2e1f0")
    expect(out.summary).toEqual({ eligibility: { type: "eligible" }, escalations: [] })
    expect(out.decisions.map((d: { rule: string }) => d.rule)).toEqual([
      "eligibility/adults-only",
      "eligibility/everyday-open-to-healthy-life-centre",
      "eligibility/karate-needs-intake",
      "eligibility/offerings-are-free",
    ])
  })

  it("reports a bad subject with its file and line", async () => {
    const dir = tmp()
    writeFileSync(
      join(dir, "subjects.json"),
      `[\n  ${JSON.stringify(subject)},\n  {\n    "citizen": { "birthYear": 1990, "departments": ["rpha"] },\n    "offering": "karatgruppe"\n  }\n]\n`,
    )
    const r = await cli(["evaluate", "--date", "2024-03-01", "subjects.json", "--lang", "en"], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.err).toBe('subjects.json:5: Unknown offering "karatgruppe"; did you mean "karategruppe"? (at /1/offering)')
  })

  it("explains in plain bokmål", async () => {
    const r = await cli(["explain", "--date", "2024-03-01", "--lang", "nb", "-"], {
      stdin: JSON.stringify({ ...subject, intakeRegistered: false }),
    })
    expect(r.code).toBe(0)
    expect(r.out.split("\n").slice(0, 2)).toEqual([
      "Avgjørelser 2024-03-01 (innbygger 0f1e2d3c4b5a69788796a5b4c3d2e1f0)",
      "  Deltagelse: Kan ikke delta",
    ])
    expect(r.out).toContain("    ✗ Påmeldt inntak (nei) er ja")
  })

  it("refuses wrong usage with exit code 2", async () => {
    expect((await cli(["evaluate", "--date", "1 March", "-"])).err).toBe(
      "--date must be a date as YYYY-MM-DD / --date må være en dato på formen ÅÅÅÅ-MM-DD",
    )
    expect((await cli(["explain", "--date", "2024-03-01", "-"])).code).toBe(2)
    expect(await cli(["frobnicate"])).toEqual({
      code: 2,
      out: "",
      err: 'Unknown command "frobnicate"; try --help / Ukjent kommando «frobnicate»; prøv --help',
    })
    expect((await cli(["check", "--colour"])).code).toBe(2)
    expect((await cli([])).code).toBe(2)
    expect((await cli(["--help"])).code).toBe(0)
  })
})

describe("aktivitet-rules impact", () => {
  it("counts the decisions that change between two trees over a data set", async () => {
    const head = copyPolicy()
    const file = join(head, "parameters/offerings/mindfull-restorative-yoga/sessions.json")
    const value = JSON.parse(readFileSync(file, "utf8"))
    value.values.push({ from: "2024-07-01", value: 6 })
    writeFileSync(file, JSON.stringify(value, null, 2))
    const data = join(tmp(), "year.json")
    writeFileSync(data, JSON.stringify(generate({ policy: fixturePolicy(), seed: 4, year: 2024, citizens: 300 })))
    const r = await cli([
      "impact",
      "--base",
      fixturePath,
      "--head",
      head,
      "--data",
      data,
      "--lang",
      "en",
      "--show",
      "2",
    ])
    expect(r.code).toBe(0)
    const lines = r.out.split("\n")
    expect(lines[0]).toBe("Policy impact")
    expect(lines[1]).toBe(`  base: ${fixturePath} (28 rules)`)
    expect(lines.find((l) => l.startsWith("Changed decisions: "))).toMatch(/^Changed decisions: [1-9]\d*$/u)
    expect(lines.find((l) => l.includes("duration/session-limit: ends → continues"))).toMatch(
      /^\s+\d+ {2}duration\/session-limit: ends → continues$/u,
    )
    expect(lines.at(-1)).toMatch(
      /^ {2}2024-\d\d-\d\d {2}enrollment \S+ period \d {2}duration\/session-limit: ends → continues$/u,
    )
  })

  it("asks for all three of --base, --head and --data", async () => {
    expect((await cli(["impact", "--base", "x"])).err).toBe(
      "impact needs --base DIR --head DIR --data FILE|synthetic[:YEAR[:SEED]] / impact trenger --base MAPPE --head MAPPE --data FIL|synthetic[:ÅR[:FRØ]]",
    )
  })
})

describe("the aktivitet-rules executable", () => {
  it("ends quietly with its own exit code when its reader stops early, as `| head -1` does", {
    timeout: 60_000,
  }, async () => {
    const head = copyPolicy()
    // A minimum age of 25 from 2024 changes hundreds of decisions: far more output than one line.
    appendFileSync(join(head, "parameters/citizen/minimum-age.yaml"), "  - from: 2024-01-01\n    value: 25\n")
    const tsx = join(repo, "node_modules/tsx/dist/cli.mjs")
    const args = ["--base", fixtureDir, "--head", head, "--data", "synthetic:2024", "--jsonl"]
    const child = spawn(
      process.execPath,
      [tsx, "--conditions=@aktivitetsmodell/source", join(repo, "packages/rules/src/cli.ts"), "impact", ...args],
      { cwd: head },
    )
    let stderr = ""
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString()
    })
    let first = ""
    const closed = new Promise<void>((done) => {
      child.stdout.on("data", (b: Buffer) => {
        first += b.toString()
        // The reader takes its first line and goes, as head does.
        if (first.includes("\n")) {
          child.stdout.destroy()
          done()
        }
      })
    })
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)))
    await closed
    expect(JSON.parse(first.split("\n")[0]!)).toMatchObject({ rule: "eligibility/adults-only" })
    expect(await exited).toBe(0)
    expect(stderr).toBe("")
  })

  it("exits non-zero with file:line messages on a broken tree", async () => {
    const dir = copyPolicy()
    writeFileSync(join(dir, "eligibility/adults-only.json"), '{\n  "title": \n}\n')
    const tsx = join(repo, "node_modules/tsx/dist/cli.mjs")
    const r = spawnSync(
      process.execPath,
      [
        tsx,
        "--conditions=@aktivitetsmodell/source",
        join(repo, "packages/rules/src/cli.ts"),
        "check",
        dir,
        "--lang",
        "en",
      ],
      { cwd: dir, encoding: "utf8" },
    )
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split("\n")).toEqual([
      'eligibility/adults-only.json:2:11: A value is missing after ":": write a value, or remove the property',
    ])
  })
})
