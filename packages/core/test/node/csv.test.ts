import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { FileError, loadCatalogueFile, loadCsvFile, loadJsonFile, readCsv } from "../../src/node/index.js"

const dir = mkdtempSync(join(tmpdir(), "core-csv-"))
const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

describe("readCsv", () => {
  it("nests dotted headers, splits list fields on |, and reports rejected rows with their line", () => {
    const text = [
      "id,referralId,citizenId,therapistId,teamMemberId,date,goal.text,goal.measure",
      `m-1,r-1,${P},s-2,s-9,2024-01-15,Gå tur to ganger i uka,`,
      `m-2,r-2,${P},s-2,s-9,2024-01-15,,`,
      `"m-3",r-3,${P},s-2,s-9,"2024-01-16","Sove bedre, ""og"" trene",Dagbok`,
    ].join("\n")
    const r = readCsv("jointMeetings", text)
    expect(r.valid).toEqual([
      {
        id: "m-1",
        referralId: "r-1",
        citizenId: P,
        therapistId: "s-2",
        teamMemberId: "s-9",
        date: "2024-01-15",
        goal: { text: "Gå tur to ganger i uka" },
      },
      {
        id: "m-3",
        referralId: "r-3",
        citizenId: P,
        therapistId: "s-2",
        teamMemberId: "s-9",
        date: "2024-01-16",
        goal: { text: 'Sove bedre, "og" trene', measure: "Dagbok" },
      },
    ])
    expect(r.rejected.map((x) => [x.index, x.line, x.problems.map((p) => `${p.field}: ${p.message.en}`)])).toEqual([
      [1, 3, ["goal: Missing key"]],
    ])
  })

  it("reads lists and tuples: departments and FIT items", () => {
    const citizens = readCsv(
      "citizens",
      `id,birthYear,departments,healthyLifeCentre,pathway\n${P},1990,psykisk-helse|rpha,false,2\n`,
    )
    expect(citizens.valid[0]?.departments).toEqual(["psykisk-helse", "rpha"])
    const fit = readCsv(
      "fitScores",
      `id,citizenId,date,instrument,items,total\no-1,${P},2024-02-05,ORS,5|4.5|6|5,20.5\n`,
    )
    expect(fit.valid[0]?.items).toEqual([5, 4.5, 6, 5])
  })

  it("reads an empty list cell as the empty list, and an empty tuple cell as missing", () => {
    const citizens = readCsv("citizens", `id,birthYear,departments,healthyLifeCentre,pathway\n${P},1990,,true,1\n`)
    expect([citizens.rejected, citizens.valid[0]?.departments]).toEqual([[], []])
    const fit = readCsv("fitScores", `id,citizenId,date,instrument,items,total\no-1,${P},2024-02-05,ORS,,20\n`)
    expect(fit.rejected[0]?.problems.map((p) => p.field)).toEqual(["items"])
  })

  it("gives the line each record starts on, valid or rejected, by record index", () => {
    const r = readCsv(
      "referrals",
      `\uFEFFid,citizenId,therapistId,offeringId,date\r\nr-1,${P},s-2,turgruppe,2024-01-08\r\n\r\n"r-2\nb",${P},s-2,turgruppe,2024-02-30\r\nr-3,${P},s-2,turgruppe,2024-01-09\r\n`,
    )
    expect([r.total, r.lines, r.rejected.map((x) => [x.index, x.line])]).toEqual([3, [2, 4, 6], [[1, 4]]])
  })

  it("a cell beyond the header is reported, not dropped", () => {
    const r = readCsv(
      "referrals",
      `id,citizenId,therapistId,offeringId,date\nr-1,${P},s-2,turgruppe,2024-01-08,ekstra\n`,
    )
    expect(r.rejected[0]?.problems.map((p) => p.field)).toEqual(["column 6"])
  })

  it("valid + rejected equals the number of data rows, whatever the cells hold", () => {
    const cell = fc.string({ maxLength: 12 })
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell, cell), { maxLength: 20 }), (rows) => {
        const esc = (s: string) => `"${s.replace(/"/g, '""')}"`
        const text = ["id,citizenId,therapistId,offeringId,date", ...rows.map((r) => r.map(esc).join(","))].join("\n")
        const out = readCsv("referrals", text)
        // Every quoted row is a record, except one of nothing but empty cells (Excel's ",,,,").
        const records = rows.filter((r) => r.some((c) => c !== "")).length
        expect(out.total).toBe(records)
        expect(out.valid.length + out.rejected.length).toBe(records)
      }),
      { numRuns: 100 },
    )
  })
})

describe("file loaders", () => {
  it("loads a CSV file and a JSON file", async () => {
    const csv = join(dir, "referrals.csv")
    writeFileSync(
      csv,
      `id,citizenId,therapistId,offeringId,date\nr-1,${P},s-2,turgruppe,2024-01-08\nr-2,${P},s-2,turgruppe,2024-02-30\n`,
    )
    const fromCsv = await loadCsvFile("referrals", csv)
    expect([fromCsv.valid.length, fromCsv.rejected.map((r) => r.line)]).toEqual([1, [3]])
    const json = join(dir, "referrals.json")
    writeFileSync(
      json,
      JSON.stringify([
        { id: "r-1", citizenId: P, therapistId: "s-2", offeringId: "turgruppe", date: "2024-01-08" },
        { id: "r-2" },
      ]),
    )
    const fromJson = await loadJsonFile("referrals", json)
    expect([fromJson.valid.length, fromJson.rejected.map((r) => r.index), fromJson.lines]).toEqual([1, [1], [1, 1]])
  })

  it("a file that is not JSON fails with its name and line", async () => {
    const json = join(dir, "broken.json")
    writeFileSync(json, '[\n  {"id": "r-1"},\n  {"id": }\n]')
    await expect(loadJsonFile("referrals", json)).rejects.toBeInstanceOf(FileError)
    await expect(loadJsonFile("referrals", json)).rejects.toThrow(
      `${json}:3: Not valid JSON: Expected a value (column 10)`,
    )
  })

  it("a bad catalogue file names file:line, the entry and the field", async () => {
    const { readFileSync } = await import("node:fs")
    const text = readFileSync(new URL("../../catalogue/offerings.json", import.meta.url), "utf8").replace(
      '"priceNok": 0',
      '"priceNok": "null"',
    )
    const file = join(dir, "catalogue.json")
    writeFileSync(file, text)
    const line = text.split("\n").findIndex((l) => l.includes('"priceNok": "null"')) + 1
    await expect(loadCatalogueFile(file)).rejects.toThrow(
      `${file}:${line}: offerings[0].priceNok (individuell-trening-mudo): Expected number / Forventet tall`,
    )
  })
})
