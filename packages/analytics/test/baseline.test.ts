// The benchmark's hand-written baselines and the arquero indicators are two
// independent implementations of the same definitions; on random years they
// must give the same tables.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { baselines, context, same } from "../bench/baseline.js"
import { Indicator, Indicators, Tables } from "../src/index.js"
import { dataset } from "./arbitraries.js"
import { policy } from "./fixturePolicy.js"

const capacity = { sandneshallen: 3, karategruppe: 2 }

describe("indicators against the hand-written baselines", () => {
  it("agree on every indicator's default table for random years", () => {
    fc.assert(
      fc.property(dataset, (data) => {
        const tables = Tables.fromDataset(data, { policy, capacity })
        const c = context(data, policy, capacity)
        for (const [id, baseline] of Object.entries(baselines)) {
          const indicator = Indicators.catalogue[id as Indicators.IndicatorId]
          const ours = Indicator.compute(indicator, tables).table.objects() as Array<Record<string, unknown>>
          const theirs = baseline(c)
          expect(ours.length, id).toBe(theirs.length)
          ours.forEach((row, i) => {
            for (const [k, v] of Object.entries(row))
              expect(same(v, theirs[i]![k]), `${id} row ${i} ${k}: ${String(v)} vs ${String(theirs[i]![k])}`).toBe(true)
          })
        }
      }),
      { numRuns: 80 },
    )
  })
})
