/**
 * Tests for `Tables.combine`: several municipalities' tables as one set.
 * Every indicator grouped by municipality (alone and with each of its other
 * dimensions) gives, for each municipality, exactly that municipality's own
 * table; codes stay distinct across parts; bad parts are refused with a
 * message naming the part.
 */
import { generate, municipalities } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import type { Dimension } from "../../src/Dimension.js"
import * as Indicator from "../../src/Indicator.js"
import { all, catalogue } from "../../src/indicators/index.js"
import * as Tables from "../../src/Tables.js"
import { policy } from "../fixturePolicy.js"

const plan = municipalities({ count: 3, citizens: 240, seed: 5 })
// The same offering ids in every municipality, with other capacities each.
const parts = plan.map((m, i) =>
  Tables.fromDataset(
    generate({ policy, seed: m.seed, citizens: m.citizens, municipality: m.municipality, year: 2024 }),
    { policy, capacity: { turgruppe: 10 + i, sandneshallen: 20 + 5 * i } },
  ),
)
const national = Tables.combine(parts)

const rowsOf = (t: Tables.Tables, indicator: (typeof all)[number], by: ReadonlyArray<Dimension>) =>
  Indicator.compute(indicator, t, { by }).table.objects() as Array<Record<string, unknown>>

describe("Tables.combine", () => {
  it("keeps every row, and moves each part's citizen and enrollment codes past the previous parts'", () => {
    expect(national.attendance.numRows()).toBe(parts.reduce((n, p) => n + p.attendance.numRows(), 0))
    expect(national.enrollments.numRows()).toBe(parts.reduce((n, p) => n + p.enrollments.numRows(), 0))
    const enrollment = Array.from(national.enrollments.array("enrollment") as ArrayLike<number>)
    expect(enrollment).toEqual(enrollment.map((_, i) => i))
    // A citizen code belongs to one municipality only.
    const home = new Map<number, string>()
    const citizen = national.attendance.array("citizen") as ArrayLike<number>
    const municipality = national.attendance.array("municipality") as ArrayLike<string>
    for (let i = 0; i < citizen.length; i++) {
      expect(home.get(citizen[i]!) ?? municipality[i]).toBe(municipality[i])
      home.set(citizen[i]!, municipality[i]!)
    }
    expect(new Set(home.values())).toEqual(new Set(plan.map((m) => m.municipality)))
  })

  it("every indicator, by municipality and by municipality with each other dimension, equals each municipality's own table", () => {
    let compared = 0
    for (const indicator of all) {
      expect(indicator.dimensions).toContain("municipality")
      const groupings: Array<ReadonlyArray<Dimension>> = [
        ["municipality"],
        ...indicator.dimensions.filter((d) => d !== "municipality").map((d) => ["municipality", d] as const),
      ]
      for (const by of groupings) {
        const together = rowsOf(national, indicator, by)
        const apart = parts.flatMap((p) => rowsOf(p, indicator, by))
        expect(together, `${indicator.id} by ${by.join(", ")}`).toEqual(apart)
        compared += together.length
      }
    }
    expect(compared).toBeGreaterThan(1000)
  })

  it("national totals count each citizen once: participants over all equal the sum of the municipalities'", () => {
    const total = rowsOf(national, catalogue.participation, [])[0]!
    const each = parts.map((p) => rowsOf(p, catalogue.participation, [])[0]!)
    expect(total.participants).toBe(each.reduce((n, r) => n + (r.participants as number), 0))
    expect(total.attendances).toBe(each.reduce((n, r) => n + (r.attendances as number), 0))
  })

  it("refuses parts without a municipality, with the same one twice, or with another period, naming the part", () => {
    const unnamed = Tables.fromDataset(generate({ policy, seed: 1, citizens: 20 }), { policy })
    expect(() => Tables.combine([parts[0]!, unnamed])).toThrow(/part 2: each part must be one municipality-year/u)
    expect(() => Tables.combine([parts[0]!, parts[0]!])).toThrow(/part 2: municipality 9001 is in an earlier part/u)
    const half = Tables.fromDataset(generate({ policy, seed: 2, citizens: 20, municipality: "9100" }), {
      policy,
      period: { from: "2024-01-01", to: "2024-06-30" },
    })
    expect(() => Tables.combine([parts[0]!, half])).toThrow(/part 2: the period/u)
    expect(() => Tables.combine([])).toThrow(/at least one part/u)
    // A hand-built part whose municipality is no number (here an identity number) is refused, never shown.
    const forged = {
      ...parts[1]!,
      offerings: parts[1]!.offerings.derive({ municipality: () => "01017012345" }),
    }
    expect(() => Tables.combine([parts[0]!, forged])).toThrow(/part 2: each part must be one municipality-year/u)
    try {
      Tables.combine([parts[0]!, forged])
    } catch (e) {
      expect(String((e as Error).message)).not.toContain("01017012345")
    }
  })
})
