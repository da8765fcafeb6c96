// The audit anyone can run: it reads the published files (CSV, JSON, Arrow,
// from one run or several), rebuilds the relations from their metadata and
// lists every count in the small range that they show or give away.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Calendar, IsoDate, NationalId, Policy, Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { publishLegacy } from "../../bench/legacy.js"
import { Audit, buildReport, Export, Indicator, Indicators, Profile, Publish, Tables } from "../../src/index.js"
import { refusal } from "../../src/node/commands.js"
import { auditFiles, auditReport, loadProfile } from "../../src/node/index.js"
import { policy } from "../fixturePolicy.js"
import { att, session, year } from "../helpers.js"
import { cli } from "../node/inProcess.js"

const dir = mkdtempSync(join(tmpdir(), "audit-"))
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

// February: 15 booked, 14 present (one never came); March: 20, all present.
const feb = Array.from({ length: 15 }, (_, k) =>
  att(k + 1, "sandneshallen", "2024-02-05", k === 14 ? "absent" : "present"),
)
const mar = Array.from({ length: 20 }, (_, k) => att(k + 1, "sandneshallen", "2024-03-04"))
const tables = Tables.fromDataset(
  year({
    attendance: [...feb, ...mar],
    sessions: [session("sandneshallen", "2024-02-05"), session("sandneshallen", "2024-03-04")],
  }),
  { policy },
)
const booked = Indicator.compute(Indicators.catalogue.attendanceRate, tables, { by: ["month"], margins: true })
const present = Indicator.compute(Indicators.catalogue.participation, tables, { by: ["month"], margins: true })

