import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AnalyticsError } from "../../src/index.js"
import { isBilingual, requireBooleans } from "../../src/internal/checks.js"

describe("isBilingual", () => {
  it("takes { nb, en } with both as texts", () => {
    expect(isBilingual({ nb: "Deltakelse", en: "Participation" })).toBe(true)
    expect(isBilingual({ nb: "", en: "", note: 1 })).toBe(true)
  })

  it("refuses anything else", () => {
    for (const u of [
      null,
      undefined,
      "Deltakelse",
      ["nb", "en"],
      { nb: "Deltakelse" },
      { nb: 1, en: "x" },
      { en: "x" },
    ])
      expect(isBilingual(u)).toBe(false)
  })

  it("is true exactly when nb and en are both texts", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (nb, en) => {
        expect(isBilingual({ nb, en })).toBe(typeof nb === "string" && typeof en === "string")
      }),
    )
  })
})

describe("requireBooleans", () => {
  it("gives a copy of a list of true and false", () => {
    const given = [true, false, true]
    const got = requireBooleans("f", "flags", given)
    expect(got).toEqual(given)
    expect(got).not.toBe(given)
  })

  it("refuses a list holding anything else, naming the argument", () => {
    expect(() => requireBooleans("f", "flags", [true, 1])).toThrow(AnalyticsError)
    expect(() => requireBooleans("f", "flags", [true, 1])).toThrow(/flags/u)
    expect(() => requireBooleans("f", "flags", "true")).toThrow(AnalyticsError)
  })
})
