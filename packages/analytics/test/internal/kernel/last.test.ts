// lastRows against the Map it replaced: on random keys (some negative, some
// repeated) and orders (with ties and NaN), typed or plain, the same rows.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { lastRows } from "../../../src/internal/kernel/last.js"

const runs = Number(process.env.KERNEL_RUNS ?? 150)

// Each key's row of greatest order, the first on a tie, as goalAttainment found it with a Map.
const byMap = (keys: ArrayLike<number>, order: ArrayLike<number>): Uint8Array => {
  const last = new Map<number, number>()
  for (let i = 0; i < keys.length; i++) {
    const seen = last.get(keys[i]!)
    if (seen === undefined || order[i]! > order[seen]!) last.set(keys[i]!, i)
  }
  return Uint8Array.from({ length: keys.length }, (_, i) => (keys[i]! >= 0 && last.get(keys[i]!) === i ? 1 : 0))
}

describe("lastRows", () => {
  it("gives each key's row of greatest order, the first on a tie", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((n) =>
          fc.record({
            keys: fc.array(fc.integer({ min: -2, max: 6 }), { minLength: n, maxLength: n }),
            order: fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(Number.NaN)), {
              minLength: n,
              maxLength: n,
            }),
          }),
        ),
        ({ keys, order }) => {
          const orders = Float64Array.from(order)
          expect(lastRows(Int32Array.from(keys), orders)).toEqual(byMap(keys, orders))
          expect(lastRows(keys, orders)).toEqual(byMap(keys, orders))
        },
      ),
      { numRuns: runs },
    )
  })
})
