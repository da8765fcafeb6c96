// The benchmark's typed-array passes and the arquero indicators are two
// independent implementations of the same definitions over the same tables:
// on random and synthetic years they must give the same tables (same rows in
// the same order, same columns, values equal as `same` compares them).
import { generate } from "@aktivitetsmodell/core/synthetic"
import { shippedPolicy } from "@aktivitetsmodell/rules/node"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { same } from "../../bench/baseline.js"
import { benchYear } from "../../bench/input.js"
import { typedBaselines } from "../../bench/typedBaseline.js"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"
import { att, enr, fit, session, year } from "../helpers.js"

const expectAgree = (tables: Tables.Tables): void => {
  for (const indicator of Indicators.all) {
    const id = indicator.id as Indicators.IndicatorId
    const ours = Indicator.compute(indicator, tables).table.objects() as Array<Record<string, unknown>>
    const theirs = typedBaselines[id](tables)
    expect(theirs.length, id).toBe(ours.length)
    ours.forEach((row, i) => {
      const other = theirs[i]!
      expect(Object.keys(other), `${id} row ${i}`).toEqual(Object.keys(row))
      for (const [k, v] of Object.entries(row))
        expect(same(v, other[k]), `${id} row ${i} ${k}: ${String(v)} vs ${String(other[k])}`).toBe(true)
    })
  }
}

describe("indicators against the typed-array passes", () => {
  it("has a pass for every indicator", () => {
    expect(Object.keys(typedBaselines).sort()).toEqual(Indicators.all.map((i) => i.id).sort())
  })

  it("agree on every indicator's default table for random years", () => {
    const capacity = { sandneshallen: 3, karategruppe: 2 }
    fc.assert(
      fc.property(dataset, (data) => expectAgree(Tables.fromDataset(data, { policy, capacity }))),
      { numRuns: 100 },
    )
  })

  it("agree on synthetic years", () => {
    const shipped = shippedPolicy()
    for (const [seed, citizens] of [
      [1, 40],
      [7, 300],
    ] as const)
      expectAgree(
        Tables.fromDataset(generate({ policy: shipped, seed, citizens, year: 2024 }), {
          policy: shipped,
          capacity: { sandneshallen: 30, volleyball: 20 },
        }),
      )
  })

  it("agree on a small benchmark year", () => {
    const shipped = shippedPolicy()
    expectAgree(
      Tables.fromDataset(benchYear({ enrollments: 3000, seed: 3 }), {
        policy: shipped,
        capacity: { sandneshallen: 30, volleyball: 20, helarsbading: 25 },
      }),
    )
  })

  // Offerings the catalogue lacks (no category, an id sorting before "(unknown)")
  // and records that name no offering: missing dimension values sort first,
  // except where two partial results are joined and "(unknown)" sorts as text.
  it("agree where records name an offering the catalogue lacks, or none", () => {
    const { offeringId: _, ...noOffering } = att(3, "sandneshallen", "2024-03-02")
    const data = year({
      enrollments: [
        enr("n-1-#lokal", 1, "#lokal", "2024-02-01", { end: "2024-03-01", status: "completed" }),
        enr("n-2-sandneshallen", 2, "sandneshallen", "2024-02-01"),
        enr("n-3-zz-ukjent", 3, "zz-ukjent", "2024-01-15"),
      ],
      attendance: [
        att(1, "#lokal", "2024-02-05"),
        att(2, "sandneshallen", "2024-02-06"),
        att(3, "zz-ukjent", "2024-02-07", "no-show"),
        { ...noOffering, enrollmentId: "n-9" },
      ],
      sessions: [
        session("#lokal", "2024-02-05", 1),
        session("zz-ukjent", "2024-02-07", 0, 2),
        session("sandneshallen", "2024-02-06"),
      ],
      goalEvaluations: [
        {
          id: "g-1",
          enrollmentId: "n-9",
          therapistId: "s-1",
          date: "2024-05-01",
          goalReached: "yes",
          decision: "completed",
        },
      ],
      transitions: [{ id: "t-1", citizenId: "f".repeat(32), date: "2024-04-01", destination: "Klubb", kind: "club" }],
      fitScores: [fit(1, "2024-02-01", "ORS", 12), fit(1, "2024-05-01", "ORS", 25), fit(4, "2024-02-01", "SRS", 20)],
      feedback: [{ id: "b-1", source: "citizen", date: "2024-06-01", theme: "informasjon" }],
    })
    expectAgree(Tables.fromDataset(data, { policy, capacity: { "#lokal": 4 } }))
  })
})
