import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"

// Every indicator, every single dimension it allows and no dimension, with
// and without margins, on small random years with messy edges.
const groupings = Indicators.all.flatMap((indicator) =>
  [[], ...indicator.dimensions.map((d) => [d])].map((by) => ({ indicator, by })),
)

describe("every indicator on random years", () => {
  it("keeps rates within 0–1, counts whole and non-negative, and statistics finite", () => {
    fc.assert(
      fc.property(dataset, fc.boolean(), (data, margins) => {
        const tables = Tables.fromDataset(data, { policy })
        for (const { indicator, by } of groupings) {
          const table = Indicator.compute(indicator, tables, { by, margins }).table
          for (const m of indicator.measures) {
            const values = Array.from(table.array(m.column) as ArrayLike<number | null>)
            for (const v of values) {
              const where = `${indicator.id}.${m.column} by [${by.join(", ")}] = ${v}`
              if (m.kind === "rate") expect(v === null || (v >= 0 && v <= 1), where).toBe(true)
              else if (m.kind === "persons" || m.kind === "count")
                expect(Number.isInteger(v) && v! >= 0, where).toBe(true)
              else expect(v === null || Number.isFinite(v), where).toBe(true)
            }
          }
          for (const m of indicator.measures.filter((x) => x.kind === "rate")) {
            const num = Array.from(table.array(m.numerator!) as ArrayLike<number | null>)
            const den = Array.from(table.array(m.denominator!) as ArrayLike<number | null>)
            num.forEach((n, i) => {
              expect(n === null || den[i] === null || n <= den[i]!).toBe(true)
            })
          }
        }
      }),
      { numRuns: 40 },
    )
  })

  it("gives the same total row whatever dimension the margins are taken over", () => {
    fc.assert(
      fc.property(dataset, (data) => {
        const tables = Tables.fromDataset(data, { policy })
        for (const indicator of Indicators.all) {
          const overall = Indicator.compute(indicator, tables, { by: [] }).table.objects()[0]
          for (const d of indicator.dimensions) {
            const rows = Indicator.compute(indicator, tables, { by: [d], margins: true }).table.objects() as Array<
              Record<string, unknown>
            >
            const { [d]: _, ...total } = rows[rows.length - 1]!
            expect(total).toEqual(overall)
          }
        }
      }),
      { numRuns: 25 },
    )
  })
})