describe("Audit", () => {
  it("finds a difference between two files of different runs that each were safe alone", () => {
    // Each table published on its own gives nothing away; published apart,
    // no single run saw both. Read together, booked − present is 1.
    const a = Publish.publish(booked, { tables })
    const b = Publish.publish(present, { tables })
    expect(Audit.run([Audit.read(Export.toJson(a), "a.json")]).findings).toEqual([])
    expect(Audit.run([Audit.read(Export.toJson(b), "b.json")]).findings).toEqual([])
    const both = Audit.run([Audit.read(Export.toJson(a), "a.json"), Audit.read(Export.toArrow(b), "b.arrow")])
    expect(both.findings.map((f) => Audit.describe(f, "en"))).toEqual([
      "2024-01-01/2024-12-31 attendance: bookedNeverPresent [month=2024-02] = 1, given by booked[month=2024-02] − present[month=2024-02] (a.json, b.arrow)",
    ])
    // Published together, as one publication, they do not.
    const together = Publish.publishAll([booked, present], { tables })
    expect(Audit.run(together.tables.map((t, i) => Audit.read(Export.toJson(t), `${i}.json`))).findings).toEqual([])
  })

  it("finds two runs that publish the same count with values a small count apart", () => {
    // A later run over corrected records: one more person present in March.
    const later = Tables.fromDataset(
      year({
        attendance: [...feb, ...mar, att(21, "sandneshallen", "2024-03-04")],
        sessions: [session("sandneshallen", "2024-02-05"), session("sandneshallen", "2024-03-04")],
      }),
      { policy },
    )
    const first = Publish.publish(present, { tables })
    const second = Publish.publish(
      Indicator.compute(Indicators.catalogue.participation, later, { by: ["month"], margins: true }),
      { tables: later },
    )
    expect(Audit.run([Audit.read(Export.toJson(second), "2.json")]).findings).toEqual([])
    const both = Audit.run([Audit.read(Export.toJson(first), "1.json"), Audit.read(Export.toJson(second), "2.json")])
    const differences = both.findings.filter((f) => f.relation.includes("(2.json) −"))
    expect(differences.length).toBeGreaterThan(0)
    expect(differences.every((f) => f.value === 1 && f.files.join() === "1.json,2.json")).toBe(true)
    // The same run read twice gives nothing away.
    expect(
      Audit.run([Audit.read(Export.toJson(first), "1.json"), Audit.read(Export.toJson(first), "1b.json")]).findings,
    ).toEqual([])
  })

  it("reads the long CSV, the JSON of a report, Arrow and the wide CSV of one table", () => {
    const old = [publishLegacy(booked), publishLegacy(present)].map((p) => ({ ...p, period: tables.period }))
    const csv = Audit.read(Export.tidy(old).toCSV(), "old.csv")
    const json = Audit.read(`{"title":"x","indicators":[${old.map((p) => Export.toJson(p)).join(",")}]}`, "old.json")
    const arrow = old.map((p, i) => Audit.read(Export.toArrow(p), `old-${i}.arrow`))
    const wide = old.map((p, i) => Audit.read(p.table.toCSV(), `old-${i}.csv`))
    for (const sources of [[csv], [json], arrow]) {
      expect(Audit.run(sources).findings.map((f) => `${f.what} ${f.value}`)).toContain("bookedNeverPresent 1")
    }
    // The wide CSV has no period: its cells are of one unknown period, and it still adds up.
    // It names no profile either: the range is the policy's, which the caller gives.
    const strict = Profile.asRule(Profile.strictFrom(policy, "2024-12-31"))
    expect(Audit.run(wide, strict).findings.map((f) => `${f.what} ${f.value}`)).toContain("bookedNeverPresent 1")
    expect(() => Audit.run(wide)).toThrow(/old-0\.csv, old-1\.csv names no disclosure profile: give \{ min, max \}/u)
    // Nothing to check needs no range; a file without counts needs none either.
    const [low, high] = Audit.run([]).range
    expect(low).toBeGreaterThan(high)
    expect(Audit.run([], strict).range).toEqual([1, 4])
    expect(Audit.run([Audit.read(Export.tidy([]).toCSV(), "empty.csv")]).findings).toEqual([])
    // A range from an edited policy is the one checked.
    const edited = Policy.make(
      [...policy.parameters].map(
        ([n, x]) => [n, n === "privacy.strict-max" ? { ...x, values: [{ from: "2023-03-09", value: 9 }] } : x] as const,
      ),
    )
    const nine = Profile.asRule(Profile.strictFrom(edited, "2024-12-31"))
    expect(Audit.run(wide, nine).range).toEqual([1, 9])
    expect(() => Audit.read("a,b\n1,2\n", "other.csv")).toThrow(/other\.csv: no metadata the audit recognises/u)
  })

  it("reports counts shown as they are, and takes the small range from the files' profile", () => {
    const shown = { ...publishLegacy(present), period: tables.period, profile: { name: "ssb", maxN: 3 } as const }
    const r = Audit.run([Audit.read(Export.toJson(shown), "s.json")])
    expect(r.range).toEqual([1, 3])
    expect(
      Audit.run([Audit.read(Export.toJson(shown), "s.json")], { max: 20 }).findings.map(
        (f) => `${f.how} ${f.what} ${f.value}`,
      ),
    ).toContain("published present 14")
  })

  it("describes a finding without the identity number a hostile file wrote in a value or its name", () => {
    const shown = { ...publishLegacy(present), period: tables.period, profile: { name: "ssb", maxN: 3 } as const }
    for (const fnr of ["01019012345", "010190 12345", "01.01.90.123.45"]) {
      const json = Export.toJson(shown).replaceAll('"2024-02"', JSON.stringify(fnr))
      const findings = Audit.run([Audit.read(json, `${fnr}.json`)], { max: 20 }).findings
      expect(findings.some((f) => JSON.stringify(f.pairs).includes(JSON.stringify(fnr)))).toBe(true)
      for (const lang of ["nb", "en"] as const)
        for (const line of findings.map((f) => Audit.describe(f, lang)))
          expect(Redact.containsNationalId(line), line).toBe(false)
    }
  })

  it("property: no identity number a file wrote as a value reaches a described finding", () => {
    const shown = { ...publishLegacy(present), period: tables.period, profile: { name: "ssb", maxN: 3 } as const }
    const json = Export.toJson(shown)
    const fnr = fc
      .tuple(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom("", " ", "-", "."))
      .map(([day, individual, gap]) => {
        const id = NationalId.makeNationalId(IsoDate.addDays("1940-01-01", day), individual)
        return id === undefined ? undefined : `${id.slice(0, 6)}${gap}${id.slice(6)}`
      })
      .filter((id): id is string => id !== undefined)
    fc.assert(
      fc.property(fnr, fc.constantFrom("en", "nb") as fc.Arbitrary<"en" | "nb">, (id, lang) => {
        const findings = Audit.run([Audit.read(json.replaceAll('"2024-02"', JSON.stringify(id)), "x.json")], {
          max: 20,
        }).findings
        expect(findings.length).toBeGreaterThan(0)
        for (const f of findings) expect(Redact.containsNationalId(Audit.describe(f, lang))).toBe(false)
      }),
      { numRuns: 40 },
    )
  })
})

