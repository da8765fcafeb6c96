/**
 * A synthetic country: how many municipalities, how many citizens each and
 * the seed of each one's year, so that a national dataset is generated one
 * municipality at a time and never has to be held whole.
 *
 * @module
 */
import { Random } from "./random.js"

/**
 * One synthetic municipality: its number, its citizens in the model and the
 * seed its year is generated with.
 * @category models
 */
export interface MunicipalityPlan {
  readonly municipality: string
  readonly citizens: number
  readonly seed: number
}

/**
 * Options for `municipalities`: how many (1–999), the citizens of them all
 * (default 100,000: Sandnes' 1,500 in the model scaled to a country of about
 * 5.5 million) and the seed (default 1).
 * @category models
 */
export interface MunicipalitiesOptions {
  readonly count: number
  readonly citizens?: number
  readonly seed?: number
}

// Municipality sizes are skewed: many small, a few large. A log-normal with
// this spread gives a largest municipality of about a tenth of the country
// among 356, as in Norway.
const SPREAD = 1.3

/**
 * Plans a synthetic country of `count` municipalities of different sizes.
 * Their numbers are 9001, 9002, …: county 90 is no Norwegian county, so a
 * synthetic municipality is never mistaken for a real one. The citizens add
 * up to `citizens` exactly; the same options always give the same plan.
 * @example
 * const plan = municipalities({ count: 356, seed: 1 })
 * const years = plan.map((m) => generate({ policy, seed: m.seed, citizens: m.citizens, municipality: m.municipality }))
 * @category constructors
 */
export const municipalities = (options: MunicipalitiesOptions): ReadonlyArray<MunicipalityPlan> => {
  const { count } = options
  const citizens = options.citizens ?? 100_000
  const seed = options.seed ?? 1
  if (!Number.isInteger(count) || count < 1 || count > 999)
    throw new RangeError(`count must be a whole number from 1 to 999, got ${count}`)
  if (!Number.isInteger(citizens) || citizens < 0)
    throw new RangeError(`citizens must be a whole number of 0 or more, got ${citizens}`)
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`)
  const random = new Random(seed, "municipalities")
  const weights = Array.from({ length: count }, () => Math.exp(random.normal(0, SPREAD)))
  const seeds = Array.from({ length: count }, () => random.nextUint32())
  const total = weights.reduce((a, w) => a + w, 0)
  // Largest remainder: floors first, then one more to the largest fractions, so the sum is exact.
  const exact = weights.map((w) => (citizens * w) / total)
  const sizes = exact.map(Math.floor)
  const left = citizens - sizes.reduce((a, n) => a + n, 0)
  const byFraction = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0; k < left; k++) sizes[byFraction[k]![1]]! += 1
  return sizes.map((n, i) => ({ municipality: String(9001 + i), citizens: n, seed: seeds[i]! }))
}
