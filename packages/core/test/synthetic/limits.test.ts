/**
 * The synthetic year under any limit a policy tree accepts: a whole number
 * from 0 up for an offering's sessions, weeks and sessions per week (0 is
 * "no limit", as the rules read it) and for a treatment's extensions.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { sandnes } from "../../src/Catalogue.js"
import * as Invariants from "../../src/Invariants.js"
import * as Policy from "../../src/Policy.js"
import { generate } from "../../src/synthetic/index.js"
import { policy, withValues } from "../fixturePolicy.js"

const yoga = "offerings.mindfull-restorative-yoga.sessions"
const treatments = sandnes().offerings.filter((o) => o.category === "treatment")
// Every count limit the fixture policy has, and the day the new value starts.
const limitNames = [
  ...treatments.flatMap((o) =>
    (["sessions", "weeks", "sessionsPerWeek"] as const).map((k) => Policy.limitName(o.id, k)),
  ),
  Policy.names.maxExtensions,
].filter((n) => policy.parameters.has(n))

/** `policy` with the parameter `name` taking `value` from `from`, after its first value. */
const changed = (name: string, value: number, from: string): Policy.Policy => {
  const first = policy.parameters.get(name)!.values[0]!
  return withValues(name, [first, { from, value }])
}

describe("Policy.limits", () => {
  it("reads a limit of 0 or below as no limit, as the rules' appliesWhen (> 0) does", () => {
    const o = treatments.find((t) => t.id === "mindfull-restorative-yoga")!
    const when = { question: "2024-08-01", enrollmentStart: "2024-08-01" }
    expect(Policy.limits(changed(yoga, 6, "2024-07-01"), o, when).sessions).toBe(6)
    for (const v of [0, -6]) expect(Policy.limits(changed(yoga, v, "2024-07-01"), o, when).sessions).toBeUndefined()
  })
})

describe("generate under a changed limit", () => {
  it("makes a year when a course's session limit is 0 (no limit) or negative", () => {
    for (const v of [0, -6]) {
      const p = changed(yoga, v, "2024-07-01")
      const year = generate({ policy: p, citizens: 300, seed: 1 })
      expect(
        year.enrollments.some((e) => e.offeringId === "mindfull-restorative-yoga" && e.start >= "2024-07-01"),
      ).toBe(true)
      expect(Invariants.check(year, { policy: p })).toEqual([])
    }
  })

  it("makes an invariant-clean year for any whole-number limit from 0 up (property)", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...limitNames),
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 })),
        fc.constantFrom("2024-01-01", "2024-07-01", "2024-12-31"),
        fc.integer({ min: 1, max: 1000 }),
        (name, value, from, seed) => {
          const p = changed(name, value, from)
          const year = generate({ policy: p, citizens: 120, seed })
          expect(Invariants.check(year, { policy: p })).toEqual([])
        },
      ),
      { numRuns: 40 },
    )
  })
})
