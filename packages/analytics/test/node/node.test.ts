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
    expect(readFileSync(join(dir, "out", "report.csv"), "utf8").split("\n")[0]).toBe("indicator,offering,category,department,kprService,month,year,source,measure,value,suppressed,role,set,period,profile")
    await writeReport(report, join(dir, "out", "report.json"))
    expect((JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8")) as { indicators: Array<unknown> }).indicators.length).toBe(report.published.length)
    await writePlan(report.plan, join(dir, "out", "plan.csv"), "nb")
    expect(readFileSync(join(dir, "out", "plan.csv"), "utf8").startsWith("Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id\n")).toBe(true)
  })

  it("refuses a year with a bad record, naming the file, entity, record and field", async () => {
    const file = join(dir, "bad.json")
    const bad = structuredClone(data) as unknown as { enrollments: Array<Record<string, unknown>> }
    bad.enrollments[2]!.start = "2024-02-30"
    writeFileSync(file, JSON.stringify(bad))
    await expect(loadDataset(file)).rejects.toThrow(/bad\.json: enrollments\[2\], field\/felt start: Expected an existing calendar date as YYYY-MM-DD \/ Forventet en gyldig dato/u)
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
    await expect(readPopulation(bad)).rejects.toThrow(/population-bad\.csv:2: expected year and population as numbers/u)
  })
})
