// A grouping in canonical order: each dimension once, in Dimension.all's
// order, whatever order and repeats the caller gave, frozen or not, and
// always a list of its own that the caller's list does not share.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dimensions, inCanonicalOrder } from "../../src/internal/dimensionList.js"

describe("inCanonicalOrder", () => {
  it("gives each dimension once in canonical order, in a new list (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...dimensions), { maxLength: 10 }), fc.boolean(), (by, frozen) => {
        const given = frozen ? Object.freeze([...by]) : [...by]
        const got = inCanonicalOrder(given)
        expect(got).toEqual(dimensions.filter((d) => by.includes(d)))
        expect(got).not.toBe(given)
        expect(Object.isFrozen(got)).toBe(false)
        expect(given).toEqual(by)
      }),
    )
  })

  it("takes a list already in order as it is, and sorts one out of order or with a repeat", () => {
    expect(inCanonicalOrder(["offering", "month"])).toEqual(["offering", "month"])
    expect(inCanonicalOrder(["month", "offering"])).toEqual(["offering", "month"])
    expect(inCanonicalOrder(["month", "month"])).toEqual(["month"])
    expect(inCanonicalOrder([])).toEqual([])
  })
})