describe("aktivitet-report audit", () => {
  const safe = Publish.publishAll([booked, present], { tables })
  const leaky = [publishLegacy(booked), publishLegacy(present)].map((p) => ({ ...p, period: tables.period }))

  it("exits with 0 on a publication that gives nothing away, in both languages", async () => {
    const file = write("safe.csv", Export.tidy(safe.tables).toCSV())
    const nb = await cli(["audit", file])
    expect(nb.code).toBe(0)
    expect(nb.stdout).toMatch(
      /^Reviderte 1 fil\(er\): \d+ tall om personer, \d+ skjult; område 1–4\nOK: ingen tall for 1–4 personer kan leses eller regnes ut$/u,
    )
    expect((await cli(["audit", file, "--lang", "en"])).stdout).toMatch(
      /OK: no count of 1–4 people can be read or worked out/u,
    )
  })

  it("exits with 1 and lists each finding with the relation that reveals it", async () => {
    const files = leaky.map((p, i) => write(`leaky-${i}.json`, Export.toJson(p)))
    const r = await cli(["audit", ...files, "--lang", "en"])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      "bookedNeverPresent [month=2024-02] = 1, given by booked[month=2024-02] − present[month=2024-02]",
    )
    expect(r.stdout.split("\n").at(-1)).toMatch(
      /^\d+ count\(s\) of 1–4 people can be read or worked out \/ \d+ tall for 1–4 personer kan leses eller regnes ut$/u,
    )
    expect((await auditFiles(files)).findings.length).toBeGreaterThan(0)
  })

  it("audits a file that names no profile for the shipped policy's strict range, or the range given", async () => {
    const wide = leaky.map((p, i) => write(`wide-${i}.csv`, p.table.toCSV()))
    const shipped = Profile.asRule(loadProfile("strict", Calendar.today()))
    expect((await auditFiles(wide)).range).toEqual([shipped.min, shipped.max])
    expect((await auditFiles(wide, { max: 9 })).range).toEqual([shipped.min, 9])
    const r = await cli(["audit", ...wide, "--lang", "en"])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`range ${shipped.min}–${shipped.max}`)
  })

  it("refuses a range that checks nothing, rather than report that nothing was found", async () => {
    const wide = leaky.map((p, i) => write(`range-${i}.csv`, p.table.toCSV()))
    // The policy's max (4) under a --min of 6: no count could be in range.
    const low = await cli(["audit", ...wide, "--min", "6", "--lang", "en"])
    expect(low.code).toBe(2)
    expect(low.stderr).toMatch(/^--min \(6\) is above 4, .* \/ --min \(6\) er over 4, /u)
    const swapped = await cli(["audit", ...wide, "--min", "5", "--max", "2", "--lang", "en"])
    expect(swapped.code).toBe(2)
    expect(swapped.stderr).toContain("--max (2) is less than --min (5)")
    const sources = wide.map((f) => Audit.read(readFileSync(f, "utf8"), f))
    expect(() => Audit.run(sources, { min: Number.NaN, max: Number.NaN })).toThrow(/not a range of whole numbers/u)
    expect(() => Audit.run(sources, { min: 3, max: 2 })).toThrow(/the range 3–2/u)
  })

  it("audits files with and without a profile for the widest of their ranges and the policy's", async () => {
    const ssb = write(
      "ssb.json",
      Export.toJson({ ...publishLegacy(present), period: tables.period, profile: { name: "ssb", maxN: 9 } }),
    )
    const wide = write("beside.csv", leaky[0]!.table.toCSV())
    expect((await auditFiles([ssb])).range).toEqual([1, 9])
    expect((await auditFiles([ssb, wide])).range).toEqual([1, 9])
  })

  it("exits with 2 on a file it cannot use, or no file", async () => {
    const r = await cli(["audit", write("notes.txt", "hello\n")])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/notes\.txt: no metadata the audit recognises .* \/ .*notes\.txt: ingen metadata/u)
    expect((await cli(["audit", join(dir, "missing.csv")])).code).toBe(2)
    expect((await cli(["audit"])).code).toBe(2)
  })
})

