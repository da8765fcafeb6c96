// The row order of kernel/sort.ts against arquero's orderby: on random key
// columns mixing texts, numbers, dates, null, undefined and NaN, orderOf
// gives the rows in the order arquero's orderby gives them, ties included.
import * as aq from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compareAsArquero, orderOf } from "../../../src/internal/kernel/sort.js"

const runs = Number(process.env.KERNEL_RUNS ?? 150)

const value = fc.oneof(
  fc.constantFrom("a", "b", "(unknown)", "2024-01", "2024-10", "", null, undefined, Number.NaN),
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d))),
)

describe("orderOf", () => {
  it("gives arquero's orderby order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }).chain((n) =>
          fc.record({
            a: fc.array(value, { minLength: n, maxLength: n }),
            b: fc.array(value, { minLength: n, maxLength: n }),
            keys: fc.subarray(["a", "b"], { minLength: 1 }),
          }),
        ),
        ({ a, b, keys }) => {
          const row = Array.from(a, (_, i) => i)
          const table = aq.table({ a, b, row })
          const want = table.orderby(...keys).array("row")
          const columns = { a, b } as Record<string, ArrayLike<unknown>>
          expect(
            orderOf(
              a.length,
              keys.map((k) => columns[k]!),
            ),
          ).toEqual(Uint32Array.from(want as ArrayLike<number>))
        },
      ),
      { numRuns: runs },
    )
  })

  it("puts missing values first and NaN before numbers", () => {
    expect(compareAsArquero(null, "a")).toBe(-1)
    expect(compareAsArquero("a", undefined)).toBe(1)
    expect(compareAsArquero(Number.NaN, 1)).toBe(-1)
    expect(compareAsArquero(null, undefined)).toBe(0)
  })
})
