// Property: any sloppy export — random quotes, delimiters, headers, line ends,
// encodings, identity numbers in cells — is read without an exception, every
// non-blank line lands in exactly one row, valid + rejected = rows, every
// rejection has a line and a field, and no message shows an identity number.
// FUZZ_RUNS sets the run count (`npm run fuzz` runs 100,000).
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { csvToRows } from "../../src/node/csv.js"
import { readCsvBytes } from "../../src/node/index.js"
import * as Redact from "../../src/Redact.js"

const runs = Number(process.env.FUZZ_RUNS ?? 1000)
const FNRS = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45", "31129956715"]

const cell = fc.oneof(
  fc.constantFrom(
    "r-1",
    "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    "s-2",
    "turgruppe",
    "2024-01-08",
    "2024-02-30",
    "",
    "Ålgård",
    ...FNRS,
  ),
  fc.string({ maxLength: 8, unit: fc.constantFrom("a", '"', ",", ";", "\n", "\r", " ", "\0", "|", "ø", "\t") }),
)
const header = fc.oneof(
  fc.constant(["id", "citizenId", "therapistId", "offeringId", "date"]),
  fc.array(
    fc.constantFrom(
      "id",
      "date",
      "goal",
      "goal.text",
      "__proto__.x",
      "constructor",
      "",
      "a..b",
      "01019012345",
      "citizenId",
    ),
    { maxLength: 7 },
  ),
)
const lineEnd = fc.constantFrom("\n", "\r\n", "\r")
const delimiter = fc.constantFrom(",", ";", "\t")

const sloppy = fc
  .record({
    header,
    rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 }),
    lineEnd,
    delimiter,
    quoteAll: fc.boolean(),
  })
  .map(({ header, rows, lineEnd, delimiter, quoteAll }) => {
    const write = (cells: ReadonlyArray<string>) =>
      cells.map((c) => (quoteAll ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter)
    return [write(header), ...rows.map(write)].join(lineEnd)
  })

const encode = fc.constantFrom("utf-8", "bom", "windows-1252", "utf-16le")
const bytesOf = (text: string, how: string): Uint8Array => {
  if (how === "bom") return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
  if (how === "windows-1252") return Uint8Array.from(text, (c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63))
  if (how === "utf-16le")
    return new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)])
  return new TextEncoder().encode(text)
}

const physicalLines = (text: string): Array<number> => {
  const out: Array<number> = []
  text.split(/\r\n|\n|\r/u).forEach((l, i) => {
    if (!/^[ \t]*$/u.test(l)) out.push(i + 1)
  })
  return out
}

describe("sloppy exports (property)", () => {
  it("never throw; valid + rejected = rows; every rejection has a line, a field and no identity number", () => {
    fc.assert(
      fc.property(sloppy, encode, (text, how) => {
        const r = readCsvBytes("referrals", bytesOf(text, how))
        expect(r.valid.length + r.rejected.length).toBe(r.total)
        for (const x of r.rejected) {
          expect(x.line).toBeGreaterThan(0)
          for (const p of x.problems) expect(typeof p.field).toBe("string")
        }
        const shown = JSON.stringify([r.rejected.map((x) => [x.line, x.problems]), r.fileProblems])
        expect(Redact.containsNationalId(shown)).toBe(false)
      }),
      { numRuns: runs },
    )
  })

  it("every non-blank line after the header is in exactly one row", () => {
    fc.assert(
      fc.property(sloppy, (text) => {
        const { rows, header } = csvToRows("referrals", text)
        const covered = new Map<number, number>()
        for (const r of rows) for (let l = r.line; l <= r.endLine; l++) covered.set(l, (covered.get(l) ?? 0) + 1)
        const lines = physicalLines(text)
        const inHeader = (l: number) => header !== undefined && l >= header.line && l <= header.endLine
        // Rows of only empty cells (",,,") hold no record and are the only lines left out.
        const expected = lines.filter((l) => !inHeader(l) && !covered.has(l))
        for (const l of expected) {
          const content = text.split(/\r\n|\n|\r/u)[l - 1] ?? ""
          expect(/^[,;\t" ]*$/u.test(content) || rows.some((r) => r.line < l && r.endLine >= l)).toBe(true)
        }
        for (const n of covered.values()) expect(n).toBe(1)
      }),
      { numRuns: runs },
    )
  })
})
