// The hostile and sloppy exports a municipality's record systems can produce,
// each with the outcome the reader must give: nothing runs, nothing is lost,
// every rejection names its line and column, no identity number is echoed.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { FileError, loadCsvFile, readCsv, readCsvBytes } from "../../src/node/index.js"
import * as Redact from "../../src/Redact.js"

const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const HEAD = "id,citizenId,therapistId,offeringId,date"
const ok = (id: string) => `${id},${P},s-2,turgruppe,2024-01-08`
const messages = (r: ReturnType<typeof readCsv>) => JSON.stringify([r.rejected.map((x) => x.problems), r.fileProblems])

const summary = (r: ReturnType<typeof readCsv>) => ({
  valid: r.valid.map((v) => (v as { id: string }).id),
  rejected: r.rejected.map((x) => [x.line, x.problems.map((p) => p.field).join(" ")]),
})

describe("headers that aim at a prototype", () => {
  for (const header of [
    "__proto__.date",
    "__proto__.all",
    "constructor.prototype.x",
    "goal.__proto__",
    "prototype",
    "__proto__.x; globalThis.pwned = 1; //",
  ]) {
    it(`${header}: every row is rejected with the reason, and no prototype changes`, () => {
      const r = readCsv("referrals", `${HEAD},${header}\n${ok("r-1")},1\n${ok("r-2")},2\n`)
      expect(r.valid).toEqual([])
      expect(summary(r).rejected).toEqual([
        [2, "header"],
        [3, "header"],
      ])
      expect(r.fileProblems[0]?.message.en).toContain("column 6")
      expect(r.fileProblems[0]?.message.nb).toContain("reservert navn")
      expect(r.fileProblems.map((p) => [p.code, p.pointer, p.line])).toEqual([["header", "", 1]])
      expect(({} as Record<string, unknown>).date).toBeUndefined()
      expect(({} as Record<string, unknown>).all).toBeUndefined()
      expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
    })
  }

  it("a referral without a date stays invalid after a __proto__.date header was read", () => {
    readCsv("referrals", `${HEAD},__proto__.date\n${ok("r-1")},2024-01-01\n`)
    const r = readCsv("referrals", `id,citizenId,therapistId,offeringId\nr-9,${P},s-2,turgruppe\n`)
    expect(r.rejected[0]?.problems.map((p) => p.message.en)).toEqual(["Missing key"])
  })
})

describe("bilingual names as name.nb and name.en columns", () => {
  const head = "id,name.nb,name.en"

  it("reads both languages, rejects a row that lacks one, and never echoes an identity number", () => {
    const r = readCsv(
      "departments",
      `${head}\nrpha,Rus og psykisk helse,Substance use\ndpa,Dagsenter,\n01019012345,Navn,\n`,
    )
    expect(r.valid).toEqual([{ id: "rpha", name: { nb: "Rus og psykisk helse", en: "Substance use" } }])
    expect(r.valid.length + r.rejected.length).toBe(3)
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4])
    expect(messages(r)).not.toContain("01019012345")
  })

  for (const header of ["name.__proto__", "name.constructor.prototype", "name.nb.__proto__"]) {
    it(`${header}: every row is rejected with the reason, and no prototype changes`, () => {
      const r = readCsv("departments", `${head},${header}\nrpha,Rus,Substance,1\ndpa,Dag,Day,2\n`)
      expect(r.valid).toEqual([])
      expect(r.rejected.map((x) => x.line)).toEqual([2, 3])
      expect(Object.keys(Object.prototype)).toEqual([])
      expect(({} as Record<string, unknown>).nb).toBeUndefined()
    })
  }
})

