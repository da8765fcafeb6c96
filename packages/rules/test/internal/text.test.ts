import { describe, expect, it } from "vitest"
import { alternatives, quote, shortLine } from "../../src/internal/text.js"

describe("alternatives", () => {
  it("joins each language's own words with that language's 'or'", () => {
    const a = { nb: "«ja»", en: '"yes"' }
    const b = { nb: "«nei»", en: '"no"' }
    const c = { nb: "ukjent", en: "unknown" }
    expect(alternatives([a, b, c])).toEqual({ nb: "«ja», «nei» eller ukjent", en: '"yes", "no" or unknown' })
    expect(alternatives([a])).toEqual(a)
    expect(alternatives([])).toEqual({ nb: "", en: "" })
  })
})

describe("quote and shortLine", () => {
  it("quote a name per language and keep a line on one line", () => {
    expect(quote("karate")).toEqual({ en: '"karate"', nb: "«karate»" })
    expect(shortLine("a\nb", 10)).toBe("a\\u000ab")
  })
})
