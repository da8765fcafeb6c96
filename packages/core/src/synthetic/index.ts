/**
 * `@aktivitetsmodell/core/synthetic` — a seeded, realistic synthetic
 * municipality-year of Sandnes' activity model, and the same year with known
 * faults for testing loaders. Browser-safe: no Node built-ins.
 *
 * @example
 * import { generate } from "@aktivitetsmodell/core/synthetic"
 * const year = generate({ policy: InForce.policy(tree), seed: 1, year: 2024 })
 *
 * @module
 */
import type { Dataset, EntityName } from "../Dataset.js"
import { type FaultyRecords, type InjectedFault, injectFaults } from "./faults.js"
import { type GenerateOptions, generateYear, resolveOptions } from "./generate.js"

export type { InjectedFault } from "./faults.js"
export type { GenerateOptions } from "./generate.js"
export { type MunicipalitiesOptions, type MunicipalityPlan, municipalities } from "./municipalities.js"

/**
 * Generates a synthetic municipality-year that passes every schema and has no
 * invariant violations; the same options always give the same year.
 *
 * Use it for demos, indicator development, benchmarks and tests that need a
 * realistic year (default 2024, 1,500 citizens, Sandnes' catalogue).
 *
 * @example
 * const year = generate({ policy, seed: 42, year: 2024, citizens: 300 })
 * Invariants.check(year) // []
 * @category constructors
 */
export function generate(options: GenerateOptions): Dataset {
  return generateYear(options)
}

/**
 * Generates a year as plain records and breaks each record with probability
 * `faultRate` in one known way, returning the records and the list of faults.
 *
 * Use it to test loaders and data-quality reports: every `schema` fault is
 * rejected by `Batch.decodeEntity`, and every `invariant` fault makes
 * `Invariants.check` report its `code` for its record `id`.
 *
 * @example
 * const { records, faults } = generateWithFaults({ seed: 1, faultRate: 0.05 })
 * Batch.decodeEntity("enrollments", records.enrollments).rejected.length
 * @category constructors
 */
export function generateWithFaults(options: GenerateOptions & { readonly faultRate: number }): {
  records: Record<EntityName, Array<unknown>> & { year: number }
  faults: Array<InjectedFault>
} {
  const { faultRate } = options
  if (!Number.isFinite(faultRate) || faultRate < 0 || faultRate > 1) {
    throw new RangeError(`faultRate must be a number from 0 to 1, got ${faultRate}`)
  }
  const resolved = resolveOptions(options)
  const result: { records: FaultyRecords; faults: Array<InjectedFault> } = injectFaults(
    generateYear(resolved),
    faultRate,
    resolved.seed,
    resolved.catalogue,
    resolved.policy,
  )
  return result
}
