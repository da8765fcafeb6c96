import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Indicator, Indicators } from "../../src/index.js"
import { definitions, handWritten, toArquero } from "../../src/query/index.js"
import { dataset } from "../arbitraries.js"
import { groupings, sameTable } from "./compare.js"
import { syntheticYear, tablesOf } from "./synthetic.js"

const described = Object.values(definitions)
const indicatorOf = (id: string) => Indicators.catalogue[id as Indicators.IndicatorId]
const runs = Number(process.env.QUERY_RUNS ?? 30)

describe("query descriptions of the catalogue's indicators", () => {
  it("describe ten indicators and write six by hand, with each one's dimensions and measure columns in order", () => {
    expect(described.map((q) => q.id).sort()).toEqual([
      "attendanceRate",
      "completionRate",
      "extensionRate",
      "feedbackSummary",
      "goalAttainment",
      "involvement",
      "kprReportable",
      "orsChange",
      "participation",
      "srsAlerts",
    ])
    expect(Object.keys(handWritten).sort()).toEqual([
      "capacityUse",
      "communityTransition",
      "departmentContributions",
      "newReturning",
      "recoveryStart",
      "referralToStart",
    ])
    for (const q of [...described, ...Object.values(handWritten)]) {
      expect(q.dimensions, q.id).toEqual(indicatorOf(q.id).dimensions)
      expect(q.output, q.id).toEqual(indicatorOf(q.id).measures.map((m) => m.column))
    }
  })

  const tables = tablesOf(syntheticYear)
  for (const q of described) {
    it(`${q.id}: compiled to arquero, gives the indicator's own table on the synthetic year for every grouping`, () => {
      for (const by of groupings(q.dimensions)) {
        const ours = toArquero(q, tables, by)
        expect(ours.numRows(), `${q.id} by [${by}]`).toBeGreaterThan(0)
        sameTable(ours, Indicator.compute(indicatorOf(q.id), tables, { by }).table, by, `${q.id} by [${by}]`)
      }
    })
  }

  it("give the indicators' own tables on small random years", () => {
    fc.assert(
      fc.property(dataset, (data) => {
        const t = tablesOf(data)
        for (const q of described) {
          for (const by of groupings(q.dimensions))
            sameTable(
              toArquero(q, t, by),
              Indicator.compute(indicatorOf(q.id), t, { by }).table,
              by,
              `${q.id} by [${by}]`,
            )
        }
      }),
      { numRuns: runs },
    )
  })
})

describe("the comparison", () => {
  it("catches a description that differs from its indicator in one condition", () => {
    const tables = tablesOf(syntheticYear)
    const q = definitions.goalAttainment
    const wrong = {
      ...q,
      parts: [
        {
          ...q.parts[0]!,
          aggregates: q.parts[0]!.aggregates.map((a) =>
            a.as === "reached"
              ? {
                  kind: "countIf" as const,
                  as: "reached",
                  where: [{ kind: "compare" as const, column: "goalReached", op: "=" as const, value: "no" }],
                }
              : a,
          ),
        },
      ],
    }
    expect(() =>
      sameTable(
        toArquero(wrong, tables, ["offering"]),
        Indicator.compute(Indicators.catalogue.goalAttainment, tables, { by: ["offering"] }).table,
        ["offering"],
        "mutant",
      ),
    ).toThrow()
  })
})
