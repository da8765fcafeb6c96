// Combined keys: mixing keys in one after another gives the mixed-radix
// number of the codes, read directly or through a subset of rows.
import { describe, expect, it } from "vitest"
import { mixIn } from "../../../src/internal/passes/mixIn.js"

describe("mixIn", () => {
  it("gives key × size + code, per row or through the rows given", () => {
    const key = new Float64Array(3)
    mixIn(key, 4, [3, 1, 2], undefined)
    mixIn(key, 10, [9, 8, 7, 6, 5], Int32Array.from([4, 0, 2]))
    expect(Array.from(key)).toEqual([35, 19, 27])
  })
})
