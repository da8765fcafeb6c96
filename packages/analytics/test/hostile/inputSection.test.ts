// The report's input section is published with the report: it says how many
// records each file gave and which kinds of problems they had, counts
// suppressed as the tables are, and never what a finding says of one record
// (a minor's age on a date, a department, a name written in an id). The
// findings, each with its line and message, go to rejected.csv, which is for
// the analyst only.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Rejected from "../../src/outputs/Rejected.js"
import * as Profile from "../../src/privacy/Profile.js"
import { policy } from "../fixturePolicy.js"
import { cli } from "../node/inProcess.js"

const example = fileURLToPath(new URL("../../../../examples/data/export-2024", import.meta.url))
const strict = Profile.strictFrom(policy, "2024-12-31")
const [low, high] = Profile.smallRange(strict)

// The input section of a Markdown report: from its heading to the next one of its level.
const inputSection = (markdown: string): string => {
  const from = markdown.indexOf("\n## Innlesing")
  const to = markdown.indexOf("\n## ", from + 1)
  return markdown.slice(from, to === -1 ? undefined : to)
}

// The counts in the section's table cells (a hidden one is ":").
const countsIn = (section: string): Array<number> =>
  section
    .split("\n")
    .filter((l) => l.startsWith("|") && !l.startsWith("|---"))
    .flatMap((l) => l.split("|").map((c) => c.trim()))
    .filter((c) => /^\d[\d\u00a0 ]*$/u.test(c))
    .map((c) => Number(c.replace(/\D/gu, "")))

describe("the input section of a report of an export with a minor in a department's group", () => {
  const M = "e0f6cfd5478cf1289771c05c7eee0e1d"
  const dir = mkdtempSync(join(tmpdir(), "input-section-"))
  const data = join(dir, "export-2024")
  cpSync(example, data, { recursive: true })
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(data, file), change(readFileSync(join(data, file), "utf8")))
  edit("citizens.csv", (t) => t.replace(`${M},1997,1997-08-11,rpha,`, `${M},2008,2008-08-11,psykisk-helse,`))
  edit("enrollments.csv", (t) => `${t}n-2024-00099,${M},baltur-rpha,2024-09-10,ongoing,,,,\n`)
  edit("attendance.csv", (t) => `${t}a-2024-00999,x-2024-00372,n-2024-00099,${M},baltur-rpha,2024-09-16,present\n`)
  // Ids that hold a person's name: a therapist's, and an offering's.
  edit("referrals.csv", (t) => {
    const [head, first, second, ...rest] = t.split("\n")
    const therapist = first!.split(",")
    therapist[2] = "kari.nordmann"
    const offering = second!.split(",")
    offering[3] = "ola-hansen-schizofreni"
    return [head, therapist.join(","), offering.join(","), ...rest].join("\n")
  })

  it("shows counts by kind of problem, none of 1–4, and no line, age, date, department or name", async () => {
    const r = await cli([data, "--out", join(dir, "report.md")])
    // Written, with 1: records were rejected (docs/cli.md).
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`Skrev ${join(dir, "rejected.csv")} (intern, for analytikeren: skal ikke publiseres)`)
    const report = readFileSync(join(dir, "report.md"), "utf8")
    const section = inputSection(report)
    expect(section).toContain("| citizens.csv | regelbrudd | citizen-under-minimum-age | : |")
    expect(section).toContain("| enrollments.csv | regelbrudd | department-group-foreign-citizen | : |")
    for (const leak of ["citizens.csv:", "16 år", "2024-09-10", "psykisk-helse", "rpha", "kari.nordmann", "ola-hansen"])
      expect(report, leak).not.toContain(leak)
    for (const n of countsIn(section)) expect(n < low || n > high, String(n)).toBe(true)
    // The analyst still has every finding, with its line and message.
    const internal = readFileSync(join(dir, "rejected.csv"), "utf8")
    for (const detail of [
      "Innbyggeren er 16 år 2024-09-10",
      "«kari.nordmann»",
      "«ola-hansen-schizofreni»",
      "psykisk-helse",
    ])
      expect(internal).toContain(detail)
  })

  it("says the same in HTML", async () => {
    const r = await cli([data, "--out", join(dir, "report.html"), "--lang", "en"])
    expect(r.code).toBe(1)
    const html = readFileSync(join(dir, "report.html"), "utf8")
    expect(html).toContain("<td>citizens.csv</td><td>rule broken</td><td>citizen-under-minimum-age</td><td>:</td>")
    for (const leak of ["citizens.csv:", "16 years", "2024-09-10", "psykisk-helse", "kari.nordmann", "ola-hansen"])
      expect(html, leak).not.toContain(leak)
  })
})

