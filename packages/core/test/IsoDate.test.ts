import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { IsoDate } from "../src/index.js"
import type { IsoDate as CalendarIsoDate } from "../src/internal/isoDateType.js"

// Calendar's IsoDate type (no schema) and the schema's type are one type: a
// change to either that parts them fails the type check of this file.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const sameIsoDate: Same<IsoDate.IsoDate, CalendarIsoDate> = true

describe("IsoDate", () => {
  it("has the one IsoDate type that Calendar uses", () => {
    expect(sameIsoDate).toBe(true)
  })

  it("accepts existing dates only", () => {
    expect(IsoDate.isIsoDate("2024-02-29")).toBe(true)
    expect(IsoDate.isIsoDate("2023-02-29")).toBe(false)
    expect(IsoDate.isIsoDate("2023-3-09")).toBe(false)
  })

  it("adds months as a person counts them, clamping to the month's end", () => {
    expect(IsoDate.addMonths("2023-03-09", 2)).toBe("2023-05-09")
    expect(IsoDate.addMonths("2023-12-31", 2)).toBe("2024-02-29")
    expect(IsoDate.addMonths("2024-01-31", -2)).toBe("2023-11-30")
  })

  it("counts ISO weeks across year ends", () => {
    expect(IsoDate.isoWeek("2023-03-09")).toBe("2023-W10")
    expect(IsoDate.isoWeek("2021-01-03")).toBe("2020-W53")
    expect(IsoDate.isoWeek("2024-12-30")).toBe("2025-W01")
    expect(IsoDate.isoWeek("2026-12-31")).toBe("2026-W53")
  })

  it("ISO weeks run Monday to Sunday: seven consecutive days from a Monday share a week", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const d = IsoDate.addDays("1950-01-02", n)
        const monday = IsoDate.addDays(d, 1 - IsoDate.isoWeekday(d))
        expect(IsoDate.isoWeekday(monday)).toBe(1)
        for (let k = 0; k < 7; k++) expect(IsoDate.isoWeek(IsoDate.addDays(monday, k))).toBe(IsoDate.isoWeek(monday))
        expect(IsoDate.isoWeek(IsoDate.addDays(monday, 7))).not.toBe(IsoDate.isoWeek(monday))
      }),
    )
  })

  it("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 20_000 }), (n) => {
        expect(IsoDate.daysBetween("2000-01-01", IsoDate.addDays("2000-01-01", n))).toBe(n)
      }),
    )
  })

  it("age counts the birthday itself", () => {
    expect(IsoDate.ageOn("2005-03-09", "2023-03-08")).toBe(17)
    expect(IsoDate.ageOn("2005-03-09", "2023-03-09")).toBe(18)
  })

  it("today is the date in Europe/Oslo", () => {
    expect(IsoDate.today(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23")
  })
})
