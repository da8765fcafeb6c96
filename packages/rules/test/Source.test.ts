import { Citation } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import * as Source from "../src/Source.js"

const title = "Mestringsenhetens modell for aktivitet"

describe("Source", () => {
  it("is core's Citation plus a link and a note", () => {
    const s: Source.Source = {
      document: title,
      section: "Organisering",
      lines: "35",
      quote: "kostnadsfrie",
      note: { nb: "lokalt valg", en: "a local choice" },
    }
    const c = Source.citation(s)
    expect(c).toEqual({ document: title, section: "Organisering", lines: "35", quote: "kostnadsfrie" })
    expect(Schema.decodeUnknownSync(Citation.Citation)(c)).toEqual(c)
    expect(Source.citation({ url: "https://lovdata.no" })).toBeUndefined()
  })

  it("formats as core formats a citation, then the link", () => {
    const s = { document: title, section: "Ulike tilbud", lines: "77-93" }
    expect(Source.format(s, "nb")).toBe(`${title}, Ulike tilbud, linjene 77-93`)
    expect(Source.format(s, "en")).toBe(Citation.format(s, "en"))
    expect(Source.format({ url: "https://lovdata.no/x" }, "en")).toBe("https://lovdata.no/x")
    expect(Source.format({ ...s, lines: "7", url: "https://lovdata.no/x" }, "en")).toBe(
      `${title}, Ulike tilbud, line 7, https://lovdata.no/x`,
    )
  })
})
