// The rounding profile: small inner cells go to 0 or the base, published
// cells are sums of rounded inner cells, so no published count is between 1
// and base − 1 and the parts add up to their whole.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { Indicator, Indicators, Publish, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

describe("rounding", () => {
  it("rounds a group so that its total stays as close as it can", () => {
    expect(Publish.roundGroup([2, 2], [[0, 1]], 3)).toEqual([3, 0])
    expect(Publish.roundGroup([1, 1, 1, 7], [[0, 1, 2, 3]], 3)).toEqual([3, 0, 0, 7])
    // Each 4 is nearer 5 than 0, and 15 is as near 12 as 10 is: all three go up.
    expect(Publish.roundGroup([4, 4, 4], [[0, 1, 2]], 5)).toEqual([5, 5, 5])
    expect(Publish.roundGroup([2, 2, 2, 2], [[0, 1, 2, 3]], 5)).toEqual([5, 0, 0, 0])
    expect(Publish.roundGroup([1], [], 5)).toEqual([0])
  })

  const tables = Tables.fromDataset(generate({ policy, seed: 5, year: 2024, citizens: 60 }), { policy })
  const results = [
    Indicator.compute(Indicators.catalogue.goalAttainment, tables, { margins: true }),
    Indicator.compute(Indicators.catalogue.goalAttainment, tables, { by: ["month"], margins: true }),
    Indicator.compute(Indicators.catalogue.feedbackSummary, tables, { margins: true }),
    Indicator.compute(Indicators.catalogue.attendanceRate, tables, { by: ["month"], margins: true }),
    Indicator.compute(Indicators.catalogue.participation, tables, { by: ["month"], margins: true }),
  ]

  it.each([3, 5])("shows no count of people from 1 to base − 1, and parts add up to their whole (base %i)", (base) => {
    const pub = Publish.publishAll(results, { tables, profile: { name: "rounding", base } })
    for (const t of pub.tables) {
      for (const m of t.indicator.measures.filter((x) => x.kind === "persons" || x.of !== undefined)) {
        for (const v of Array.from(t.table.array(m.column) as ArrayLike<number | null>))
          expect(v === null || v === 0 || v >= base).toBe(true)
      }
    }
    const rows = (i: number) => pub.tables[i]!.table.objects() as Array<Record<string, number | string | null>>
    // Goals and feedback are records: rows add up to the total, and each row to its parts.
    for (const i of [0, 1]) {
      const all = rows(i)
      for (const r of all)
        expect(r.evaluated).toBe((r.reached as number) + (r.partly as number) + (r.notReached as number))
      const total = all.find((r) => r.offering === "(total)" || r.month === "(total)")!
      expect(all.filter((r) => r !== total).reduce((s, r) => s + (r.evaluated as number), 0)).toBe(total.evaluated)
    }
    // The same total in both tables.
    expect(rows(0).at(-1)!.evaluated).toBe(rows(1).at(-1)!.evaluated)
    for (const r of rows(2))
      expect((r.responses as number) >= (r.rated as number) && (r.rated as number) >= (r.good as number)).toBe(true)
    // Distinct people: each month's booked still holds its present.
    rows(3).forEach((r, i) => {
      expect((r.citizens as number) >= (rows(4)[i]!.participants as number)).toBe(true)
    })
  })
})