// Random sections: files with their counts, rejected records and broken rules with lines and messages.
const entity = fc.constantFrom("citizens", "enrollments", "attendance", "referrals")
const sections = fc
  .array(
    fc.record({
      valid: fc.nat({ max: 40 }),
      rejected: fc.array(
        fc.array(fc.constantFrom("birthYear", "date", "status", "column 6", "Kari Nordmann"), {
          minLength: 1,
          maxLength: 3,
        }),
        { maxLength: 12 },
      ),
      violations: fc.array(
        fc.record({
          record: fc.nat({ max: 39 }),
          code: fc.constantFrom("unknown-reference", "citizen-under-minimum-age", "duplicate-id"),
        }),
        { maxLength: 12 },
      ),
      entity,
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((files): Rejected.Section => {
    const entries: Array<Rejected.Entry> = []
    const counts = files.map((f, i) => {
      const file = `${f.entity}-${i}.csv`
      const records = f.valid + f.rejected.length
      f.rejected.forEach((fields, j) => {
        for (const field of fields)
          entries.push({
            kind: "rejected",
            file,
            entity: f.entity,
            line: 1000 + j,
            record: j + 1,
            field,
            code: "",
            message: { nb: `SECRET-${field} Innbyggeren er 16 år`, en: `SECRET-${field} is 16` },
          })
      })
      for (const v of f.violations.filter((x) => x.record < f.valid))
        entries.push({
          kind: "violation",
          file,
          entity: f.entity,
          line: 2000 + v.record,
          record: f.rejected.length + v.record + 1,
          field: "therapistId",
          code: v.code,
          message: { nb: "Viser til ansatt «kari.nordmann»", en: "Refers to staff «kari.nordmann»" },
        })
      return { file, entity: f.entity, records, valid: f.valid, rejected: f.rejected.length }
    })
    return { files: counts, entries }
  })

// Parses the section's two tables back: the files, and the kinds of problems.
const tables = (markdown: string) => {
  const rows = markdown
    .split("\n")
    .filter((l) => l.startsWith("|") && !l.startsWith("|---"))
    .map((l) =>
      l
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim()),
    )
  const n = (c: string) => (c === ":" ? null : Number(c.replace(/\D/gu, "")))
  return {
    files: rows
      .filter((r) => r.length === 6 && r[0] !== "File")
      .map((r) => ({ file: r[0]!, cells: r.slice(2).map(n) })),
    problems: rows
      .filter((r) => r.length === 4 && r[0] !== "File")
      .map((r) => ({ file: r[0]!, kind: r[1]!, count: n(r[3]!) })),
  }
}

describe("the published input section (property)", () => {
  it("never holds a finding's line or message, shows no count of 1–4, and leaves none to work out by one sum", () => {
    fc.assert(
      fc.property(
        sections,
        fc.constantFrom<Profile.Profile>(strict, { name: "ssb", maxN: 3 }, { name: "rounding", base: 3 }),
        (section, profile) => {
          const [lo, hi] = Profile.smallRange(profile)
          const md = Rejected.toMarkdown(section, "en", profile)
          expect(md).not.toContain("SECRET")
          expect(md).not.toContain("kari")
          expect(md).not.toContain("Kari")
          expect(md).not.toMatch(/\.csv:\d/u)
          const html = Rejected.toHtml(section, "nb", profile)
          expect(html).not.toContain("SECRET")
          expect(html).not.toContain("16 år")
          expect(html).not.toContain("kari")
          const { files, problems } = tables(md)
          const shown = [...files.flatMap((f) => f.cells), ...problems.map((p) => p.count)]
          for (const v of shown) if (v !== null) expect(v >= lo && v <= hi, `${v} in ${lo}–${hi}`).toBe(false)
          // records = valid + rejected: two of them shown give the third.
          for (const {
            cells: [records, valid, rejected],
          } of files) {
            const known = [records, valid, rejected].filter((v) => v !== null).length
            expect(known === 2, JSON.stringify([records, valid, rejected])).toBe(false)
          }
          // A file's rejected records, when shown, leave no one kind of problem alone hidden.
          for (const f of files) {
            const kinds = problems.filter((p) => p.file === f.file && p.kind === "rejected record")
            // …and a hidden count of them is not the sum of its kinds all shown.
            if (f.cells[2] === null && kinds.length > 0)
              expect(
                kinds.every((p) => p.count !== null),
                f.file,
              ).toBe(false)
            if (f.cells[2] !== null && kinds.length > 0)
              expect(kinds.filter((p) => p.count === null).length === 1, f.file).toBe(false)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
