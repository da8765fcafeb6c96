/**
 * Tests for `Municipality`: the number is four digits kept as text, the
 * schema and the schema-free check agree on any text, and a dataset may
 * carry one.
 */
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Dataset from "../src/Dataset.js"
import * as Municipality from "../src/Municipality.js"

const decode = Schema.decodeUnknownResult(Municipality.MunicipalityNumber)

describe("Municipality", () => {
  it("takes four digits, leading zero included, and refuses anything else", () => {
    for (const ok of ["1108", "0301", "9001"]) expect(Municipality.isNumber(ok)).toBe(true)
    for (const bad of ["301", "11080", "11a8", " 1108", "1108\n", 1108, null, "__proto__"])
      expect(Municipality.isNumber(bad)).toBe(false)
    expect(decode("0301")._tag).toBe("Success")
    expect(decode(301)._tag).toBe("Failure")
  })

  it("the schema and isNumber agree on any value (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{3,5}$/u), fc.integer()), (u) => {
        expect(decode(u)._tag === "Success").toBe(Municipality.isNumber(u))
      }),
      { numRuns: 500 },
    )
  })

  it("a dataset may name its municipality, and a wrong number is refused", () => {
    const empty = Object.fromEntries(Dataset.entityNames.map((e) => [e, []]))
    const ok = Schema.decodeUnknownResult(Dataset.Dataset)({ year: 2024, municipality: "1108", ...empty })
    expect(ok._tag).toBe("Success")
    expect(Schema.decodeUnknownResult(Dataset.Dataset)({ year: 2024, ...empty })._tag).toBe("Success")
    expect(Schema.decodeUnknownResult(Dataset.Dataset)({ year: 2024, municipality: "108", ...empty })._tag).toBe(
      "Failure",
    )
  })
})
