// The synthetic year the query tests run on: the benchmark's generator
// (bench/input.ts), which builds plain records of every kind directly, at a
// size that keeps the tests fast (about 4,000 attendance rows). Every test
// here builds its tables through `tablesOf` (with the tests' fixture
// policy), so a change to what Tables.fromDataset needs is made in one place.
import { Catalogue, type Dataset } from "@aktivitetsmodell/core"
import { benchYear } from "../../bench/input.js"
import { Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

/** Places per session for every other offering of the catalogue, so that some count in capacity use and some do not. */
export const someCapacities: Readonly<Record<string, number>> = Object.fromEntries(
  Catalogue.sandnes()
    .offerings.filter((_, i) => i % 2 === 0)
    .map((o, i) => [o.id as string, 5 + i]),
)

export const syntheticYear = benchYear({ enrollments: 1000, perEnrollment: 4, seed: 5 })

export const tablesOf = (
  dataset: Dataset.Dataset,
  options: Pick<Tables.Options, "period" | "capacity" | "requiredContributionPercent"> = {},
): Tables.Tables => Tables.fromDataset(dataset, { policy, ...options })