describe("broken quotes lose only what they break, reported where the record starts", () => {
  it("a stray quote rejects its own row", () => {
    const r = readCsv("referrals", `${HEAD}\n${ok("r-1")}\nr-2,${P},s-2,tur"gruppe,2024-01-08\n${ok("r-3")}\n`)
    expect(summary(r)).toEqual({ valid: ["r-1", "r-3"], rejected: [[3, "column 4"]] })
    expect(r.rejected[0]?.problems[0]?.message.nb).toContain("anførselstegn")
  })

  it("an unclosed quote rejects the line it opens on; reading goes on", () => {
    const r = readCsv("referrals", `${HEAD}\n${ok("r-1")}\nr-2,"${P},s-2\n${ok("r-3")}\n${ok("r-4")}\n`)
    expect(summary(r)).toEqual({ valid: ["r-1", "r-3", "r-4"], rejected: [[3, "column 2"]] })
  })

  it("a quote closed on a later line with text after it rejects its first line; the lines it ran over are read as rows", () => {
    const r = readCsv("referrals", `${HEAD}\nr-1,"a\n${ok("r-3")}\nc"x,s-2,turgruppe,2024-01-08\n${ok("r-5")}\n`)
    expect(summary(r)).toEqual({
      valid: ["r-3", "r-5"],
      rejected: [
        [2, "column 2"],
        [4, "column 1"],
      ],
    })
    expect(r.rejected[0]?.problems[0]?.message.en).toContain("after the closing quote")
  })

  it("a stray quote never takes the rows after it along, even when a later quote would close it", () => {
    const r = readCsv(
      "referrals",
      `${HEAD}\nr-1,"${P},s-2,turgruppe,2024-01-08\n${ok("r-2")}\n${ok("r-3")}\nr-4,${P},s-2,tur"gruppe,2024-01-08\n`,
    )
    expect(summary(r)).toEqual({
      valid: ["r-2", "r-3"],
      rejected: [
        [2, "column 2"],
        [5, "column 4"],
      ],
    })
  })

  it("a quoted cell may hold line breaks; the next record's line is counted past them", () => {
    const r = readCsv(
      "feedback",
      `id,source,date,theme\nf-1,citizen,2024-01-08,"to\nlinjer"\nf-2,citizen,2024-13-01,x\n`,
    )
    expect(r.rejected.map((x) => x.line)).toEqual([4])
  })
})

describe("sloppy shapes", () => {
  it("ragged rows: too few cells, and values beyond the header", () => {
    const r = readCsv("referrals", `${HEAD}\nr-1,${P},s-2\n${ok("r-2")},extra\n${ok("r-3")},,\n`)
    expect(summary(r)).toEqual({
      valid: ["r-3"],
      rejected: [
        [2, "column 4"],
        [3, "column 6"],
      ],
    })
  })

  it("duplicate and conflicting headers reject every row instead of keeping one value", () => {
    for (const header of [`${HEAD},date`, `${HEAD.replace("date", "goal")},goal.text`]) {
      const r = readCsv("referrals", `${header}\n${ok("r-1")},2024-02-01\n`)
      expect(summary(r).rejected).toEqual([[2, "header"]])
    }
  })

  it("an empty file and a header-only file give no records and say so", () => {
    expect(readCsv("referrals", "").fileProblems[0]?.message.en).toContain("empty")
    expect(readCsv("referrals", "").fileProblems.map((p) => [p.code, p.pointer, p.line])).toEqual([
      ["empty-file", "", 1],
    ])
    const headerOnly = readCsv("referrals", `${HEAD}\n`)
    expect([headerOnly.total, headerOnly.fileProblems]).toEqual([0, []])
  })

  it("NUL bytes reject their row", () => {
    const r = readCsv("referrals", `${HEAD}\nr-1,${P},s-2,tur\0gruppe,2024-01-08\n${ok("r-2")}\n`)
    expect(summary(r)).toEqual({ valid: ["r-2"], rejected: [[2, "column 4"]] })
  })

  it("CRLF, lone CR and LF line ends in one file", () => {
    const r = readCsv("referrals", `${HEAD}\r\n${ok("r-1")}\n${ok("r-2")}\r${ok("r-3")}\r\n\r\n${ok("r-4")}`)
    expect(summary(r)).toEqual({ valid: ["r-1", "r-2", "r-3", "r-4"], rejected: [] })
  })

  it("semicolon-separated exports (Excel in Norway) are read", () => {
    const r = readCsv("referrals", `${HEAD.replaceAll(",", ";")}\n${ok("r-1").replaceAll(",", ";")}\n`)
    expect([r.delimiter, summary(r).valid]).toEqual([";", ["r-1"]])
  })

  it("a 100 MB line is one rejected row, and the rows around it are read", () => {
    const huge = "x".repeat(100 * 1024 * 1024)
    const r = readCsv("referrals", `${HEAD}\n${ok("r-1")}\nr-2,${huge}\n${ok("r-3")}\n`)
    expect(summary(r)).toEqual({ valid: ["r-1", "r-3"], rejected: [[3, "column 2"]] })
    const record = r.rejected[0]?.record
    expect(typeof record).toBe("string")
    expect(String(record).length).toBeLessThanOrEqual(2000)
  })
})

