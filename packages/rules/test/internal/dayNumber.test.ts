import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dayNumber } from "../../src/internal/dayNumber.js"

const byDate = (s: string) =>
  Math.round(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000)

const digits = (n: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""))
// Mostly digits, now and then a character just outside them ("/" and ":" border "0" and "9") or one Number reads.
const nearDigits = (n: number) =>
  fc
    .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(..."0123456789") }, fc.constantFrom(..."/: +-.eE")), {
      minLength: n,
      maxLength: n,
    })
    .map((d) => d.join(""))

describe("dayNumber", () => {
  it("counts days from 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0)
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2)
    expect(dayNumber("2023-03-01") - dayNumber("2023-02-28")).toBe(1)
  })

  it("gives what Date.UTC gives for any date-shaped text, rolled-over parts included (property)", () => {
    const shaped = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`)
    const almost = fc.tuple(nearDigits(4), nearDigits(2), nearDigits(2)).map(([y, m, d]) => `${y}-${m}-${d}`)
    fc.assert(
      fc.property(fc.oneof(shaped, almost, fc.string({ maxLength: 12 })), (s) => {
        expect(dayNumber(s)).toBe(byDate(s))
      }),
      { numRuns: 5000 },
    )
  })
})
