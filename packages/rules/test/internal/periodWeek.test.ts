// The remembered period week must be the one worked out afresh, for any
// start text, however often a start repeats and however many there are.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dayNumber } from "../../src/internal/dayNumber.js"
import { periodWeek, periodWeeksOn } from "../../src/internal/periodWeek.js"

const digits = (n: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""))
const dateShaped = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`)
const start = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("2024-01-01", "2024-02-29", "2023-12-31", "2024-06-01") },
  { weight: 4, arbitrary: dateShaped },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
)

describe("periodWeek", () => {
  it("counts weeks from 1 on the period's first day", () => {
    const today = dayNumber("2024-06-01")
    expect(periodWeek(today, "2024-06-01")).toBe(1)
    expect(periodWeek(today, "2024-05-26")).toBe(1)
    expect(periodWeek(today, "2024-05-25")).toBe(2)
    expect(periodWeek(today, "2024-06-02")).toBe(0)
  })

  it("gives the same week remembered as worked out afresh, starts repeated (property)", () => {
    fc.assert(
      fc.property(dateShaped, fc.array(start, { minLength: 1, maxLength: 60 }), (question, starts) => {
        const today = dayNumber(question)
        const week = periodWeeksOn(today)
        // Each start twice, so the second answer comes from memory.
        for (const s of [...starts, ...starts]) {
          const want = Math.floor((today - dayNumber(s)) / 7) + 1
          expect(Object.is(week(s), want)).toBe(true)
          expect(Object.is(periodWeek(today, s), want)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it("stays right past the number of starts it remembers", () => {
    const today = dayNumber("2024-06-01")
    const week = periodWeeksOn(today)
    const starts = Array.from(
      { length: 2_500 },
      (_, i) => `${1900 + (i % 200)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    )
    for (const s of [...starts, ...starts.reverse()]) expect(week(s)).toBe(periodWeek(today, s))
  })

  it("refuses what is not a text as working it out afresh does", () => {
    const week = periodWeeksOn(dayNumber("2024-06-01"))
    expect(() => week(20240601 as never)).toThrow(TypeError)
    expect(() => periodWeek(0, 20240601 as never)).toThrow(TypeError)
  })
})
