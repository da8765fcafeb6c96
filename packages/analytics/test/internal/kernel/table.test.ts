// A table from named columns: the same as arquero's table of a record, in
// the columns' order, a name given twice in its first place with its last
// values, also for names Object.prototype holds and a name no plain
// identifier (built the record's way, so "__proto__" stays a column).
import * as aq from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { record } from "../../../src/internal/expr.js"
import { tableOf } from "../../../src/internal/kernel/table.js"

describe("tableOf", () => {
  it("gives arquero's table of the same record", () => {
    const name = fc.oneof(
      fc.constantFrom("a", "b", "x1", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "d e"),
      fc.string(),
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.array(fc.integer(), { minLength: 2, maxLength: 2 })), { maxLength: 5 }),
        (cols) => {
          const ours = tableOf(cols)
          const want = aq.table(record(cols))
          expect(ours.columnNames()).toEqual(want.columnNames())
          // Every name is the table's own column, whatever Object.prototype holds under it.
          for (const c of ours.columnNames())
            if (c !== "__proto__") expect(Object.hasOwn(ours.data() as object, c), c).toBe(true)
          // arquero reads no column named "__proto__" either way: compare the others' values.
          for (const c of want.columnNames()) if (c !== "__proto__") expect(ours.array(c)).toEqual(want.array(c))
        },
      ),
    )
  })
})
