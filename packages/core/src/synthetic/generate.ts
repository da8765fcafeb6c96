/**
 * The synthetic municipality-year: every module of the generator run in flow
 * order over one seeded random stream.
 *
 * @module
 */
import { type Catalogue, sandnes } from "../Catalogue.js"
import type { Dataset } from "../Dataset.js"
import { isMunicipalityNumber } from "../internal/municipalityNumber.js"
import * as Policy from "../Policy.js"
import { makeCitizens } from "./citizens.js"
import { makeDepartmentGroups } from "./departments.js"
import { makeEveryday } from "./everyday.js"
import { makeGovernance } from "./governance.js"
import { makeHistory } from "./history.js"
import { makeParticipation } from "./participation.js"
import { Random } from "./random.js"
import { makeStaff } from "./staff.js"
import { makeTreatment } from "./treatment.js"
import { World } from "./world.js"

/**
 * Options for `generate`: the policy (required: every number and date the
 * year follows, from `InForce.policy(tree)` in `@aktivitetsmodell/rules`),
 * the seed (default 1), the year (default 2024), the number of citizens
 * (default 1,500, the RPH volume Resultatvurdering Mestringsenheten 2021, med Jæren Recovery College gives for Sandnes) and the
 * catalogue (default `Catalogue.sandnes()`).
 *
 * Use a small `citizens` count for fast tests and another catalogue to model
 * another municipality.
 * @example
 * const options: GenerateOptions = { policy: InForce.policy(tree), seed: 7, year: 2025, citizens: 200 }
 * @category models
 */
export interface GenerateOptions {
  readonly policy: Policy.Policy
  readonly seed?: number
  readonly year?: number
  readonly citizens?: number
  readonly catalogue?: Catalogue
  /** The municipality's number (four digits) the year is marked with; none by default. */
  readonly municipality?: string
}

/**
 * The options with their defaults filled in; throws a RangeError for a year
 * outside 2000–2100 or a negative or fractional citizen count.
 *
 * Use it where the defaults must be known, such as the fault injector's seed.
 * @example
 * resolveOptions({ policy }).year // 2024
 * @category constructors
 */
export const resolveOptions = (options: GenerateOptions) => {
  const policy = Policy.ensure("generate", options?.policy)
  const seed = options.seed ?? 1
  const year = options.year ?? 2024
  const citizens = options.citizens ?? 1500
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`)
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeError(`year must be a whole number from 2000 to 2100, got ${year}`)
  if (!Number.isInteger(citizens) || citizens < 0)
    throw new RangeError(`citizens must be a whole number of 0 or more, got ${citizens}`)
  const { municipality } = options
  if (municipality !== undefined && !isMunicipalityNumber(municipality))
    throw new RangeError("municipality must be a municipality number of four digits, such as 1108")
  return {
    policy,
    seed,
    year,
    citizens,
    catalogue: options.catalogue ?? sandnes(),
    ...(municipality === undefined ? {} : { municipality }),
  }
}

/**
 * Generates a valid, realistic municipality-year; the implementation behind `generate`.
 *
 * Use `generate` from the package entry instead.
 * @example
 * generateYear({ policy, seed: 7, year: 2024, citizens: 300 })
 * @category constructors
 */
export const generateYear = (options: GenerateOptions): Dataset => {
  const { policy, seed, year, citizens, catalogue, municipality } = resolveOptions(options)
  const w = new World(year, catalogue, policy, new Random(seed))
  w.records.departments.push(...catalogue.departments.map((d) => structuredClone(d)))
  w.records.offerings.push(...catalogue.offerings.map((o) => structuredClone(o)))
  makeStaff(w)
  makeCitizens(w, citizens)
  makeTreatment(w)
  makeEveryday(w)
  makeDepartmentGroups(w)
  makeParticipation(w)
  makeGovernance(w)
  makeHistory(w)
  return { year, ...(municipality === undefined ? {} : { municipality }), ...w.records }
}
