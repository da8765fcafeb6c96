// memberOf against a Set, as arquero's lookup matches keys: on random typed
// and plain columns (negative ids, null, NaN), the same flags.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { isValid } from "../../../src/internal/kernel/codes.js"
import { memberOf } from "../../../src/internal/kernel/lookup.js"

const runs = Number(process.env.KERNEL_RUNS ?? 150)

const bySet = (keys: ArrayLike<unknown>, among: ArrayLike<unknown>): Uint8Array => {
  const set = new Set(Array.from(among).filter(isValid))
  return Uint8Array.from(Array.from(keys), (k) => (set.has(k) ? 1 : 0))
}

describe("memberOf", () => {
  it("flags the rows whose key is among the valid values of the other column", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 40 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: -3, max: 40 }), { maxLength: 30 }),
        (keys, among) => {
          expect(memberOf(Int32Array.from(keys), Int32Array.from(among))).toEqual(bySet(keys, among))
          expect(memberOf(Int32Array.from(keys), among)).toEqual(bySet(keys, among))
        },
      ),
      { numRuns: runs },
    )
    const loose = [1, null, Number.NaN, undefined, "1"]
    expect(memberOf(loose, [null, Number.NaN, 1])).toEqual(Uint8Array.from([1, 0, 0, 0, 0]))
  })
})
