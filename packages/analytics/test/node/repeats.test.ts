import type { Dataset } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { loadExportFolder } from "../../src/node/index.js"
import * as Rejected from "../../src/outputs/Rejected.js"
import { dataset as randomYear } from "../arbitraries.js"
import { exportFolders } from "../exportFolders.js"
import { policy } from "../fixturePolicy.js"

/** A new folder named for 2024 holding the files given. */
const folder = exportFolders("repeats-")

const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const header = "id,citizenId,offeringId,start,end,status"
const row = (id: string, start = "2024-02-01") => `${id},${P},turgruppe,${start},2024-02-28,completed`
const citizens = `id,birthYear,departments,healthyLifeCentre,pathway\n${P},1980,rpha,false,2\n`

describe("a repeated id", () => {
  it("keeps the first record, rejects the repeat naming both lines, and counts it once", async () => {
    const dir = folder({
      "citizens.csv": citizens,
      "enrollments.csv": [header, row("n-1"), row("n-2"), row("n-1"), row("n-1", "2024-03-01")].join("\n"),
    })
    const { dataset, section } = await loadExportFolder(dir, { policy })
    expect(dataset.enrollments.map((e) => [e.id, e.start])).toEqual([
      ["n-1", "2024-02-01"],
      ["n-2", "2024-02-01"],
    ])
    expect(section.files.find((f) => f.entity === "enrollments")).toMatchObject({ records: 4, valid: 2, rejected: 2 })
    const lines = section.entries.filter((e) => e.kind === "rejected").map((e) => Rejected.line(e, "en"))
    expect(lines).toEqual([
      'enrollments.csv:4, record 3, field id: The id "n-1" already belongs to record 1 (line 2); this repeat is set aside and not counted by the indicators',
      'enrollments.csv:5, record 4, field id: The id "n-1" already belongs to record 1 (line 2); this repeat is set aside and not counted by the indicators',
    ])
    expect(Rejected.line(section.entries.find((e) => e.kind === "rejected")!, "nb")).toContain(
      "Id-en «n-1» har allerede post 1 (linje 2)",
    )
    // No rule of the model is said to be broken by the id: only one record has it now.
    expect(section.entries.filter((e) => e.code === "duplicate-id")).toEqual([])
  })

  it("keeps a later record when the earlier one with its id was rejected", async () => {
    const dir = folder({ "enrollments.csv": [header, row("n-1", "2024-02-30"), row("n-1")].join("\n") })
    const { dataset, section } = await loadExportFolder(dir, { policy })
    expect(dataset.enrollments.map((e) => e.start)).toEqual(["2024-02-01"])
    expect(section.files[0]).toMatchObject({ records: 2, valid: 1, rejected: 1 })
  })

  // Every entity as a JSON file: the same records, and the same records with some repeated.
  const asFolder = (data: Dataset.Dataset, repeat: (entity: string, records: Array<unknown>) => Array<unknown>) =>
    folder(
      Object.fromEntries(
        Object.entries(data)
          .filter(([k, v]) => Array.isArray(v) && k !== "offerings" && k !== "departments")
          .map(([k, v]) => [`${k}.json`, JSON.stringify(repeat(k, [...(v as Array<unknown>)]))]),
      ),
    )
  const figures = (data: Dataset.Dataset) => {
    const tables = Tables.fromDataset(data, { policy })
    return Indicators.all.map((i) => Indicator.compute(i, tables, { by: [] }).table.objects())
  }

  it("gives the indicators of the folder without repeats, every repeat rejected (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomYear,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
        async (data, picks) => {
          const plain = await loadExportFolder(
            asFolder(data, (_, r) => r),
            { policy },
          )
          let repeats = 0
          const repeated = await loadExportFolder(
            asFolder(data, (entity, records) => {
              const mine = picks.filter(([e]) => Object.keys(data).indexOf(entity) === e % Object.keys(data).length)
              for (const [, from, to] of mine) {
                if (records.length === 0) continue
                // A copy of a record, anywhere after it.
                const i = from % records.length
                const at = i + 1 + (to % (records.length - i))
                records.splice(at, 0, structuredClone(records[i]))
                repeats++
              }
              return records
            }),
            { policy },
          )
          expect(Rejected.totals(plain.section).rejected).toBe(0)
          expect(Rejected.totals(repeated.section).rejected).toBe(repeats)
          expect(repeated.section.entries.filter((e) => e.kind === "rejected").every((e) => e.field === "id")).toBe(
            true,
          )
          for (const f of repeated.section.files) expect(f.valid + f.rejected).toBe(f.records)
          expect(repeated.dataset).toEqual(plain.dataset)
          expect(figures(repeated.dataset)).toEqual(figures(plain.dataset))
        },
      ),
      { numRuns: 20 },
    )
  })
})
