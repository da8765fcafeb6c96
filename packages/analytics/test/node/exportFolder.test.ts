// A folder of exports: every record of every file comes back valid or
// rejected with its file and line; names that are no entity are refused with
// a did-you-mean; hostile names and headers lose no record and reach no
// prototype.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Redact } from "@aktivitetsmodell/core"
import { tableFromArrays, tableToIPC } from "@uwdata/flechette"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { FileError, loadExportFolder } from "../../src/node/index.js"
import * as Rejected from "../../src/outputs/Rejected.js"
import { strictFrom } from "../../src/privacy/Profile.js"
import { exportFolders } from "../exportFolders.js"
import { policy } from "../fixturePolicy.js"

const strict = strictFrom(policy, "2024-12-31")

const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
/** A new folder named for 2024 holding the files given. */
const folder = exportFolders("export-folder-")
// For a folder whose name holds no year.
const root = mkdtempSync(join(tmpdir(), "export-folder-"))
const referralsHeader = "id,citizenId,therapistId,offeringId,date"
const referral = (i: number, date = "2024-01-08") => `r-${i},${P},s-2,turgruppe,${date}`
const citizens = `id,birthYear,departments,healthyLifeCentre,pathway\n${P},1980,rpha,false,2\n`

describe("loadExportFolder", () => {
  it("reads every file, lists rejected records with file, line and record from 1, and checks the invariants", async () => {
    const dir = folder({
      "citizens.csv": citizens,
      "referrals.csv": [
        referralsHeader,
        referral(1),
        referral(2, "2024-02-30"),
        referral(3).replace("turgruppe", "yoga-i-parken"),
      ].join("\n"),
    })
    const { dataset, section } = await loadExportFolder(dir, { policy })
    expect([dataset.year, dataset.referrals.length, dataset.offerings.length > 0]).toEqual([2024, 2, true])
    expect(section.files).toEqual([
      { file: "citizens.csv", entity: "citizens", records: 1, valid: 1, rejected: 0 },
      { file: "referrals.csv", entity: "referrals", records: 3, valid: 2, rejected: 1 },
    ])
    expect(section.fromCatalogue).toEqual(["departments", "offerings"])
    const shown = section.entries.map((e) => Rejected.line(e, "en"))
    expect(shown).toContain("referrals.csv:3, record 2, field date: Expected an existing calendar date as YYYY-MM-DD")
    // The third record is the second valid one: the violation names the file's own record and line.
    expect(shown.some((l) => l.startsWith("referrals.csv:4, record 3, field offeringId: [unknown-reference]"))).toBe(
      true,
    )
  })

  it("takes the year from --year, or refuses a folder whose name has none", async () => {
    const dir = join(root, "no-year")
    mkdirSync(dir)
    writeFileSync(join(dir, "citizens.csv"), citizens)
    await expect(loadExportFolder(dir, { policy })).rejects.toThrow(
      /give the year \(--year\), or name the folder after it/u,
    )
    expect((await loadExportFolder(dir, { policy, year: 2023 })).dataset.year).toBe(2023)
  })

  it.each([
    [
      "a misspelled entity",
      { "attendence.csv": "id\n" },
      /"attendence\.csv" \(did you mean "attendance\.csv"\?\).* \/ .*«attendence\.csv» \(mente du «attendance\.csv»\?\)/u,
    ],
    ["a name in capitals", { "Citizens.csv": citizens }, /"Citizens\.csv" \(did you mean "citizens\.csv"\?\)/u],
    [
      "__proto__.csv",
      { "__proto__.csv": citizens, "citizens.csv": citizens },
      /unknown file in the folder: "__proto__\.csv"/u,
    ],
    ["constructor.json", { "constructor.json": "[]" }, /unknown file in the folder: "constructor\.json"/u],
    ["a file of another kind", { "notes.txt": "hei" }, /unknown file in the folder: "notes\.txt"/u],
    [
      "two files for one entity",
      { "citizens.csv": citizens, "citizens.json": "[]" },
      /more than one file for citizens \(citizens\.csv, citizens\.json\); keep one/u,
    ],
    ["no export at all", {}, /no export files in the folder/u],
  ] as const)("refuses %s in one line, in both languages", async (_, files, message) => {
    const error = await loadExportFolder(folder(files), { policy }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain("\n")
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).birthYear).toBeUndefined()
  })

  it("never shows an identity number, in a file name or in a cell", async () => {
    const ids = ["01019012345", "010190 12345", "010190-12345"]
    const named = (await loadExportFolder(folder({ [`${ids[0]}.csv`]: citizens }), { policy }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error
    expect(named.message).toMatch(/unknown file in the folder/u)
    for (const id of ids) expect(named.message).not.toContain(id)
    const rows = ids.map((id, i) => `r-${i},${id},s-2,turgruppe,2024-01-08,${id}`)
    const { section } = await loadExportFolder(
      folder({ "referrals.csv": [`${referralsHeader},${ids[1]}`, ...rows].join("\n") }),
      { policy },
    )
    expect(section.files[0]).toMatchObject({ records: 3, rejected: 3 })
    const shown = [
      Rejected.toCsv(section, "nb"),
      Rejected.toCsv(section, "en"),
      Rejected.toHtml(section, "nb", strict),
      Rejected.toMarkdown(section, "en", strict),
    ].join("\n")
    for (const id of ids) expect(shown).not.toContain(id)
  })

  it("never shows a column heading the entity does not have, whatever it says (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Dots are drawn: a heading with an empty or reserved part breaks the whole header row, and that
        // message names the column by number only. No ";" or tab: enough of them would make the reader
        // take the header row as delimited by them.
        fc.string({ maxLength: 30 }).filter((t) => !/[,;"\t\r\n]/u.test(t)),
        fc.constantFrom("", ".", "..x", ".__proto__"),
        async (text, end) => {
          const heading = `Kari Nordmann ${text}`.trim() + end
          const { section } = await loadExportFolder(
            folder({ "referrals.csv": [`${referralsHeader},${heading}`, `${referral(1)},x`].join("\n") }),
            { policy },
          )
          expect(section.files[0]).toMatchObject({ records: 1, rejected: 1 })
          for (const out of [
            Rejected.toCsv(section, "nb"),
            Rejected.toHtml(section, "en", strict),
            Rejected.toMarkdown(section, "nb", strict),
            ...section.entries.map((e) => Rejected.line(e, "en")),
          ])
            expect(out).not.toContain("Kari")
        },
      ),
      { numRuns: 30 },
    )
  })

  it("never shows a heading written under a field the entity has, such as goal.<free text>", async () => {
    const head = "id,referralId,citizenId,therapistId,teamMemberId,date,goal.text"
    const row = `m-1,r-1,${P},s-2,s-9,2024-01-15,Gå en tur`
    for (const heading of ["goal.Kari Nordmann har angst", "goal.text.Kari Nordmann", "goal[0]"]) {
      const { section } = await loadExportFolder(
        folder({ "jointMeetings.csv": [`${head},${heading}`, `${row},x`].join("\n") }),
        { policy },
      )
      expect(section.files[0]).toMatchObject({ records: 1, rejected: 1 })
      const shown = [
        Rejected.toCsv(section, "en"),
        Rejected.toHtml(section, "nb", strict),
        Rejected.toMarkdown(section, "en", strict),
        ...section.entries.map((e) => Rejected.line(e, "en")),
      ].join("\n")
      expect(shown).not.toContain("Kari")
      // goal.text.… conflicts with goal.text, which refuses the header; the others are unknown columns.
      if (!heading.startsWith("goal.text")) expect(Rejected.toCsv(section, "en")).toContain(",(unknown column),")
    }
    // A field the entity has is still named.
    const { section } = await loadExportFolder(
      folder({ "jointMeetings.csv": [head, `m-1,r-1,${P},s-2,s-9,2024-13-15,Gå en tur`].join("\n") }),
      { policy },
    )
    expect(section.entries.map((e) => Rejected.line(e, "en")).join("\n")).toContain("field date")
  })

  it("reads a Norwegian-Excel fitScores.csv: ';' between fields and decimal commas", async () => {
    const text = `id;citizenId;date;instrument;items;total\r\no-1;${P};2024-02-05;ORS;5|4,5|6|5,2;20,7\r\n`
    const { dataset, section } = await loadExportFolder(folder({ "fitScores.csv": text }), { policy })
    expect(section.files[0]).toMatchObject({ records: 1, valid: 1, rejected: 0 })
    expect(dataset.fitScores.map((f) => [f.items, f.total])).toEqual([[[5, 4.5, 6, 5.2], 20.7]])
  })

  it("passes over hidden files such as .DS_Store", async () => {
    const { section } = await loadExportFolder(folder({ ".DS_Store": "\0\0", "citizens.csv": citizens }), { policy })
    expect(section.files.map((f) => f.file)).toEqual(["citizens.csv"])
  })

  it("keeps every row of a file with a formula or __proto__ in its header, rejected and listed", async () => {
    const formula = "id,citizenId,therapistId,offeringId,date,=cmd|' /C calc'!A0"
    const dir = folder({
      "referrals.csv": [formula, `${referral(1)},x`, `${referral(2)},`].join("\n"),
      "citizens.csv": `id,__proto__.polluted,birthYear\n${P},1,1980\n${P},2,1981\n`,
    })
    const { section } = await loadExportFolder(dir, { policy })
    expect(section.files.map((f) => [f.file, f.records, f.valid, f.rejected])).toEqual([
      ["citizens.csv", 2, 0, 2],
      ["referrals.csv", 2, 1, 1],
    ])
    expect(section.entries.filter((e) => e.kind === "file").map((e) => [e.file, e.line])).toEqual([["citizens.csv", 1]])
    // The heading is free text: it reaches neither rejected.csv nor the report, as a formula or otherwise.
    expect(Rejected.toCsv(section, "en")).toContain(",(unknown column),")
    expect(Rejected.toCsv(section, "en")).not.toContain("=cmd")
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("reads a file with a byte-order mark and CRLF line ends, numbering lines as the file shows them", async () => {
    const dir = folder({
      "referrals.csv": `\uFEFF${referralsHeader}\r\n${referral(1)}\r\n${referral(2, "2024-13-01")}\r\n`,
    })
    const { section } = await loadExportFolder(dir, { policy })
    expect(section.files[0]).toMatchObject({ records: 2, valid: 1, rejected: 1 })
    expect(section.entries.filter((e) => e.kind === "rejected").map((e) => [e.line, e.record, e.field])).toEqual([
      [3, 2, "date"],
    ])
  })

  it("says an empty file is empty, with no record lost or made up", async () => {
    const { section } = await loadExportFolder(folder({ "referrals.csv": "", "citizens.csv": citizens }), { policy })
    expect(section.files.find((f) => f.file === "referrals.csv")).toMatchObject({ records: 0, valid: 0, rejected: 0 })
    expect(section.entries.map((e) => [e.kind, e.file, e.line])).toContainEqual(["file", "referrals.csv", 1])
  })

  it("reads JSON (an array of records) with the line each record starts on", async () => {
    const records = [
      { id: "r-1", citizenId: P, therapistId: "s-2", offeringId: "turgruppe", date: "2024-01-08" },
      { id: "r-2", citizenId: P, therapistId: "s-2", offeringId: "turgruppe", date: "2024-02-30" },
    ]
    const { section } = await loadExportFolder(folder({ "referrals.json": JSON.stringify(records, null, 2) }), {
      policy,
    })
    expect(section.entries.filter((e) => e.kind === "rejected").map((e) => [e.line, e.record, e.field])).toEqual([
      [9, 2, "date"],
    ])
    await expect(loadExportFolder(folder({ "referrals.json": '{ "id": "r-1" }' }), { policy })).rejects.toThrow(
      /referrals\.json:1: Expected a JSON array of records/u,
    )
  })

  it("reads Arrow, one column per field, records numbered from 1 without lines", async () => {
    const table = tableFromArrays({
      id: ["r-1", "r-2"],
      citizenId: [P, P],
      therapistId: ["s-2", "s-2"],
      offeringId: ["turgruppe", "turgruppe"],
      date: ["2024-01-08", "2024-02-30"],
    })
    const { dataset, section } = await loadExportFolder(
      folder({ "referrals.arrow": tableToIPC(table, { format: "stream" })! }),
      { policy },
    )
    expect(dataset.referrals.map((r) => r.id)).toEqual(["r-1"])
    expect(section.entries.filter((e) => e.kind === "rejected").map((e) => [e.line, e.record, e.field])).toEqual([
      [null, 2, "date"],
    ])
    await expect(loadExportFolder(folder({ "referrals.arrow": "not arrow" }), { policy })).rejects.toThrow(
      /referrals\.arrow: not an Arrow \(IPC\) file/u,
    )
  })

  it("valid + rejected = input, whatever the rows hold", async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        "r-1",
        P,
        "s-2",
        "turgruppe",
        "2024-01-08",
        "2024-02-30",
        "",
        "01019012345",
        "010190 12345",
        "__proto__",
      ),
    )
    const row = fc.oneof(fc.constant(referral(1).split(",")), fc.array(cell, { minLength: 1, maxLength: 7 }))
    const records = fc.array(
      fc.oneof(
        fc.constant({ id: "r-9", citizenId: P, therapistId: "s-2", offeringId: "turgruppe", date: "2024-01-08" }),
        fc.anything(),
      ),
      { maxLength: 8 },
    )
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), records, async (rows, json) => {
        const quoted = rows.map((r) => r.map((c) => `"${c.replace(/"/gu, '""')}"`).join(","))
        const dir = folder({
          "referrals.csv": [referralsHeader, ...quoted].join("\n"),
          "episodes.json": JSON.stringify(json),
        })
        const { dataset, section } = await loadExportFolder(dir, { policy })
        // A row of nothing but empty cells (Excel's ",,,,") holds no record.
        const written = {
          "referrals.csv": rows.filter((r) => r.some((c) => c !== "")).length,
          "episodes.json": json.length,
        }
        for (const f of section.files) {
          expect(f.records).toBe(written[f.file as keyof typeof written])
          expect(f.valid + f.rejected).toBe(f.records)
          expect(dataset[f.entity as "referrals" | "episodes"]).toHaveLength(f.valid)
          expect(
            new Set(section.entries.filter((e) => e.kind === "rejected" && e.file === f.file).map((e) => e.record))
              .size,
          ).toBe(f.rejected)
        }
        // No identity number in what is listed, and no key of the input reached a prototype.
        expect(Redact.containsNationalId(JSON.stringify(section.entries))).toBe(false)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: 25 },
    )
  })
})
