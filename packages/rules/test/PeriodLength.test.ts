import { IsoDate, Policy } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { PeriodLength } from "../src/index.js"

describe("PeriodLength", () => {
  it("parses, adds and words ISO 8601 period lengths", () => {
    expect(PeriodLength.parse("P1Y2M3W4D")).toEqual({ years: 1, months: 2, weeks: 3, days: 4 })
    expect(PeriodLength.parse("P")).toBeUndefined()
    expect(PeriodLength.parse("PT1H")).toBeUndefined()
    expect(PeriodLength.addTo("2023-03-09", "P2M")).toBe("2023-05-09")
    expect(PeriodLength.addTo("2024-01-31", "P1M")).toBe("2024-02-29")
    expect(PeriodLength.addTo("2024-01-31", "P1W")).toBe("2024-02-07")
    expect(PeriodLength.wholeMonths("P1Y6M")).toBe(18)
    expect(PeriodLength.wholeMonths("P4W")).toBeUndefined()
    expect(PeriodLength.words("P2M")).toEqual({ en: "2 months", nb: "2 måneder" })
    expect(PeriodLength.words("P1W1D")).toEqual({ en: "1 week 1 day", nb: "1 uke 1 dag" })
  })

  it("adds days and weeks as plain day counts and months as core counts them", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((d) => IsoDate.addDays("2020-01-01", d))
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), (date, m, d) => {
        expect(PeriodLength.addTo(date, `P${d}D`)).toBe(IsoDate.addDays(date, d))
        expect(PeriodLength.addTo(date, `P${m}M`)).toBe(IsoDate.addMonths(date, m))
      }),
    )
  })
})

describe("PeriodLength.isPeriodLength", () => {
  it("accepts years, months, weeks and days, and nothing else", () => {
    expect(["P2M", "P1Y6M", "P4W", "P10D"].every(PeriodLength.isPeriodLength)).toBe(true)
    expect(["P", "PT1H", "2M", 2, null].some(PeriodLength.isPeriodLength)).toBe(false)
  })

  it("names what it expected when adding a text that is no period length", () => {
    expect(() => PeriodLength.addTo("2024-01-01", "two months")).toThrow(
      'Not a period length such as P2M: "two months"',
    )
  })
})

describe("PeriodLength.wholeMonths", () => {
  it("reads a length as core reads a transition, so that check and core agree", () => {
    // Accepted by the period pattern, but not whole months as core counts them.
    for (const t of ["P2M0D", "P2M0W", "P1000Y", "P0Y2M0D"]) {
      expect(PeriodLength.isPeriodLength(t)).toBe(true)
      expect(PeriodLength.wholeMonths(t)).toBeUndefined()
    }
    expect(PeriodLength.wholeMonths("P0M")).toBe(0)
    const part = (unit: string) =>
      fc.option(
        fc.integer({ min: 0, max: 12_000 }).map((n) => `${n}${unit}`),
        { nil: "" },
      )
    const text = fc.oneof(
      fc.tuple(part("Y"), part("M"), part("W"), part("D")).map((xs) => `P${xs.join("")}`),
      fc.string({ maxLength: 12 }),
    )
    fc.assert(
      fc.property(text, (t) => {
        expect(PeriodLength.wholeMonths(t)).toBe(Policy.wholeMonths(t))
      }),
    )
  })
})
