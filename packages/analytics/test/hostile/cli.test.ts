// aktivitet-report on files that cannot be used: one line in English and
// bokmål naming the file (and line or JSON pointer), exit code 2, no stack
// trace; wrong records in a readable file: each named, exit code 1. Run in
// process through run(), and once as a process for what only a process shows.
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { policy } from "../fixturePolicy.js"
import { cli } from "../node/inProcess.js"

const dir = mkdtempSync(join(tmpdir(), "hostile-cli-"))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

// One line, English then bokmål, naming `where`.
const oneLine = (stderr: string, where: string | RegExp) => {
  expect(stderr.split("\n")).toHaveLength(1)
  expect(stderr).toMatch(typeof where === "string" ? where : where)
  expect(stderr).toMatch(/ \/ /u)
  expect(stderr).not.toMatch(/\n\s+at |node:internal|\.ts:\d+:\d+/u)
}

const synthetic = ["--synthetic", "--seed", "3", "--citizens", "60", "--year", "2024", "--format", "md"]

describe("aktivitet-report --capacity", () => {
  it.each([
    [
      "a fraction",
      "cap-fraction.json",
      '{\n  "sandneshallen": 25,\n  "turgruppe": 0.001\n}',
      /^cap-fraction\.json:3: \/turgruppe: expected a whole number of places above 0, found 0\.001 \/ cap-fraction\.json:3: \/turgruppe: forventet et helt antall plasser over 0, fant 0\.001$/u,
    ],
    [
      "zero",
      "cap-zero.json",
      '{ "turgruppe": 0 }',
      /^cap-zero\.json:1: \/turgruppe: expected a whole number of places above 0, found 0 \//u,
    ],
    [
      "a text",
      "cap-text.json",
      '{\n"turgruppe": "25"\n}',
      /^cap-text\.json:2: \/turgruppe: expected a whole number .* found "25" \//u,
    ],
    ["a list", "cap-list.json", "[25]", /^cap-list\.json:1: expected an object of offering id → places per session/u],
    [
      "not JSON",
      "cap-syntax.json",
      '{\n  "turgruppe": 25,\n  oops\n}',
      /^cap-syntax\.json:3: not valid JSON: Expected a property name in double quotes \(column 3\) \//u,
    ],
    ["empty", "cap-empty.json", "", /^cap-empty\.json:1: not valid JSON: Unexpected end of the file/u],
  ])("refuses %s in one line with exit code 2", async (_, name, text, message) => {
    const r = await cli([...synthetic, "--capacity", file(name, text)])
    expect(r.code).toBe(2)
    oneLine(r.stderr.replaceAll(`${dir}/`, ""), message)
    expect(r.stdout).toBe("")
  })

  it("refuses a capacity file it cannot read", async () => {
    const r = await cli([...synthetic, "--capacity", join(dir, "missing.json")])
    expect(r.code).toBe(2)
    oneLine(r.stderr, /^Could not read .*missing\.json: ENOENT.* \/ Kunne ikke lese/u)
  })

  it("takes __proto__ and constructor as offering ids, and no prototype changes", async () => {
    const path = file("cap-proto.json", '{ "__proto__": 5, "constructor": 4, "sandneshallen": 25 }')
    const r = await cli([...synthetic, "--capacity", path])
    expect([r.code, r.stderr.split("\n")[0]]).toEqual([0, "Aktivitetsrapport 2024"])
    expect(({} as Record<string, unknown>).sandneshallen).toBeUndefined()
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })
})

