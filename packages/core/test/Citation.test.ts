import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { Catalogue, Citation, Invariants, Problems } from "../src/index.js"

const title = "Mestringsenhetens modell for aktivitet"

describe("Citation", () => {
  it("takes a title, a section, and optionally lines and a quote", () => {
    const c = { document: title, section: "Organisering", lines: "35", quote: "kostnadsfrie" }
    expect(Schema.decodeUnknownSync(Citation.Citation)(c)).toEqual(c)
    expect(Schema.decodeUnknownSync(Citation.Citation)({ document: title, section: "Organisering" })).toEqual({
      document: title,
      section: "Organisering",
    })
  })

  it("refuses lines that are not a line or a range, in both languages", () => {
    const r = Schema.decodeUnknownResult(Citation.Citation)({ document: title, section: "x", lines: "line 35" })
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      const [p] = Problems.of(r.failure.issue)
      expect(p?.path).toEqual(["lines"])
      expect(p?.message.nb).toMatch(/linjeområde/u)
      expect(p?.message.en).toMatch(/range of lines/u)
    }
  })

  it("formats document, section and lines in either language", () => {
    expect(Citation.format({ document: title, section: "Organisering", lines: "35" }, "en")).toBe(
      `${title}, Organisering, line 35`,
    )
    expect(Citation.format({ document: title, section: "Ulike tilbud", lines: "77-93" }, "nb")).toBe(
      `${title}, Ulike tilbud, linjene 77-93`,
    )
    expect(Citation.format({ document: title, section: "Organisering" }, "nb")).toBe(`${title}, Organisering`)
  })

  it("reads the line range", () => {
    expect(Citation.lineRange({ lines: "77-93" })).toEqual({ from: 77, to: 93 })
    expect(Citation.lineRange({ lines: "35" })).toEqual({ from: 35, to: 35 })
    expect(Citation.lineRange({})).toBeUndefined()
  })

  it("is what the catalogue and the invariants cite with", () => {
    const offering = Catalogue.sandnes().offerings[0]!
    const seed: Citation.Citation = offering.seed
    expect(seed.lines).toBe("77")
    expect(seed.section).not.toMatch(/line/u)
    const fact: Citation.Quoted = Invariants.seedFacts["offering-not-free"]
    expect(fact.lines).toBe("35")
  })
})
