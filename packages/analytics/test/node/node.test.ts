import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { buildReport } from "../../src/index.js"
import { loadDataset, readPopulation, writePlan, writeReport } from "../../src/node/index.js"
import { policy } from "../fixturePolicy.js"

const dir = mkdtempSync(join(tmpdir(), "analytics-node-"))
const data = generate({ policy, seed: 5, year: 2024, citizens: 120 })

describe("node helpers", () => {
  it("loads a municipality-year from JSON and reports from it", async () => {
    const file = join(dir, "year.json")
    writeFileSync(file, JSON.stringify(data))
    const loaded = await loadDataset(file)
    expect(loaded.enrollments.length).toBe(data.enrollments.length)
    const report = buildReport(loaded, { policy })
    expect(await writeReport(report, join(dir, "out", "report.html"))).toBe(join(dir, "out", "report.html"))
    expect(readFileSync(join(dir, "out", "report.html"), "utf8")).toBe(report.html)
    await writeReport(report, join(dir, "out", "report.csv"))
    expect(readFileSync(join(dir, "out", "report.csv"), "utf8").split("\n")[0]).toBe(
      "indicator,municipality,offering,category,department,kprService,month,year,source,measure,value,suppressed,notApplicable,role,set,period,profile,dataSource,synthetic,generatedAt,versions,policyHash",
    )
    await writeReport(report, join(dir, "out", "report.json"))
    expect(
      (JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8")) as { indicators: Array<unknown> }).indicators
        .length,
    ).toBe(report.published.length)
    await writePlan(report.plan, join(dir, "out", "plan.csv"), "nb")
    expect(
      readFileSync(join(dir, "out", "plan.csv"), "utf8").startsWith(
        "Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id\n",
      ),
    ).toBe(true)
  })

  // Changed on purpose: records are counted from 1, as people count them
  // (the third is "record 3", not "enrollments[2]"), with the line it starts on.
  it("refuses a year with a bad record, naming the file, line, record and field", async () => {
    const file = join(dir, "bad.json")
    const bad = structuredClone(data) as unknown as { enrollments: Array<Record<string, unknown>> }
    bad.enrollments[2]!.start = "2024-02-30"
    writeFileSync(file, JSON.stringify(bad, null, 1))
    // The line the record starts on: its "{", above the wrong date.
    const lines = JSON.stringify(bad, null, 1).split("\n")
    const line =
      lines.findLastIndex((l, i) => l.trim() === "{" && i < lines.findIndex((x) => x.includes('"2024-02-30"'))) + 1
    const error = (await loadDataset(file).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error
    expect(error.message).toContain(
      `bad.json:${line}, record 3, field start: Expected an existing calendar date as YYYY-MM-DD`,
    )
    expect(error.message).toContain(`bad.json:${line}, post 3, felt start: Forventet en gyldig dato`)
  })

  it("refuses a key that is no entity, with a did-you-mean, rather than leave its records out", async () => {
    const file = join(dir, "typo.json")
    const { attendance, ...rest } = data
    writeFileSync(file, JSON.stringify({ ...rest, attendence: attendance }))
    await expect(loadDataset(file)).rejects.toThrow(
      /typo\.json: unknown key \/attendence; did you mean "attendance"\? Expected "year", optionally "municipality" and "source", and the entities .* \/ .*typo\.json: ukjent nøkkel \/attendence; mente du «attendance»\? Forventet/u,
    )
  })

  it("keeps the municipality a file names, and refuses one that is not four digits as text", async () => {
    const file = join(dir, "sandnes.json")
    writeFileSync(file, JSON.stringify({ ...data, municipality: "1108" }))
    expect((await loadDataset(file)).municipality).toBe("1108")
    for (const [name, municipality] of [
      ["number.json", 1108],
      ["short.json", "108"],
      ["identity.json", "01017012345"],
    ] as const) {
      const bad = join(dir, name)
      writeFileSync(bad, JSON.stringify({ ...data, municipality }))
      const error = await loadDataset(bad).then(
        () => undefined,
        (e: unknown) => e as Error,
      )
      expect(error?.message).toMatch(/\/municipality: expected a municipality number of four digits as text/u)
      expect(error?.message).not.toContain("01017012345")
    }
  })

  it("refuses a file that is not JSON", async () => {
    const file = join(dir, "broken.json")
    writeFileSync(file, "{ year: 2024")
    await expect(loadDataset(file)).rejects.toThrow(/broken\.json: not valid JSON/u)
  })

  it("reads a population table and names a bad line", async () => {
    // MADE-UP figures, for the reader only.
    const good = join(dir, "population.csv")
    writeFileSync(good, "municipality,year,population\nSandnes,2021,1000\n")
    expect(await readPopulation(good)).toEqual([{ municipality: "Sandnes", year: 2021, population: 1000 }])
    const bad = join(dir, "population-bad.csv")
    writeFileSync(bad, "municipality,year,population\nSandnes,2021,mange\n")
    await expect(readPopulation(bad)).rejects.toThrow(
      /population-bad\.csv:2, field population: Expected a whole population above 0, without separators, found "mange"/u,
    )
  })
})
