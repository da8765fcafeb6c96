// The catalogue's indicators are checked once and frozen whole, so that
// Indicator.compute need not check them again; any other indicator, a
// changed copy of a catalogue entry too, is checked on every call.
import { describe, expect, it } from "vitest"
import { AnalyticsError, Indicator, Indicators, Tables } from "../../src/index.js"
import { requireIndicator } from "../../src/internal/shapes.js"
import { policy } from "../fixturePolicy.js"
import { att, year } from "../helpers.js"

const tables = Tables.fromDataset(year({ attendance: [att(1, "sandneshallen", "2024-03-01")] }), { policy })

describe("catalogue indicators", () => {
  it("are frozen with everything they hold, so nothing can change after their check", () => {
    for (const indicator of Indicators.all) {
      const stack: Array<unknown> = [indicator]
      while (stack.length > 0) {
        const u = stack.pop()
        if (typeof u !== "object" || u === null) continue
        expect(Object.isFrozen(u), indicator.id).toBe(true)
        stack.push(...Object.values(u))
      }
      expect(() => {
        ;(indicator.measures[0]!.label as { nb: string }).nb = "endret"
      }).toThrow(TypeError)
      expect(() => {
        ;(indicator.measures as Array<unknown>).push({})
      }).toThrow(TypeError)
      expect(requireIndicator("test", indicator)).toBe(indicator)
    }
  })

  it("a changed copy is checked again: a broken measure is refused", () => {
    const original = Indicators.catalogue.participation
    const broken = { ...original, measures: [{ ...original.measures[0]!, column: "__proto__" }] }
    expect(() => Indicator.compute(broken as never, tables)).toThrow(AnalyticsError)
    expect(() => requireIndicator("test", broken)).toThrow(/measures\[0\]\.column/u)
    // The catalogue's own still computes.
    expect(Indicator.compute(original, tables).table.numRows()).toBeGreaterThan(0)
  })
})
