// The fused pass of kprReportable against arquero's rollup of rows and a
// sum, zero-filled, on random tables, keys and conditions: with a condition
// by code and a range on an Int32Array it judges them inline, otherwise it
// drops the rows first.
import * as aq from "arquero"
import { op } from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { keptSums } from "../../../src/internal/passes/keptSums.js"
import { filled, passCase } from "./passTables.js"
import { arqueroRollup } from "./rollupOracle.js"

const inline = [
  { column: "dict", is: "present" },
  { column: "day", is: "within", from: 2, to: 7 },
] as const

describe("keptSums", () => {
  it("gives arquero's rollup, zero-filled, on random tables", () => {
    fc.assert(
      fc.property(passCase, fc.boolean(), ({ table, keys, where }, judged) => {
        const conditions = judged ? inline : where
        const names = keys.map((k) => `${k}Out`)
        const ours = keptSums(table, names, keys, conditions, "count", { rows: "n", sum: "s" })
        expect(ours).toBeDefined()
        const want = arqueroRollup(table, keys, conditions, { n: op.count(), s: op.sum("count") })
        const renamed = want.rename(Object.fromEntries(keys.map((k, i) => [k, names[i]!])))
        expect(ours!.columnNames()).toEqual(renamed.columnNames())
        expect(ours!.objects()).toEqual(filled(renamed.objects(), ["n", "s"]))
      }),
      { numRuns: 300 },
    )
  })

  it("gives no answer where the summed column is not whole numbers", () => {
    const t = aq.table({ key: ["a"], count: [1] })
    expect(keptSums(t, ["key"], ["key"], [], "count", { rows: "n", sum: "s" })).toBeUndefined()
  })
})
