// A file that could not be read publishes its indicators as missing, never as
// zero: no file, an empty file, a file whose every record was rejected. A
// file with a header and no rows says there were none: its zeros stand.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Export } from "../../src/index.js"
import { all } from "../../src/indicators/index.js"
import { inputsOf } from "../../src/internal/indicatorInputs.js"
import { loadExportFolder } from "../../src/node/index.js"
import { buildReport } from "../../src/Report.js"
import { policy } from "../fixturePolicy.js"
import { cli } from "./inProcess.js"

const example = fileURLToPath(new URL("../../../../examples/data/export-2024", import.meta.url))
const root = mkdtempSync(join(tmpdir(), "missing-inputs-"))
let n = 0
/** The example folder with some files changed (a text) or taken away (null). */
const changed = (files: Readonly<Record<string, string | null>>): string => {
  const dir = join(root, `f${n++}-2024`)
  cpSync(example, dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, name))
    else writeFileSync(join(dir, name), text)
  }
  return dir
}

const reportOf = async (dir: string) => {
  const { dataset, missing } = await loadExportFolder(dir, { policy })
  return buildReport(dataset, { policy, lang: "en", ...(missing === undefined ? {} : { missing }) })
}
// Every measure of every published table of an indicator.
const valuesOf = (report: Awaited<ReturnType<typeof reportOf>>, id: string) =>
  report.published
    .filter((p) => p.indicator.id === id)
    .flatMap((p) => p.indicator.measures.flatMap((m) => Array.from(p.table.array(m.column) as ArrayLike<unknown>)))

const contributionsHeader = readFileSync(join(example, "contributions.csv"), "utf8").split("\n")[0]!

describe("an indicator whose input could not be read", () => {
  it("is published as missing when its file is empty, with the reason", async () => {
    const report = await reportOf(changed({ "transitions.csv": "" }))
    expect(valuesOf(report, "communityTransition").every((v) => v === null)).toBe(true)
    expect(valuesOf(report, "recoveryStart").every((v) => v === null)).toBe(true)
    // Indicators that do not count transitions are as before.
    expect(valuesOf(report, "attendanceRate").some((v) => typeof v === "number" && v > 0)).toBe(true)
    const section = report.markdown.split("## Transition to ordinary community activity")[1]!.split("\n## ")[0]!
    expect(section).toContain("The figures are missing: transitions.csv: The file is empty")
    expect(section).not.toMatch(/\| 0 \|/u)
    expect(report.html).toContain('<p class="missing"><strong>The figures are missing: transitions.csv')
    expect(report.summary).toContain("The figures are missing: transitions.csv")
    // The published files say missing too: an empty value, not 0.
    const json = JSON.parse(Export.reportJson(report)) as {
      indicators: Array<{ indicator: string; rows: Array<Record<string, unknown>> }>
    }
    const transition = json.indicators.find((t) => t.indicator === "communityTransition")!
    expect(transition.rows.every((r) => r.transitioned === null)).toBe(true)
  })

  it("is published as missing when every record of its file is rejected (a wrong header)", async () => {
    const body = readFileSync(join(example, "contributions.csv"), "utf8").split("\n").slice(1).join("\n")
    const header = contributionsHeader.replace("sharePercent", "andel")
    const report = await reportOf(changed({ "contributions.csv": `${header}\n${body}` }))
    expect(valuesOf(report, "departmentContributions").every((v) => v === null)).toBe(true)
    expect(report.markdown).toMatch(/The figures are missing: all \d+ records of contributions\.csv were rejected/u)
    expect(
      report.markdown.split("## Department contributions to the activity team")[1]?.split("\n## ")[0] ?? "",
    ).not.toContain("0%")
  })

  it("is published as missing when the folder has no file for it", async () => {
    const report = await reportOf(changed({ "extensions.csv": null }))
    expect(valuesOf(report, "extensionRate").every((v) => v === null)).toBe(true)
    expect(report.markdown).toContain("The figures are missing: the folder has no file for extensions")
  })

  it("keeps its zeros when the file holds a header and no rows", async () => {
    const report = await reportOf(changed({ "extensions.csv": "id,enrollmentId,date,newEnd\n" }))
    expect(valuesOf(report, "extensionRate")).toContain(0)
    expect(report.markdown).not.toContain("The figures are missing")
  })

  it("says so on the command line's report too", async () => {
    const dir = changed({ "transitions.csv": "" })
    const { stdout } = await cli([dir, "--format", "md", "--lang", "nb", "--rejected", join(dir, "rejected.csv")])
    const section = stdout.split("## Overgang til ordinær aktivitet")[1]!.split("\n## ")[0]!
    expect(section).toContain("Tallene mangler: transitions.csv: Filen er tom")
    expect(section).not.toContain("| 0 |")
  })

  it("names the input of every catalogue indicator", () => {
    for (const indicator of all) expect(inputsOf(indicator), indicator.id).not.toEqual([])
  })

  it("publishes missing exactly the indicators that count an unreadable file (property)", async () => {
    const entities = ["attendance", "sessions", "enrollments", "transitions", "fitScores", "feedback", "contributions"]
    const how = fc.constantFrom("empty", "gone", "rejected")
    await fc.assert(
      fc.asyncProperty(fc.subarray(entities, { minLength: 1, maxLength: 2 }), how, async (lost, kind) => {
        const files = Object.fromEntries(
          lost.map((e) => {
            const text = readFileSync(join(example, `${e}.csv`), "utf8")
            const [head, ...rest] = text.split("\n")
            return [`${e}.csv`, kind === "empty" ? "" : kind === "gone" ? null : [`${head},x`, ...rest].join("\n")]
          }),
        )
        const report = await reportOf(changed(files))
        for (const indicator of all) {
          const values = valuesOf(report, indicator.id)
          const counts = inputsOf(indicator).some((e) => lost.includes(e))
          if (counts)
            expect(
              values.every((v) => v === null),
              indicator.id,
            ).toBe(true)
          else
            expect(
              values.some((v) => v !== null),
              indicator.id,
            ).toBe(true)
        }
      }),
      { numRuns: 8 },
    )
  })
})
