import { describe, expect, it } from "vitest"
import * as Rejected from "../../src/outputs/Rejected.js"
import * as Profile from "../../src/privacy/Profile.js"
import { policy } from "../fixturePolicy.js"

const strict = Profile.strictFrom(policy, "2024-12-31")

const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

const section: Rejected.Section = {
  files: [
    { file: "citizens.csv", entity: "citizens", records: 3, valid: 2, rejected: 1 },
    { file: "referrals.csv", entity: "referrals", records: 2, valid: 2, rejected: 0 },
  ],
  entries: [
    {
      kind: "rejected",
      file: "citizens.csv",
      entity: "citizens",
      line: 3,
      record: 2,
      field: "birthYear",
      code: "",
      message: { nb: "Forventet et tall skrevet som tekst", en: "Expected a string representing a finite number" },
    },
    {
      kind: "violation",
      file: "referrals.csv",
      entity: "referrals",
      line: 2,
      record: 1,
      field: "citizenId",
      code: "unknown-reference",
      message: {
        nb: `Viser til innbygger «${P}», som ikke finnes i dataene`,
        en: `Refers to citizen "${P}", which is not in the data`,
      },
    },
    {
      kind: "rejected",
      file: "citizens.csv",
      entity: "citizens",
      line: 4,
      record: 3,
      field: "=cmd|' /C calc'!A0",
      code: "",
      message: { nb: "Ukjent felt: <b>det</b> er ikke tillatt her", en: "Expected no excess property" },
    },
  ],
}

describe("Rejected", () => {
  it("counts records, valid, rejected and broken rules", () => {
    expect(Rejected.totals(section)).toEqual({ records: 5, valid: 4, rejected: 1, violations: 1 })
  })

  it("writes one CSV row a finding, with lines and records from 1, pseudonyms masked and no formula", () => {
    const csv = Rejected.toCsv(section, "en").split("\n")
    expect(csv[0]).toBe("file,line,record,entity,kind,field,code,message")
    expect(csv[1]).toBe("citizens.csv,3,2,citizens,rejected,birthYear,,Expected a string representing a finite number")
    expect(csv[2]).toBe(
      'referrals.csv,2,1,referrals,violation,citizenId,unknown-reference,"Refers to citizen ""[pseudonym]"", which is not in the data"',
    )
    // A column heading the entity does not have is free text someone wrote: it is not shown at all.
    expect(csv[3]).toMatch(/^citizens\.csv,4,3,citizens,rejected,\(unknown column\),,/u)
    expect(Rejected.toCsv(section, "en")).not.toContain("=cmd")
    expect(Rejected.toHtml(section, "nb", strict)).toContain("felt (ukjent kolonne)")
    // A spreadsheet would run "=cmd…" as a formula: a file so named is written as text.
    const formula = { ...section, entries: [{ ...section.entries[0]!, file: "=cmd|' /C calc'!A0.csv" }] }
    expect(Rejected.toCsv(formula, "en").split("\n")[1]).toMatch(/^'=cmd\|' \/C calc'!A0\.csv,3,/u)
    expect(Rejected.toCsv(section, "nb")).not.toContain(P)
  })

  // Changed on purpose: the published section gives counts by kind of problem, suppressed, and no finding's line or message.
  it("renders the section in HTML and Markdown as suppressed counts, every text escaped", () => {
    const html = Rejected.toHtml(section, "nb", strict)
    expect(html).toContain('<section id="input"><h2>Innlesing: avviste poster og regelbrudd</h2>')
    expect(html).toContain("<td>citizens.csv</td><td>avvist post</td><td>felt birthYear</td><td>:</td>")
    expect(html).not.toContain("&lt;b&gt;det")
    expect(html).not.toContain("citizens.csv:3")
    expect(html).not.toContain(P)
    const md = Rejected.toMarkdown(section, "en", strict)
    expect(md).toContain("| referrals.csv | rule broken | unknown-reference | : |")
    expect(md).toContain("| citizens.csv | citizens | : | : | : | 0 |")
    expect(md).toContain("Records read: 5; valid: suppressed; rejected: suppressed;")
    expect(md).not.toContain("Refers to")
  })

  it("lists every finding in rejected.csv, however many there are", () => {
    const many: Rejected.Section = {
      files: section.files,
      entries: Array.from({ length: 203 }, () => section.entries[0]!),
    }
    expect(Rejected.toCsv(many, "nb").trimEnd().split("\n")).toHaveLength(204)
    expect(Rejected.toMarkdown(many, "nb", strict)).not.toContain("citizens.csv:3")
  })

  it("shows no count of the input without the profile the report is published with", () => {
    expect(() => Rejected.toMarkdown(section, "nb", undefined as unknown as Profile.Profile)).toThrow(
      /needs the profile the report is published with/u,
    )
  })

  it("refuses a section of the wrong shape in both languages", () => {
    expect(() =>
      Rejected.toHtml({ files: [], entries: [{ kind: "oops" }] } as unknown as Rejected.Section, "nb", strict),
    ).toThrow(/each entry must be .* \/ Rejected\.toHtml: hver linje må være/u)
  })
})
