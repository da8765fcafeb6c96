/**
 * Tests for the synthetic country plan: sizes add up exactly, differ as real
 * municipalities do, numbers are synthetic (county 90), and the plan is the
 * same for the same options; a planned municipality's year carries its number.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { generate, municipalities } from "../../src/synthetic/index.js"
import { policy } from "../fixturePolicy.js"

describe("municipalities", () => {
  it("plans 356 municipalities of skewed sizes that add up to the citizens asked for", () => {
    const plan = municipalities({ count: 356, seed: 1 })
    expect(plan).toHaveLength(356)
    expect(plan.reduce((a, m) => a + m.citizens, 0)).toBe(100_000)
    const sizes = plan.map((m) => m.citizens).sort((a, b) => a - b)
    const median = sizes[178]!
    // Many small, a few large: the largest is many times the median.
    expect(sizes.at(-1)!).toBeGreaterThan(10 * median)
    expect(new Set(plan.map((m) => m.municipality)).size).toBe(356)
    expect(plan[0]!.municipality).toBe("9001")
    expect(plan.at(-1)!.municipality).toBe("9356")
    expect(new Set(plan.map((m) => m.seed)).size).toBe(356)
  })

  it("is the same plan for the same options, and sums exactly for any (property)", () => {
    expect(municipalities({ count: 20, citizens: 777, seed: 3 })).toEqual(
      municipalities({ count: 20, citizens: 777, seed: 3 }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.nat(200_000), fc.integer(), (count, citizens, seed) => {
        const plan = municipalities({ count, citizens, seed })
        expect(plan).toHaveLength(count)
        expect(plan.reduce((a, m) => a + m.citizens, 0)).toBe(citizens)
        expect(plan.every((m) => /^9[0-9]{3}$/u.test(m.municipality) && m.citizens >= 0)).toBe(true)
      }),
      { numRuns: 100 },
    )
  })

  it("refuses a count outside 1–999 and a negative or fractional citizen count", () => {
    expect(() => municipalities({ count: 0 })).toThrow(RangeError)
    expect(() => municipalities({ count: 1000 })).toThrow(RangeError)
    expect(() => municipalities({ count: 3, citizens: -1 })).toThrow(RangeError)
    expect(() => municipalities({ count: 3, citizens: 1.5 })).toThrow(RangeError)
  })

  it("a generated year carries the municipality it was planned for; a wrong number is refused", () => {
    const [m] = municipalities({ count: 1, citizens: 40, seed: 2 })
    const year = generate({ policy, seed: m!.seed, citizens: m!.citizens, municipality: m!.municipality })
    expect(year.municipality).toBe("9001")
    expect(generate({ policy, seed: 1, citizens: 10 }).municipality).toBeUndefined()
    expect(() => generate({ policy, citizens: 10, municipality: "11" })).toThrow(RangeError)
  })
})
