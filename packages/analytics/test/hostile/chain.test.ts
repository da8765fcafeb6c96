// The chain the review found: a crafted CSV header through core's loader into
// buildReport. The header is refused by the loader, so no record carries it,
// no prototype changes, and the report is built from the valid records alone.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { loadCsvFile, readCsv } from "@aktivitetsmodell/core/node"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { buildReport } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

const g = globalThis as { __pwned?: unknown }

describe("a __proto__ header from a CSV export, through buildReport", () => {
  it("runs no code, sets no global, changes no prototype, and the report is still built", async () => {
    const year = generate({ policy, seed: 3, year: 2024, citizens: 60 })
    const header = [
      "id",
      "citizenId",
      "offeringId",
      "start",
      "status",
      "__proto__.x; globalThis.__pwned = 1; //",
      "__proto__.all",
    ]
    const rows = year.enrollments
      .slice(0, 20)
      .map((e) => [e.id, e.citizenId, e.offeringId, e.start, e.status, "1", "1"].join(","))
    const file = join(mkdtempSync(join(tmpdir(), "chain-")), "enrollments.csv")
    writeFileSync(file, [header.join(","), ...rows].join("\n"))

    const loaded = await loadCsvFile("enrollments", file)
    expect(loaded.valid).toHaveLength(0)
    expect(loaded.rejected).toHaveLength(20)
    expect(loaded.fileProblems[0]?.message.en).toContain("reserved name")
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(({} as Record<string, unknown>).all).toBeUndefined()

    const report = buildReport({ ...year, enrollments: [...loaded.valid] }, { policy, year: 2024 })
    expect(report).toBeDefined()
    expect(g.__pwned).toBeUndefined()
  })

  it("a clean export of the same records loads whole", () => {
    const year = generate({ policy, seed: 3, year: 2024, citizens: 60 })
    const rows = year.enrollments
      .slice(0, 20)
      .map((e) =>
        [
          e.id,
          e.citizenId,
          e.offeringId,
          e.start,
          e.status,
          e.end ?? "",
          e.referralId ?? "",
          e.closedOn ?? "",
          e.cohort ?? "",
        ].join(","),
      )
    const r = readCsv(
      "enrollments",
      ["id,citizenId,offeringId,start,status,end,referralId,closedOn,cohort", ...rows].join("\n"),
    )
    expect(r.rejected.map((x) => x.problems)).toEqual([])
    expect(r.valid).toHaveLength(20)
  })
})
