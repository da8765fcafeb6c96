// A column name is a plain identifier: isColumnName, a loop over the
// characters, accepts exactly what /^[A-Za-z][A-Za-z0-9_]*$/u accepts.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { isColumnName } from "../../src/internal/expr.js"

const pattern = /^[A-Za-z][A-Za-z0-9_]*$/u

describe("isColumnName", () => {
  it("accepts what the identifier pattern accepts, for any text (property)", () => {
    const char = fc.oneof(
      fc.constantFrom("a", "Z", "0", "9", "_", "-", " ", "$", "@", "[", "`", "{", "/", ":", "å", "\u0130", "\u212a"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    )
    fc.assert(
      fc.property(fc.array(char, { maxLength: 8 }), (chars) => {
        const name = chars.join("")
        expect(isColumnName(name)).toBe(pattern.test(name))
      }),
      { numRuns: 2000 },
    )
  })

  it("refuses what is not a text, and the names arquero or a plain object would read otherwise", () => {
    for (const u of [undefined, null, 1, ["a"], { toString: () => "a" }, "", "_a", "1a", "__proto__", "a-b", "a b"])
      expect(isColumnName(u)).toBe(false)
    for (const name of ["a", "constructor", "toString", "a_1", "ORS"]) expect(isColumnName(name)).toBe(true)
  })
})