describe("aktivitet-report --statistics and --recovery-college with wrong rows", () => {
  const stats = (rows: string) =>
    `id,label_nb,label_en,unit,2020,2021\nkept,Beholdt rad,Kept row,count,966,1585\n${rows}`
  const lines = (stderr: string) => stderr.replaceAll(`${dir}/`, "").split("\n")
  // As HTML: the Markdown report has no statistics or Recovery College section.
  const year = ["--synthetic", "--seed", "3", "--citizens", "60", "--year", "2024", "--format", "html"]

  it("uses the valid rows, names each rejected row on stderr in the chosen language, and exits with 1", async () => {
    const good = file("stats-good.csv", stats(""))
    const ok = await cli([...year, "--statistics", good, "--out", join(dir, "good.html"), "--lang", "en"])
    expect([ok.code, ok.stderr]).toEqual([0, ""])
    const path = file(
      "stats-bad.csv",
      stats("late,Sen rad,Left row,count,12a,3\nwho,Hvem,Who,01019012345,1,2\nkept,Igjen,Again,count,1,2\n"),
    )
    const out = join(dir, "stats-bad.html")
    const en = await cli([...year, "--statistics", path, "--out", out, "--lang", "en"])
    expect(en.code).toBe(1)
    expect(lines(en.stderr)).toEqual([
      'stats-bad.csv:3: 2020: Expected a number or an empty cell, found "12a"',
      'stats-bad.csv:4: unit: Unknown unit "***********"; expected count, activities, percent or fte',
      'stats-bad.csv:5: id: "kept" also appears on line 2; a value of the column "id" may appear only once',
      "The report was made without 3 line(s) of the data files, named above",
    ])
    const report = readFileSync(out, "utf8")
    expect(report).toContain("Kept row")
    expect(report).not.toContain("Left row")
    expect(en.stdout).toContain(`Wrote ${out}`)
    const nb = await cli([...year, "--statistics", path, "--out", out])
    expect(nb.code).toBe(1)
    expect(lines(nb.stderr)).toEqual([
      "stats-bad.csv:3: 2020: Forventet et tall eller en tom celle, fant «12a»",
      "stats-bad.csv:4: unit: Ukjent enhet «***********»; forventet count, activities, percent eller fte",
      "stats-bad.csv:5: id: «kept» står også på linje 2; en verdi i kolonnen «id» kan stå bare én gang",
      "Rapporten er laget uten 3 linje(r) fra datafilene, nevnt over",
    ])
  })

  it("names a rejected row of a file named like an identity number without the number", async () => {
    for (const fnr of ["01019012345", "010190 12345"]) {
      const path = file(`${fnr}.csv`, stats("late,Sen rad,Left row,count,12a,3\n"))
      const r = await cli([...year, "--statistics", path, "--out", join(dir, "fnr.html"), "--lang", "en"])
      expect(r.code).toBe(1)
      expect(lines(r.stderr)[0]).toBe('***********.csv:3: 2020: Expected a number or an empty cell, found "12a"')
      expect(Redact.containsNationalId(r.stderr)).toBe(false)
    }
  })

  it("names every row of a file whose header is wrong, and still writes the report", async () => {
    const path = file("stats-head.csv", "id,label_nb,unit,2021\na,A,count,1\nb,B,count,2\n")
    const out = join(dir, "stats-head.md")
    const r = await cli([...year, "--statistics", path, "--out", out, "--lang", "en"])
    expect(r.code).toBe(1)
    const wrong = 'label_en: The header row (line 1) is wrong, so no row can be read: Missing the column "label_en"'
    expect(lines(r.stderr)).toEqual([
      `stats-head.csv:2: ${wrong}`,
      `stats-head.csv:3: ${wrong}`,
      "The report was made without 2 line(s) of the data files, named above",
    ])
    expect(existsSync(out)).toBe(true)
  })

  it("keeps the first row of a municipality named twice, so each rate is its own", async () => {
    const rc = file("rc-twice.csv", "municipality,2021\nSandnes,30\nSola,3\nSandnes,50\n")
    const population = file("population.csv", "municipality,year,population\nSandnes,2021,1000\n")
    const out = join(dir, "rc-twice.html")
    const r = await cli([...year, "--recovery-college", rc, "--population", population, "--out", out, "--lang", "en"])
    expect(r.code).toBe(1)
    expect(lines(r.stderr)).toEqual([
      'rc-twice.csv:4: municipality: "Sandnes" also appears on line 2; a value of the column "municipality" may appear only once',
      "The report was made without 1 line(s) of the data files, named above",
    ])
    const html = readFileSync(out, "utf8")
    const section = html.slice(html.indexOf('<section id="recovery-college">'), html.indexOf('<section id="plan">'))
    // The first row's 30, and per 1,000 of 1,000 inhabitants its own 30: never the later row's 50.
    expect(section.match(/<tr><td>Sandnes<\/td><td>30<\/td>/gu)).toHaveLength(2)
    expect(section).not.toContain("<td>50</td>")
  })

  it("uses the usable rows of --population and names the others, as it does for the other data files", async () => {
    const rc = file("rc-pop.csv", "municipality,2021\nSandnes,30\nSola,3\n")
    const population = file("population-bad.csv", "municipality,year,population\nSandnes,2021,1000\nSola,2021,mange\n")
    const out = join(dir, "rc-pop.html")
    const r = await cli([...year, "--recovery-college", rc, "--population", population, "--out", out, "--lang", "en"])
    expect(r.code).toBe(1)
    expect(lines(r.stderr)).toEqual([
      'population-bad.csv:3: population: Expected a whole population above 0, without separators, found "mange"',
      "The report was made without 1 line(s) of the data files, named above",
    ])
    const html = readFileSync(out, "utf8")
    const section = html.slice(html.indexOf('<section id="recovery-college">'), html.indexOf('<section id="plan">'))
    // Sandnes has its rate (30 per 1,000 of 1,000 inhabitants); Sola has none, not one from a guessed population.
    expect(section.match(/<tr><td>Sandnes<\/td><td>30<\/td>/gu)).toHaveLength(2)
  })

  it("with --stop-on-violations writes no report and lists the rows in both languages, as a wrong record", async () => {
    const path = file("stats-stop.csv", stats("late,Sen,Late,count,x,3\n"))
    const kept = join(dir, "stats-kept.html")
    expect((await cli([...year, "--statistics", path, "--out", kept])).code).toBe(1)
    expect(existsSync(kept)).toBe(true)
    const out = join(dir, "stats-stop.html")
    const r = await cli([...year, "--statistics", path, "--out", out, "--stop-on-violations"])
    expect(r.code).toBe(1)
    expect(lines(r.stderr)).toEqual([
      "1 problem(s) in the data file / problem(er) i datafilen:",
      '  stats-stop.csv:3, field/felt 2020: Expected a number or an empty cell, found "x" / Forventet et tall eller en tom celle, fant «x»',
    ])
    expect(existsSync(out)).toBe(false)
  })
})

