// The set of (group, citizen) pairs against a Set of pairs as text, both as
// a bitset and, for more pairs than a bitset takes, as a Set of numbers.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { PairSet } from "../../../src/internal/passes/pairSet.js"

const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 20 })), { maxLength: 80 })

describe("PairSet", () => {
  it("adds and finds pairs as a Set does, in a bitset or a Set", () => {
    fc.assert(
      fc.property(pairs, fc.boolean(), (list, huge) => {
        // 7 groups always; a huge citizen bound makes the set leave the bitset.
        const set = new PairSet(7, huge ? 2 ** 26 : 21)
        const oracle = new Set<string>()
        for (const [g, c] of list) {
          const key = `${g}|${c}`
          expect(set.has(g, c)).toBe(oracle.has(key))
          expect(set.add(g, c)).toBe(!oracle.has(key))
          oracle.add(key)
          expect(set.has(g, c)).toBe(true)
        }
      }),
      { numRuns: 200 },
    )
  })
})
