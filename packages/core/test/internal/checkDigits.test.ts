// The check digits Redact reads agree with NationalId's validator: a number
// makeNationalId builds, under either rule, passes; changing its last digit fails.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { hasValidCheckDigits } from "../../src/internal/checkDigits.js"
import { makeNationalId, validateNationalId } from "../../src/NationalId.js"

const made = fc
  .tuple(
    fc.date({ min: new Date("1900-01-01"), max: new Date("2039-12-31"), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
    fc.constantFrom<"classic" | "2032">("classic", "2032"),
    fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3),
  )
  .map(([d, individual, rules, remainder]) =>
    makeNationalId(d.toISOString().slice(0, 10), individual, { rules, remainder }),
  )
  .filter((n): n is string => n !== undefined)

describe("hasValidCheckDigits", () => {
  it("holds for every number makeNationalId builds, as the validator says (property)", () => {
    fc.assert(
      fc.property(made, (n) => {
        expect(validateNationalId(n).ok).toBe(true)
        expect(hasValidCheckDigits(n)).toBe(true)
        const other = `${n.slice(0, 10)}${(Number(n[10]) + 1) % 10}`
        expect(hasValidCheckDigits(other)).toBe(false)
      }),
    )
  })

  it("takes eleven digits only", () => {
    expect(hasValidCheckDigits("31129956715")).toBe(true)
    for (const x of ["3112995671", "311299567150", "3112995671a", "31 129956715"])
      expect(hasValidCheckDigits(x)).toBe(false)
  })
})
