// One redaction, core's: a national identity number in any of its four
// written forms is caught by the last check before publishing, and masked in
// every message and CLI line the package prints.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Redact } from "@aktivitetsmodell/core"
import { describe, expect, it } from "vitest"
import {
  AnalyticsError,
  buildReport,
  EvaluationPlan,
  Identifiers,
  RecoveryCollege,
  ServiceStatistics,
  Tables,
} from "../../src/index.js"
import { run } from "../../src/node/run.js"
import { policy } from "../fixturePolicy.js"
import { att, session, year } from "../helpers.js"
import { thrown } from "./fixtures.js"

// One made-up number (a plausible birth date, 1 January 1990), written four ways.
const forms = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45"] as const
const digits = /\d{6}[ .-]?\d{5}|\d\d\.\d\d\.\d\d\.\d{3}\.\d\d/u

describe.each(forms)("a national identity number written %s", (id) => {
  it("is found by the check before publishing, and not repeated by it", () => {
    expect(Identifiers.find(`<td>${id}</td>`)).toEqual([id])
    const e = thrown(() => Identifiers.assertNone(`<td>${id}</td>`, "report.html"))
    expect(e.message).toMatch(/report\.html contains 1 possible identifier/u)
    expect(e.message).not.toContain(id)
  })

  it("in a feedback theme never reaches the report: a theme is a code of the list, free text is «annet»", () => {
    const feedback = Array.from({ length: 5 }, (_, k) => ({
      id: `b-${k}`,
      source: "citizen",
      date: "2024-04-02",
      offeringId: "turgruppe",
      theme: `ring ${id}`,
      rating: 4,
    }))
    const attendance = Array.from({ length: 6 }, (_, k) => att(k + 1, "turgruppe", "2024-04-02"))
    const report = buildReport(year({ feedback, attendance, sessions: [session("turgruppe", "2024-04-02")] }), {
      policy,
      year: 2024,
    })
    for (const text of [report.html, report.markdown, EvaluationPlan.toCsv(report.plan, "nb")])
      expect(text).not.toMatch(digits)
    expect(report.plan.rows.find((r) => r.id === "turgruppe")?.assessment.nb).toContain("Tema: annet.")
  })

  it("as an offering id stops the report, and no message repeats it", () => {
    const attendance = Array.from({ length: 6 }, (_, k) => att(k + 1, id, "2024-04-02"))
    const e = thrown(() =>
      buildReport(year({ attendance, sessions: [session(id, "2024-04-02")] }), { policy, year: 2024 }),
    )
    expect(e.message).not.toMatch(digits)
  })

  it("is masked in the messages of the package, whoever builds them", () => {
    // A date that is not a date, a unit, a population, a period, a message of its own.
    const messages = [
      thrown(() =>
        Tables.fromDataset(year({ sessions: [{ ...session("turgruppe", "2024-01-01"), date: id }] }), { policy }),
      ).message,
      thrown(() => ServiceStatistics.parse(`id,label_nb,label_en,unit,2021\nx,X,X,${id},1\n`, "s.csv")).message,
      thrown(() =>
        RecoveryCollege.perThousand({ years: [2021], rows: [] }, [{ municipality: id, year: 2021, population: 0 }]),
      ).message,
      thrown(() => Tables.fromDataset(year({}), { policy, period: { from: id, to: "2024-12-31" } })).message,
      new AnalyticsError({ nb: `fnr ${id}`, en: `id ${id}` }).message,
    ]
    for (const m of messages) {
      expect(m).not.toMatch(digits)
      expect(m).toContain(Redact.MASK)
    }
  })

  it("is masked in every line the command line prints", async () => {
    const dir = mkdtempSync(join(tmpdir(), "redact-"))
    const capacity = join(dir, "kapasitet.json")
    writeFileSync(capacity, JSON.stringify({ [id]: 0.5 }))
    const lines: Array<string> = []
    const io = { stdout: (t: string) => lines.push(t), stderr: (t: string) => lines.push(t) }
    expect(await run(["--data", join(dir, `${id}.json`)], io)).toBe(2)
    expect(await run(["--synthetic", "--citizens", "30", "--capacity", capacity], io)).toBe(2)
    expect(await run(["--synthetic", "--lang", id], io)).toBe(2)
    expect(lines.join("\n")).not.toMatch(digits)
    expect(lines.join("\n").split(Redact.MASK).length).toBeGreaterThanOrEqual(5)
  })
})
