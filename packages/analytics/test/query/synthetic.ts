// The synthetic year the query tests run on: the benchmark's generator
// (bench/input.ts), which builds plain records of every kind directly, at a
// size that keeps the tests fast (about 4,000 attendance rows). Every test
// here builds its tables through `tablesOf` (with the tests' fixture
// policy), so a change to what Tables.fromDataset needs is made in one place.
import type { Dataset } from "@aktivitetsmodell/core"
import { benchYear } from "../../bench/input.js"
import { Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

export const syntheticYear = benchYear({ enrollments: 1000, perEnrollment: 4, seed: 5 })

export const tablesOf = (dataset: Dataset.Dataset, options: { readonly period?: Tables.Period } = {}): Tables.Tables =>
  Tables.fromDataset(dataset, { policy, ...options })
