// Table building tries the next enrollment in order before its map and
// reuses a citizen's code per enrollment, because exports usually list
// records in their enrollments' order. Property: records in any order give
// the same indicator tables as in the order drawn, so the shortcuts never
// change a figure. Attendance, enrollments, referrals, transitions and
// extensions are shuffled; goal evaluations and FIT forms keep their order,
// since a tie on the same day is broken by the place in the input.
import type { Dataset } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"

const runs = Number(process.env.QUERY_RUNS ?? 40)

// A seeded Fisher–Yates shuffle: the same seed gives the same order.
const shuffled = <T>(xs: ReadonlyArray<T>, seed: number): Array<T> => {
  const out = xs.slice()
  let s = seed >>> 0
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const results = (data: Dataset.Dataset) => {
  const tables = Tables.fromDataset(data, { policy })
  return Indicators.all.map((i) => Indicator.compute(i, tables).table.objects())
}

describe("table building in any record order", () => {
  it("gives the same indicator tables whatever the order of attendance, enrollments, referrals, transitions and extensions (property)", () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 1, max: 2 ** 30 }), (data, seed) => {
        const reordered = {
          ...data,
          attendance: shuffled(data.attendance, seed),
          enrollments: shuffled(data.enrollments, seed + 1),
          referrals: shuffled(data.referrals, seed + 2),
          transitions: shuffled(data.transitions, seed + 3),
          extensions: shuffled(data.extensions, seed + 4),
        } as Dataset.Dataset
        expect(results(reordered)).toEqual(results(data))
      }),
      { numRuns: runs },
    )
  })
})