describe("encodings", () => {
  const latin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
  const text = `id,source,date,theme\nf-1,citizen,2024-01-08,Ålgård og Bærheim\n`

  it("Windows-1252 is detected and decoded, never mangled", () => {
    const r = readCsvBytes("feedback", latin(text))
    expect([r.encoding, (r.valid[0] as { theme?: string }).theme]).toEqual(["windows-1252", "Ålgård og Bærheim"])
  })

  it("UTF-8 with and without BOM, and UTF-16 with a BOM", () => {
    const utf8 = new TextEncoder().encode(text)
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)])
    for (const [bytes, encoding] of [
      [utf8, "utf-8"],
      [bom, "utf-8"],
      [utf16, "utf-16le"],
    ] as const) {
      const r = readCsvBytes("feedback", bytes)
      expect([r.encoding, (r.valid[0] as { theme?: string }).theme]).toEqual([encoding, "Ålgård og Bærheim"])
    }
  })

  it("text already mangled by a wrong decoding is rejected, not accepted", () => {
    const r = readCsv("feedback", text.replace("Å", "\uFFFD"))
    expect(r.rejected[0]?.problems[0]?.message.en).toContain("wrong encoding")
  })
})

describe("no identity number in any message", () => {
  const forms = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45", "010190/12345", "010190 / 12345"]

  for (const fnr of forms) {
    it(`"${fnr}" in a header, a cell and a broken row is never echoed`, () => {
      const r = readCsv("referrals", `${HEAD},${fnr}\n${ok("r-1")},1\nr-2,"${fnr}\n${fnr},${fnr}\n`)
      expect(Redact.containsNationalId(messages(r))).toBe(false)
      expect(messages(r)).not.toContain(fnr)
      const cell = readCsv(
        "citizens",
        `id,birthYear,departments,healthyLifeCentre,pathway\n${fnr},${fnr},${fnr},${fnr},${fnr}\n`,
      )
      expect(cell.rejected).toHaveLength(1)
      expect(Redact.containsNationalId(messages(cell))).toBe(false)
      expect(messages(cell)).not.toContain(fnr)
    })
  }

  it("a file name with an identity number is redacted in the error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "core-hostile-"))
    const error = await loadCsvFile("referrals", join(dir, "01019012345.csv")).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileError)
    expect(Redact.containsNationalId((error as Error).message)).toBe(false)
    await expect(loadCsvFile("referrals", dir)).rejects.toThrow("Not a regular file")
    writeFileSync(join(dir, "ok.csv"), `${HEAD}\n${ok("r-1")}\n`)
    expect((await loadCsvFile("referrals", join(dir, "ok.csv"))).valid).toHaveLength(1)
  })
})

describe("no header text in any message", () => {
  // A heading may be free text about a person; the messages go into a report's published input section.
  const note = "Kari Nordmann har depresjon"
  for (const [what, header] of [
    ["a reserved part", `${note}.__proto__`],
    ["an empty part", `${note}..x`],
    ["a repeated name", `${note},${note}`],
    ["a name and a part of it", `${note},${note}.x`],
  ] as const) {
    it(`${what}: the message names the columns by number only`, () => {
      const r = readCsv("referrals", `${HEAD},${header}\n${ok("r-1")},1,2\n`)
      expect(r.valid).toEqual([])
      expect(r.fileProblems).toHaveLength(1)
      expect(messages(r)).not.toContain("Kari")
      expect(r.fileProblems[0]?.message.en).toMatch(/column 6/u)
    })
  }

  it("property: no text of a wrong header reaches a message", () => {
    // Each heading carries a marker word; a header wrong in any of the four ways must not echo it.
    const heading = fc
      .tuple(fc.constantFrom("ZQX", "zqx", "Zqx"), fc.stringMatching(/^[a-z_]{0,4}( [a-z_]{1,4})?$/u))
      .map(([m, rest]) => `${m}${rest}`)
    const wrong = fc.oneof(
      heading.map((h) => [h, h]),
      heading.map((h) => [h, `${h}.part`]),
      heading.map((h) => [`${h}.__proto__`]),
      heading.map((h) => [`${h}..x`]),
    )
    fc.assert(
      fc.property(fc.array(heading, { maxLength: 3 }), wrong, (extra, bad) => {
        const names = [...extra, ...bad]
        const r = readCsv("referrals", `${HEAD},${names.join(",")}\n${ok("r-1")}${",1".repeat(names.length)}\n`)
        expect(r.fileProblems).toHaveLength(1)
        expect(messages(r).toLowerCase()).not.toContain("zqx")
      }),
    )
  })
})
