import { Calendar } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ageOn } from "../../src/internal/age.js"

const digits = (n: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""))
const date = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`)

describe("ageOn", () => {
  it("gives what Calendar.ageOn gives for any text as a birth date (property)", () => {
    const birth = fc.oneof(
      date,
      fc.string({ maxLength: 14 }),
      date.map((d) => `${d}x`),
      date.map((d) => d.slice(0, 7)),
    )
    fc.assert(
      fc.property(birth, date, (b, d) => {
        expect(Object.is(ageOn(b, d, Number(d.slice(0, 4))), Calendar.ageOn(b, d))).toBe(true)
      }),
      { numRuns: 5000 },
    )
  })

  it("throws as Calendar.ageOn does for a birth date that is not a text", () => {
    expect(() => ageOn(19900101, "2024-01-01", 2024)).toThrow()
    expect(() => ageOn(null, "2024-01-01", 2024)).toThrow()
  })
})
