import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Identifiers } from "../../src/index.js"

describe("Identifiers", () => {
  it("finds national identity numbers and pseudonyms, not dates or counts", () => {
    expect(Identifiers.find("fnr 01017012345, pseudonym 0f1e2d3c4b5a69788796a5b4c3d2e1f0")).toEqual([
      "01017012345",
      "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    ])
    expect(Identifiers.find("2024-03-09: 1585 nye saker, 123456789012 kroner, 0.8333333333333334")).toEqual([])
  })

  it("refuses text with an identifier without repeating it", () => {
    expect(() => Identifiers.assertNone("<td>01017012345</td>", "report.html")).toThrow(
      /report\.html contains 1 possible identifier/u,
    )
    try {
      Identifiers.assertNone("<td>01017012345</td>", "report.html")
    } catch (e) {
      expect(String(e)).not.toContain("01017012345")
    }
  })

  it("finds a number as Redact masks it: with a slash, as a pointer writes it, in fullwidth digits, padded with zeros", () => {
    const fullwidth = "\uff10\uff11\uff10\uff11\uff19\uff10\uff11\uff12\uff13\uff14\uff15"
    for (const form of ["010190/12345", "010190 / 12345", "010190~112345", fullwidth, "0001019012345"]) {
      expect(Identifiers.find(`fnr ${form}, så 01017012345.`)).toEqual([form, "01017012345"])
      expect(() => Identifiers.assertNone(`<td>${form}</td>`, "report.html")).toThrow(/contains 1 possible identifier/u)
    }
    expect(Identifiers.find("2024-01-08/2024-02-01, /enrollments/12/citizenId, 010124/020224")).toEqual([])
  })

  // Changed with core's one redaction: a national identity number is now one
  // with a plausible birth date (as core's Redact decides), in any of its
  // written forms, rather than any eleven digits in a row.
  it("finds any national identity number, however written, or pseudonym wherever it sits in text", () => {
    const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, "0"))
    const nationalId = fc
      .tuple(
        fc.oneof(two(1, 31), two(41, 71)),
        fc.oneof(two(1, 12), two(41, 52), two(81, 92)),
        two(0, 99),
        fc.integer({ min: 0, max: 99999 }).map((n) => String(n).padStart(5, "0")),
      )
      .chain(([d, m, y, p]) =>
        fc.constantFrom(
          `${d}${m}${y}${p}`,
          `${d}${m}${y} ${p}`,
          `${d}${m}${y}-${p}`,
          `${d}.${m}.${y}.${p.slice(0, 3)}.${p.slice(3)}`,
          `${d}${m}${y}/${p}`,
          `${d}${m}${y} / ${p}`,
        ),
      )
    const id = fc.oneof(nationalId, fc.stringMatching(/^[0-9a-f]{32}$/))
    const filler = fc.string({ maxLength: 20 }).map((s) => s.replace(/[0-9a-fA-F]/gu, "x"))
    fc.assert(
      fc.property(filler, id, filler, (a, x, b) => {
        // A pseudonym may hold a national identity number too; it must be found either way.
        expect(Identifiers.find(a + x + b)).toContain(x)
      }),
    )
  })
})