describe("aktivitet-report --data", () => {
  const year = generate({ policy, seed: 4, year: 2024, citizens: 40 })

  it.each([
    ["missing", "missing.json", null, /^Could not read missing\.json: ENOENT/u],
    [
      "not JSON",
      "data-syntax.json",
      '{\n  "year": 2024,\n  "enrollments": [\n}',
      /^data-syntax\.json: not valid JSON at line 4, column 1: Expected a value \//u,
    ],
    ["a list", "data-list.json", "[]", /^data-list\.json: expected an object with "year"/u],
    [
      "a year as text",
      "data-year.json",
      '{ "year": "2024" }',
      /^data-year\.json: \/year: expected a whole number \(the year\) \//u,
    ],
    [
      "an entity that is no list",
      "data-entity.json",
      '{ "year": 2024, "enrollments": {}, "attendance": "x" }',
      /^data-entity\.json: \/enrollments, \/attendance: expected an array \//u,
    ],
  ])("refuses a file that is %s in one line with exit code 2", async (_, name, text, message) => {
    const r = await cli(["--data", text === null ? join(dir, name) : file(name, text)])
    expect(r.code).toBe(2)
    oneLine(r.stderr.replaceAll(`${dir}/`, ""), message)
  })

  it("lists wrong records, each in both languages, with exit code 1", async () => {
    const bad = structuredClone(year) as unknown as { enrollments: Array<Record<string, unknown>> }
    bad.enrollments[1]!.start = "2024-13-01"
    const r = await cli(["--data", file("records.json", JSON.stringify(bad))])
    expect(r.code).toBe(1)
    // Records counted from 1: the second record is "record 2" / "post 2".
    expect(r.stderr).toMatch(
      /records\.json:\d+, record 2, field start: .* \/ .*records\.json:\d+, post 2, felt start: /u,
    )
  })

  // Changed on purpose: a key that is no entity is refused (its records would
  // be left out), "__proto__" as well; it still reaches no prototype.
  it("refuses a JSON key __proto__ as an unknown key, and no prototype changes", async () => {
    const text = JSON.stringify(year).replace(/^\{/u, '{"__proto__": { "polluted": 1 },')
    const r = await cli(["--data", file("proto.json", text), "--format", "json"])
    expect(r.code).toBe(2)
    oneLine(
      r.stderr.replaceAll(`${dir}/`, ""),
      /^proto\.json: unknown key \/__proto__\. Expected "year", optionally "municipality" and "source", and the entities/u,
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe("aktivitet-report usage and output", () => {
  it("exits with 2 and the usage on an option it does not know", async () => {
    const r = await cli(["--synthetic", "--colour", "red"])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^Unknown option --colour \/ Ukjent valg --colour\n/u)
    expect(r.stderr).toContain("aktivitet-report --data FILE.json")
  })

  it("refuses numbers that are not plain whole numbers", async () => {
    for (const seed of ["0x10", "1e3", " 7", "-1"]) expect((await cli(["--synthetic", "--seed", seed])).code).toBe(2)
  })

  it("names an output it cannot write in one line with exit code 2", async () => {
    const blocker = file("blocker", "a file, not a folder")
    const r = await cli([...synthetic, "--out", join(blocker, "report.md")])
    expect(r.code).toBe(2)
    oneLine(r.stderr, /Could not write .*blocker\/report\.md: .* \/ Kunne ikke skrive/u)
  })

  it("prints no stack trace as a process either, and a one-line message", () => {
    const cliPath = fileURLToPath(new URL("../../src/cli.ts", import.meta.url))
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=@aktivitetsmodell/source",
        cliPath,
        ...synthetic,
        "--capacity",
        file("cap-p.json", '{ "turgruppe": 0.001 }'),
      ],
      {
        encoding: "utf8",
        env: { ...process.env, TZ: "Europe/Oslo" },
      },
    )
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /^[^\n]*cap-p\.json:1: \/turgruppe: expected a whole number of places above 0, found 0\.001 \/ [^\n]*\n$/u,
    )
    expect(readFileSync(cliPath, "utf8")).not.toContain("e.stack")
  })
})
