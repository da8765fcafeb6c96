// The number formats the report and the notebooks share: bokmål by default,
// grouped with a no-break space (U+00A0, as Intl gives for nb-NO) and a
// decimal comma; English with commas and points; SSB's symbols for hidden
// and missing figures.
import { describe, expect, it } from "vitest"
import { AnalyticsError, Format, Indicator, Indicators } from "../src/index.js"

const nbsp = "\u00a0"

describe("Format", () => {
  it("groups thousands and writes decimals as a Norwegian reader expects", () => {
    expect(Format.number(1585)).toBe(`1${nbsp}585`)
    expect(Format.number(1500000)).toBe(`1${nbsp}500${nbsp}000`)
    expect(Format.number(4.14, { decimals: 1 })).toBe("4,1")
    expect(Format.number(4.16)).toBe("4")
    expect(Format.number(1585, { lang: "en" })).toBe("1,585")
    expect(Format.number(4.14, { lang: "en", decimals: 1 })).toBe("4.1")
  })

  it("writes shares and percentages with the sign after a no-break space in bokmål", () => {
    expect(Format.share(0.78)).toBe(`78${nbsp}%`)
    expect(Format.share(0.78, { lang: "en" })).toBe("78%")
    expect(Format.percent(12.46)).toBe(`12,5${nbsp}%`)
    expect(Format.percent(12.46, { decimals: 0 })).toBe(`12${nbsp}%`)
  })

  it("formats a measure as the report's tables do", () => {
    const rate = Indicator.measure(Indicators.catalogue.attendanceRate, "rate")!
    const booked = Indicator.measure(Indicators.catalogue.attendanceRate, "booked")!
    expect(Format.measure(rate, 0.5)).toBe(`50${nbsp}%`)
    expect(Format.measure(booked, 1500)).toBe(`1${nbsp}500`)
    expect(Format.measure(rate, null)).toBe(Format.MISSING)
    expect(Format.measure(rate, 0.5, { hidden: true })).toBe(Format.SUPPRESSED)
    expect([Format.SUPPRESSED, Format.MISSING]).toEqual([":", ".."])
    expect(Format.notApplicable()).toBe("ikke relevant")
    expect(Format.notApplicable("en")).toBe("not applicable")
  })

  it("refuses what is no finite number, an unknown language or impossible decimals", () => {
    expect(() => Format.number(Number.NaN)).toThrow(AnalyticsError)
    expect(() => Format.number("1" as never)).toThrow(AnalyticsError)
    expect(() => Format.share(0.5, { lang: "sv" as never })).toThrow(AnalyticsError)
    expect(() => Format.number(1, { decimals: 1.5 })).toThrow(AnalyticsError)
    expect(() => Format.measure(null as never, 1)).toThrow(AnalyticsError)
  })
})
