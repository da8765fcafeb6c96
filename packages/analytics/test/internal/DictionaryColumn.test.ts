// A dictionary column read whole: toArray (a loop over the codes) gives what
// stepping through the column one value at a time gives.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DictionaryColumn, encode } from "../../src/internal/DictionaryColumn.js"
import { valuesOf } from "../../src/internal/kernel/read.js"
import { tableOf } from "../../src/internal/kernel/table.js"

// The values of a column: short texts, whole numbers and missing values.
const columnValues = fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constantFrom(null, undefined)), {
  maxLength: 40,
})

describe("DictionaryColumn.toArray", () => {
  it("gives each row's value, as the column's iterator and at() give them (property)", () => {
    fc.assert(
      fc.property(columnValues, (values) => {
        const column = encode(values.length, (i) => values[i])
        expect(column.toArray()).toEqual(values)
        expect(column.toArray()).toEqual([...column])
        expect(column.toArray()).toEqual(Array.from({ length: values.length }, (_, i) => column.at(i)))
        expect(Array.from(valuesOf(tableOf([["x", column as unknown as ArrayLike<unknown>]]), "x"))).toEqual(values)
      }),
    )
  })

  it("gives undefined for a code past its dictionary, as at() does", () => {
    const column = new DictionaryColumn(Uint32Array.of(0, 5), ["a"])
    expect(column.toArray()).toEqual(["a", undefined])
  })
})

describe("DictionaryColumn.valuesByRow", () => {
  it("gives toArray's values, the same frozen list each time for a small column (property)", () => {
    fc.assert(
      fc.property(columnValues, (values) => {
        const column = encode(values.length, (i) => values[i])
        const rows = column.valuesByRow()
        expect(rows).toEqual(column.toArray())
        expect(column.valuesByRow()).toBe(rows)
        expect(Object.isFrozen(rows)).toBe(true)
        // toArray still gives a list of the caller's own.
        expect(column.toArray()).not.toBe(rows)
      }),
    )
  })

  it("keeps no second copy of a large column", () => {
    const n = 5000
    const column = encode(n, (i) => `v${i % 7}`)
    const first = column.valuesByRow()
    expect(first).toEqual(column.toArray())
    expect(column.valuesByRow()).not.toBe(first)
  })
})