describe("the report's own audit", () => {
  const data = generate({ policy, seed: 2, year: 2024, citizens: 120 })

  it("passes for a report under every profile, and the report is written", async () => {
    for (const profile of ["strict", "ssb", "rounding"]) {
      const out = join(dir, `report-${profile}.csv`)
      const r = await cli(["--synthetic", "--seed", "2", "--citizens", "120", "--profile", profile, "--out", out])
      expect(r.code).toBe(0)
      expect((await cli(["audit", out])).code).toBe(0)
    }
    expect(auditReport(buildReport(data, { policy, profile: { name: "ssb", maxN: 3 } })).findings).toEqual([])
  })

  it("refuses to write a publication that would give a small count away, with a message in both languages", () => {
    const report = buildReport(data, { policy })
    const leaking = {
      ...report,
      published: [booked, present].map((r) => ({ ...publishLegacy(r), period: tables.period })),
    }
    const lines = refusal(auditReport(leaking), "en")!
    expect(lines[0]).toMatch(
      /^The report was not written: \d+ count\(s\) of 1–4 people can be read or worked out from it \/ Rapporten ble ikke skrevet/u,
    )
    expect(lines.join("\n")).toContain("bookedNeverPresent [month=2024-02] = 1")
    expect(refusal(auditReport(report), "en")).toBeNull()
  })
})

describe("profiles from the policy tree", () => {
  it("reads each profile's numbers as dated parameters", () => {
    expect(loadProfile("strict", "2024-12-31")).toEqual({ name: "strict", min: 1, max: 4 })
    expect(loadProfile("ssb", "2024-12-31")).toEqual({ name: "ssb", maxN: 3 })
    expect(loadProfile("rounding", "2024-12-31")).toEqual({ name: "rounding", base: 3 })
  })

  it("names the profile and its numbers in every output", async () => {
    const r = buildReport(generate({ policy, seed: 2, year: 2024, citizens: 60 }), {
      policy,
      profile: { name: "rounding", base: 5 },
      lang: "en",
    })
    expect(r.html).toContain("Profile &quot;rounding&quot; (small-count rounding)")
    expect(r.html).toContain("(rounding base=5)")
    expect(r.markdown).toContain("rounding base=5")
    expect(JSON.parse(Export.toJson(r.published[0]!)).profile).toEqual({ name: "rounding", base: 5 })
    expect(Export.tidy(r.published).objects()[0]).toMatchObject({ profile: "rounding base=5" })
    expect(r.summary).toContain("(profile rounding base=5)")
  })
})
