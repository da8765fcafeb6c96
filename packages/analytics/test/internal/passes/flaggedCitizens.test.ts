// The fused pass of srsAlerts against what it replaces: two rollups in
// arquero (all kept rows; kept rows with the flag 1), named keys and a full
// join, zero-filled; on random tables, keys and conditions.
import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { op } from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { expression, type Where } from "../../../src/internal/kernel/where.js"
import { flaggedCitizens } from "../../../src/internal/passes/flaggedCitizens.js"
import { filled, passCase } from "./passTables.js"

const inline: Where = [
  { column: "kind", is: "equal", value: "SRS" },
  { column: "day", is: "within", from: 2, to: 7 },
]

const names = { rows: "forms", flagSum: "alerts", citizens: "citizens", flaggedCitizens: "alerted" }

const rollup = (table: ColumnTable, keys: ReadonlyArray<string>, where: Where, values: Record<string, unknown>) => {
  let t = keys.length > 0 ? table.groupby(...keys) : table
  if (where.length > 0) t = t.filter(expression(where))
  return t.rollup(values as Record<string, string>)
}

const named = (t: ColumnTable, keys: ReadonlyArray<string>) =>
  t.assign(Object.fromEntries(keys.map((k) => [k, Array.from(t.array(k), (v) => (v == null ? "(unknown)" : v))])))

const joined = (table: ColumnTable, keys: ReadonlyArray<string>, where: Where) => {
  const all = rollup(table, keys, where, {
    forms: op.count(),
    alerts: op.sum("flag"),
    citizens: op.distinct("citizen"),
  })
  const flagged = rollup(table, keys, [...where, { column: "flag", is: "equal", value: 1 }], {
    alerted: op.distinct("citizen"),
  })
  if (keys.length === 0) return all.assign(flagged)
  return named(all, keys).join_full(named(flagged, keys), [[...keys], [...keys]])
}

describe("flaggedCitizens", () => {
  it("gives the two rollups joined, zero-filled, on random tables", () => {
    fc.assert(
      fc.property(passCase, fc.boolean(), ({ table, keys, where: random }, judged) => {
        // A condition by code and a range on an Int32Array, judged in the pass; or random ones, dropped first.
        const where: Where = judged ? inline : random
        const ours = flaggedCitizens(table, keys, where, "flag", names)
        expect(ours).toBeDefined()
        const want = filled(joined(table, keys, where).objects(), ["forms", "alerts", "citizens", "alerted"])
        // The join gives its rows in an order of its own: compare as sets of rows, each group once.
        const key = (r: Record<string, unknown>) => JSON.stringify(keys.map((k) => r[k]))
        const sorted = (rows: ReadonlyArray<object>) =>
          [...(rows as ReadonlyArray<Record<string, unknown>>)].sort((a, b) => (key(a) < key(b) ? -1 : 1))
        expect(sorted(ours!.objects())).toEqual(sorted(want))
        expect([...ours!.columnNames()].sort()).toEqual([...keys, "forms", "alerts", "citizens", "alerted"].sort())
      }),
      { numRuns: 300 },
    )
  })

  it("gives no answer where a citizen is missing, the flag is no whole number or two groups would meet in the join", () => {
    const t = aq.table({ key: ["a", "b"], citizen: [1, null], flag: Uint8Array.from([1, 1]) })
    expect(flaggedCitizens(t, ["key"], [], "flag", names)).toBeUndefined()
    const u = t.assign({ citizen: Int32Array.from([1, 2]) })
    expect(flaggedCitizens(u.assign({ flag: [1, 1] }), ["key"], [], "flag", names)).toBeUndefined()
    expect(flaggedCitizens(u.assign({ key: [null, "(unknown)"] }), ["key"], [], "flag", names)).toBeUndefined()
    expect(flaggedCitizens(u, ["key"], [], "flag", names)?.objects()).toEqual([
      { key: "a", forms: 1, alerts: 1, citizens: 1, alerted: 1 },
      { key: "b", forms: 1, alerts: 1, citizens: 1, alerted: 1 },
    ])
  })
})
