// The grouping of a table as the rollup kernel makes it, and the table of a
// fused pass in the rollup's shape: the same rows, order and keys as
// arquero's groupby → rollup of a count.
import * as aq from "arquero"
import { op } from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DictionaryColumn } from "../../../src/internal/DictionaryColumn.js"
import { groupedTable, groupingOf, shownGroups } from "../../../src/internal/passes/grouping.js"

const words = ["a", "b", null] as const

describe("grouping", () => {
  it("numbers and shows groups as arquero's groupby → filter → rollup", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), {
          maxLength: 30,
        }),
        fc.subarray(["dict", "small"]),
        fc.boolean(),
        (rows, keys, filtered) => {
          const table = aq.table({
            dict: new DictionaryColumn(
              Uint32Array.from(rows, (r) => r[0]),
              words,
            ),
            small: Int32Array.from(rows, (r) => r[1]),
            kept: Uint8Array.from(rows, (r) => (r[2] ? 1 : 0)),
          })
          const grouping = groupingOf(table, keys)!
          const n = new Float64Array(grouping.groups.size)
          rows.forEach((r, i) => {
            if (!filtered || r[2]) n[grouping.groups.of[i]!]!++
          })
          const ours = groupedTable(grouping, keys, shownGroups(grouping, filtered, n), [["n", n]])
          let t = keys.length > 0 ? table.groupby(...keys) : table
          if (filtered) t = t.filter("d => d.kept === 1")
          expect(ours.objects()).toEqual(t.rollup({ n: op.count() }).objects())
        },
      ),
      { numRuns: 200 },
    )
  })

  it("reads no filtered or ordered table", () => {
    const t = aq.table({ k: Int32Array.from([1, 0]) })
    expect(groupingOf(t.orderby("k"), ["k"])).toBeUndefined()
    expect(groupingOf(t.filter("d => d.k > 0"), ["k"])).toBeUndefined()
  })
})
