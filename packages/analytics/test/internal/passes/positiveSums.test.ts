// The fused pass of involvement against arquero's rollup of the same
// aggregates, zero-filled, on random tables and keys.
import * as aq from "arquero"
import { op } from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { positiveSums } from "../../../src/internal/passes/positiveSums.js"
import { filled, passCase } from "./passTables.js"
import { arqueroRollup } from "./rollupOracle.js"

const columns = [
  { column: "count", above: "countAbove", sum: "countSum" },
  { column: "flag", above: "flagAbove", sum: "flagSum" },
] as const

describe("positiveSums", () => {
  it("gives arquero's rollup, zero-filled, on random tables", () => {
    fc.assert(
      fc.property(passCase, ({ table, keys }) => {
        const ours = positiveSums(table, keys, "n", columns)
        expect(ours).toBeDefined()
        const want = arqueroRollup(table, keys, [], {
          n: op.count(),
          countAbove: "d => op.sum(d.count > 0 ? 1 : 0)",
          countSum: op.sum("count"),
          flagAbove: "d => op.sum(d.flag > 0 ? 1 : 0)",
          flagSum: op.sum("flag"),
        })
        expect(ours!.columnNames()).toEqual(want.columnNames())
        expect(ours!.objects()).toEqual(filled(want.objects(), ["n", "countAbove", "countSum", "flagAbove", "flagSum"]))
      }),
      { numRuns: 300 },
    )
  })

  it("gives no answer where a column is not whole numbers", () => {
    const t = aq.table({ key: ["a"], count: [1], flag: Uint8Array.from([1]) })
    expect(positiveSums(t, ["key"], "n", columns)).toBeUndefined()
  })
})
