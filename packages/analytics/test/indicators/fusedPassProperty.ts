// A fast-check property shared by the indicators that compute in fused
// typed passes: on random years (one municipality, or two combined), for
// every grouping by up to two of the indicator's dimensions, with and
// without margins, the indicator gives its reference's table row for row.

import type { Dataset } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { expect } from "vitest"
import { Indicator, Tables } from "../../src/index.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"
import { year } from "../helpers.js"
import { beforeFusedPasses } from "./beforeFusedPasses.js"

// Now and then a year without records: a count without dimensions still gives its one row.
const years = fc.oneof({ weight: 1, arbitrary: fc.constant(year({})) }, { weight: 6, arbitrary: dataset })

const capacity = { sandneshallen: 12, karategruppe: 8, inkludert: 5 }

const tablesOf = (data: Dataset.Dataset, other: Dataset.Dataset | undefined) =>
  other === undefined
    ? Tables.fromDataset(data, { policy, capacity })
    : Tables.combine([
        Tables.fromDataset({ ...data, municipality: "1108" } as Dataset.Dataset, { policy, capacity }),
        Tables.fromDataset({ ...other, municipality: "1103" } as Dataset.Dataset, {
          policy,
          capacity: { sandneshallen: 30 },
        }),
      ])

/** Asserts the property for `indicator`. */
export const sameAsBeforeFusedPasses = (indicator: Indicator.Indicator, runs = 60): void => {
  const oracle = beforeFusedPasses(indicator)
  const dims = indicator.dimensions
  fc.assert(
    fc.property(
      years,
      fc.option(years, { nil: undefined }),
      fc.subarray([...dims], { maxLength: 2 }),
      fc.boolean(),
      (data, other, by, margins) => {
        const tables = tablesOf(data, other)
        const ours = Indicator.compute(indicator, tables, { by, margins }).table
        const theirs = Indicator.compute(oracle, tables, { by, margins }).table
        expect(ours.columnNames()).toEqual(theirs.columnNames())
        expect(ours.objects()).toEqual(theirs.objects())
      },
    ),
    { numRuns: runs },
  )
}
