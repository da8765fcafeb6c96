// The dimension builder against plain per-row lookups: values, dictionaries
// in order of first appearance, and a table cut to the rows it kept.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DimensionBuilder, floats } from "../../src/internal/columns.js"
import { DateParts } from "../../src/internal/dates.js"
import { firstAppearance, naiveParts } from "../tables/reference.js"

const facts = (o: string) => (o === "nowhere" ? undefined : { category: `c-${o.length % 2}`, department: `d-${o[0]}` })
const row = fc.record({
  offering: fc.constantFrom("a", "bb", "cc", "nowhere", undefined),
  // Fresh copies of one date too: found by their digits, not by the text object.
  date: fc.constantFrom("2024-01-31", "2024-02-29", "2023-12-31").map((d) => d.slice(0, 4) + d.slice(4)),
})

describe("DimensionBuilder", () => {
  it("gives the plain per-row values and dictionaries, cut to the first n rows (property)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.nat(), (rows, k) => {
        const n = rows.length === 0 ? 0 : k % (rows.length + 1)
        const b = new DimensionBuilder(rows.length, facts, new DateParts())
        for (let i = 0; i < n; i++) b.set(i, rows[i]!.offering, rows[i]!.date)
        const cols = b.columns(n)
        const kept = rows.slice(0, n)
        const plain = {
          offering: kept.map((r) => r.offering ?? null),
          category: kept.map((r) => (r.offering === undefined ? null : (facts(r.offering)?.category ?? null))),
          department: kept.map((r) => (r.offering === undefined ? null : (facts(r.offering)?.department ?? null))),
          month: kept.map((r) => naiveParts(r.date).month),
          year: kept.map((r) => naiveParts(r.date).year),
        }
        for (const [name, values] of Object.entries(plain)) {
          const col = cols[name as keyof typeof plain]
          expect(col.length).toBe(n)
          expect(col.toArray()).toEqual(values)
          expect([...col.values]).toEqual(firstAppearance(values))
        }
        expect([...cols.day]).toEqual(kept.map((r) => naiveParts(r.date).day))
      }),
    )
  })
})

describe("floats", () => {
  it("maps the selected rows", () => {
    expect([...floats(Int32Array.of(2, 0), (r) => r / 2)]).toEqual([1, 0])
  })
})
