// The fused rollup of rows, distinct citizens and sums against arquero's
// groupby → filter → rollup: on random tables of the column kinds the
// package builds, random keys, flags and measures, the same rows in the same
// order; and no answer (so that the caller runs rollupBy) where a column is
// of a kind the pass does not read.
import * as aq from "arquero"
import { op } from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DictionaryColumn } from "../../../src/internal/DictionaryColumn.js"
import { record } from "../../../src/internal/expr.js"
import { type CitizenMeasure, citizenRollup } from "../../../src/internal/passes/citizenRollup.js"

const words = ["a", "b", "c", null] as const

const tableOf = (n: number) =>
  fc.record({
    dict: fc.array(fc.integer({ min: 0, max: words.length - 1 }), { minLength: n, maxLength: n }),
    other: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    loose: fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(null)), { minLength: n, maxLength: n }),
    citizen: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
    flag: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    count: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
  })

type Data = { [K in "dict" | "other" | "loose" | "citizen" | "flag" | "count"]: Array<number | null> }

const build = (c: Data) =>
  aq.table({
    // A dictionary with a value no row holds, as a combined table may have.
    dict: new DictionaryColumn(Uint32Array.from(c.dict as number[]), words),
    other: new DictionaryColumn(Uint32Array.from(c.other as number[]), ["x", "y", "z"]),
    loose: c.loose,
    citizen: Int32Array.from(c.citizen as number[]),
    flag: Uint8Array.from(c.flag as number[]),
    count: Int32Array.from(c.count as number[]),
  })

const measure = fc.constantFrom<CitizenMeasure>("rows", "citizens", { sum: "count" }, { sum: "flag" })
const asArquero = (m: CitizenMeasure) =>
  m === "rows" ? op.count() : m === "citizens" ? op.distinct("citizen") : op.sum(m.sum)

describe("citizenRollup", () => {
  it("gives arquero's groupby → filter → rollup on random tables", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }).chain((n) =>
          fc.record({
            data: tableOf(n),
            keys: fc.subarray(["dict", "other", "loose"], { maxLength: 3 }),
            flagged: fc.boolean(),
            measures: fc.array(measure, { minLength: 1, maxLength: 4 }),
          }),
        ),
        ({ data, keys, flagged, measures }) => {
          const table = build(data)
          const named = measures.map((m, i) => [`m${i}`, m] as const)
          const ours = citizenRollup(table, keys, flagged ? "flag" : undefined, named)
          expect(ours).toBeDefined()
          let t = keys.length > 0 ? table.groupby(...keys) : table
          if (flagged) t = t.filter("d => d.flag === 1")
          const want = t.rollup(
            record(named.map(([k, m]) => [k, asArquero(m)] as const)) as unknown as Record<string, string>,
          )
          expect(ours!.columnNames()).toEqual(want.columnNames())
          expect(ours!.objects()).toEqual(want.objects())
        },
      ),
      { numRuns: 200 },
    )
  })

  it("gives no answer where a citizen is missing or a summed column holds fractions", () => {
    const t = aq.table({ key: ["a", "b"], citizen: [1, null], flag: Uint8Array.from([1, 1]), real: [0.5, 1] })
    expect(citizenRollup(t, ["key"], "flag", [["n", "rows"]])).toBeUndefined()
    const u = t.assign({ citizen: Int32Array.from([1, 2]), real: Float64Array.from([0.5, 1]) })
    expect(citizenRollup(u, ["key"], "flag", [["s", { sum: "real" }]])).toBeUndefined()
    expect(citizenRollup(u, ["key"], "flag", [["n", "rows"]])?.objects()).toEqual([
      { key: "a", n: 1 },
      { key: "b", n: 1 },
    ])
  })
})
