// The rows' groups with -1 where a condition fails, against the kernel's
// mask of the same conditions, on random tables and conditions.
import * as aq from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { mask } from "../../../src/internal/kernel/where.js"
import { keptOf } from "../../../src/internal/passes/keptOf.js"
import { passCase } from "./passTables.js"

describe("keptOf", () => {
  it("keeps a row's group exactly where the mask has a 1", () => {
    fc.assert(
      fc.property(passCase, ({ table, where }) => {
        const n = table.numRows()
        const groups = Int32Array.from({ length: n }, (_, i) => i % 3)
        const ours = keptOf(table, where, groups)
        const want = mask(table, where)!
        expect(Array.from(ours!)).toEqual(Array.from(groups, (g, i) => (want[i] === 1 ? g : -1)))
        // The groups given are read, never written.
        expect(Array.from(groups)).toEqual(Array.from({ length: n }, (_, i) => i % 3))
      }),
      { numRuns: 300 },
    )
  })

  it("gives no answer where a column is missing", () => {
    const t = aq.table({ key: ["a"] })
    expect(keptOf(t, [{ column: "nope", is: "present" }], Int32Array.of(0))).toBeUndefined()
  })
})
