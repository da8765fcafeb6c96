// Distinct citizens per group of a combined key against a Map of Sets, in
// order of first appearance: the pass that counts by key and numbers the
// groups after it, and the one that numbers them as it goes (a span too
// large for arrays by key), give the same groups, counts and pairs.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { codeBound, keyedCitizens } from "../../../src/internal/passes/keyedCitizens.js"

const rowsOf = (n: number) =>
  fc.record({
    key: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: n, maxLength: n }),
    citizen: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
    // Every row of the table, or a few of them (the active rows), in order.
    subset: fc.boolean(),
  })

describe("keyedCitizens", () => {
  it("gives each group's distinct citizens in order of first appearance", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain(rowsOf),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        ({ key, citizen, subset }, large, indirect, whole) => {
          const rows = Int32Array.from(key.keys()).filter((i) => !subset || i % 3 !== 1)
          const m = rows.length
          const keyOf = (i: number) => key[rows[i]!]!
          // The keys read through the rows, or gathered ahead.
          const keys = indirect
            ? { codes: Int32Array.from(key), at: rows, span: large ? 2 ** 20 : 12 }
            : { codes: Float64Array.from(rows, (r) => key[r]!), at: undefined, span: large ? 2 ** 20 : 12 }
          const whole0 = whole && key.every((k) => k === 0)
          const bound = codeBound(Int32Array.from(citizen))
          const out = keyedCitizens(m, keys, rows, Int32Array.from(citizen), bound, whole0)
          const oracle = new Map<number, { first: number; citizens: Set<number> }>()
          if (whole0) oracle.set(0, { first: 0, citizens: new Set() })
          for (let i = 0; i < m; i++) {
            const k = keyOf(i)
            if (!oracle.has(k)) oracle.set(k, { first: i, citizens: new Set() })
            oracle.get(k)!.citizens.add(citizen[rows[i]!]!)
          }
          expect(out.groups.firstRow).toEqual([...oracle.values()].map((g) => g.first))
          expect(Array.from(out.citizens)).toEqual([...oracle.values()].map((g) => g.citizens.size))
          for (const [k, g] of oracle) {
            expect(out.groups.get(k)).toBe([...oracle.keys()].indexOf(k))
            for (let c = 0; c < bound; c++) expect(out.seen.has(k, c)).toBe(g.citizens.has(c))
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it("bounds codes by one more than the largest, and at least 1", () => {
    expect(codeBound(Int32Array.from([]))).toBe(1)
    expect(codeBound(Int32Array.from([3, 0, 7, 2]))).toBe(8)
  })
})
