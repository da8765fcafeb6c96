// The catalogue's indicators are checked once and frozen whole, so that
// Indicator.compute need not check them again; any other indicator, a
// changed copy of a catalogue entry too, is checked on every call.
import { describe, expect, it } from "vitest"
import { AnalyticsError, Indicator, Indicators, Tables } from "../../src/index.js"
import { measureColumns, requireIndicator, requireTables } from "../../src/internal/shapes.js"
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

  it("list their measure columns once; any other indicator's are read anew on each call", () => {
    const original = Indicators.catalogue.participation
    const columns = original.measures.map((m) => m.column)
    expect(measureColumns(original)).toEqual(columns)
    expect(measureColumns(original)).toBe(measureColumns(original))
    // An indicator of the caller's own may change between calls.
    const own = { ...original, measures: [...original.measures] }
    expect(measureColumns(own)).toEqual(columns)
    own.measures.pop()
    expect(measureColumns(own)).toEqual(columns.slice(0, -1))
  })
})

describe("tables this package built", () => {
  const two = Tables.combine([
    Tables.fromDataset(
      { ...year({ attendance: [att(1, "sandneshallen", "2024-03-01")] }), municipality: "1108" },
      { policy },
    ),
    Tables.fromDataset(
      { ...year({ attendance: [att(2, "turgruppe", "2024-04-01")] }), municipality: "1103" },
      { policy },
    ),
  ])

  it("are frozen with their period and days, so their check cannot go stale", () => {
    for (const t of [tables, two]) {
      expect(Object.isFrozen(t) && Object.isFrozen(t.period) && Object.isFrozen(t.days)).toBe(true)
      expect(() => {
        ;(t as { attendance: unknown }).attendance = "d => 1"
      }).toThrow(TypeError)
      expect(() => {
        ;(t.days as { from: number }).from = 0
      }).toThrow(TypeError)
      expect(requireTables("test", t)).toBe(t)
    }
  })

  it("a copy is checked in full: a table swapped for text, or broken days, is refused", () => {
    expect(() => requireTables("test", { ...tables, attendance: "d => 1" })).toThrow(/tables\.attendance/u)
    expect(() => requireTables("test", { ...tables, days: { from: 1.5, to: 2 } })).toThrow(/tables\.days/u)
    expect(() =>
      Indicator.compute(Indicators.catalogue.participation, { ...tables, attendance: "d => 1" } as never),
    ).toThrow(AnalyticsError)
  })

  it("still need their policy: a sealed set whose policy lost its parameters is refused", () => {
    const policyOf = tables.policy as { parameters: unknown }
    const parameters = policyOf.parameters
    try {
      policyOf.parameters = "none"
      expect(() => requireTables("test", tables)).toThrow(/tables\.policy/u)
    } finally {
      policyOf.parameters = parameters
    }
    expect(requireTables("test", tables)).toBe(tables)
  })
})
