// The fused pass of feedbackSummary against arquero's rollup of the same
// aggregates (the kernel's mean is the sum over the valid count), on random
// tables, keys and conditions, with ratings plain or typed.
import * as aq from "arquero"
import { op } from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Where } from "../../../src/internal/kernel/where.js"
import { ratings } from "../../../src/internal/passes/ratings.js"
import { filled, passCase } from "./passTables.js"
import { arqueroRollup } from "./rollupOracle.js"

const names = { rows: "n", valid: "rated", mean: "mean", atLeast: "good" }

describe("ratings", () => {
  it("gives arquero's rollup, zero-filled, on random tables", () => {
    fc.assert(
      fc.property(
        passCase,
        fc.boolean(),
        fc.integer({ min: -1, max: 5 }),
        fc.boolean(),
        ({ table, keys, where: random }, typed, threshold, judged) => {
          // A range on an Int32Array alone, judged in the pass; or random conditions, dropped first.
          const where: Where = judged ? [{ column: "day", is: "within", from: 2, to: 7 }] : random
          const t = typed
            ? table.assign({
                rating: Float64Array.from(table.array("rating") as ArrayLike<unknown>, (v) =>
                  v == null ? Number.NaN : (v as number),
                ),
              })
            : table
          const ours = ratings(t, keys, where, "rating", threshold, names)
          expect(ours).toBeDefined()
          const want = arqueroRollup(t, keys, where, {
            n: op.count(),
            rated: op.valid("rating"),
            mean: "d => op.sum(d.rating) / op.valid(d.rating)",
            good: `d => op.sum(d.rating >= ${threshold} ? 1 : 0)`,
          })
          expect(ours!.columnNames()).toEqual(want.columnNames())
          expect(ours!.objects()).toEqual(filled(want.objects(), ["n", "rated", "good"]))
        },
      ),
      { numRuns: 300 },
    )
  })

  it("gives no answer where the ratings are of another kind", () => {
    const t = aq.table({ key: ["a"], rating: Int32Array.from([1]) })
    expect(ratings(t, ["key"], [], "rating", 4, names)).toBeUndefined()
  })
})
