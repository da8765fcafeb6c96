// Group numbers of combined keys against a Map in order of first
// appearance, with a dense lookup and, for a span past it, a Map.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { KeyGroups } from "../../../src/internal/passes/keyGroups.js"

describe("KeyGroups", () => {
  it("numbers keys in order of first appearance and notes each group's first row", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), fc.boolean(), (keys, sparse) => {
        const groups = new KeyGroups(sparse ? 2 ** 30 : 31)
        const oracle = new Map<number, number>()
        const first: Array<number> = []
        keys.forEach((k, row) => {
          if (!oracle.has(k)) {
            oracle.set(k, oracle.size)
            first.push(row)
          }
          expect(groups.add(k, row)).toBe(oracle.get(k))
        })
        expect(groups.size).toBe(oracle.size)
        expect(groups.firstRow).toEqual(first)
        for (let k = 0; k <= 31; k++) expect(groups.get(k)).toBe(oracle.get(k) ?? -1)
      }),
      { numRuns: 200 },
    )
  })
})
