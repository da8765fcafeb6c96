/**
 * The small range an audit checks, worked out in this one place: the widest
 * of the ranges of the files' disclosure profiles and, for files that name
 * none, of the policy's strict range the caller gives. A `min` or `max` the
 * caller gives sets that end instead. `Audit.run` uses it; `auditFiles` and
 * `aktivitet-report audit` only pass on what they know.
 *
 * @module
 */

import { Redact } from "@aktivitetsmodell/core"
import { isRecord, reject } from "../internal/checks.js"
import { AnalyticsError } from "../internal/text.js"
import { type Profile, smallRange } from "./Profile.js"

/**
 * A range of counts of people, both ends included.
 * @category models
 */
export interface Bounds {
  readonly min: number
  readonly max: number
}

/**
 * What `Audit.run` takes besides the files.
 * @category models
 */
export interface RunOptions {
  /** The low end to check, instead of the files'. */
  readonly min?: number
  /** The high end to check, instead of the files'. */
  readonly max?: number
  /**
   * The range for a file that names no profile (a wide CSV of one table):
   * the policy's strict range, such as `Profile.asRule(Profile.strictFrom(policy, date))`.
   * It joins the files' profiles' ranges; the widest of them is checked.
   */
  readonly unprofiled?: Bounds
}

/**
 * A range that would check nothing: not whole numbers, or its low end above
 * its high end. Its `range` is the one worked out, `[low, high]`, so that a
 * command line can say which of its options to change.
 * @category errors
 */
export class BadRangeError extends AnalyticsError {
  override readonly name: string = "BadRangeError"
  readonly range: readonly [number, number]
  constructor(low: number, high: number) {
    // Built from plain JavaScript too: anything else than a number is described, never left to throw here.
    const [a, b] = [low, high].map((n) => (typeof n === "number" ? String(n) : Redact.show(n)))
    super({
      nb: `Audit.run: området ${a}–${b} er ikke et område av hele tall med min ikke over max`,
      en: `Audit.run: the range ${a}–${b} is not a range of whole numbers with min not above max`,
    })
    this.range = [low, high]
  }
}

// What the range needs to know of a file.
interface Named {
  readonly file: string
  readonly profile: Profile | null
  readonly cells: ReadonlyArray<unknown>
}

// The policy's range as the caller gave it, each field read once.
const boundsOf = (u: unknown): Bounds | undefined => {
  if (u === undefined) return undefined
  const { min, max } = isRecord(u) ? u : {}
  if (
    Number.isSafeInteger(min) &&
    Number.isSafeInteger(max) &&
    (min as number) >= 0 &&
    (min as number) <= (max as number)
  )
    return { min: min as number, max: max as number }
  return reject("Audit.run", {
    nb: "unprofiled må være { min, max } med hele tall, min ikke over max",
    en: "unprofiled must be { min, max } of whole numbers, min not above max",
  })
}

/**
 * The range `[low, high]` to check, from the files and `options` as read
 * (see {@link RunOptions}). With nothing to check and no range given it is
 * empty, its low end above its high end.
 * @example
 * rangeOf([source], { unprofiled: { min: 1, max: 4 } }) // [1, 4]
 */
export const rangeOf = (sources: ReadonlyArray<Named>, options: Record<string, unknown>): readonly [number, number] => {
  const min = typeof options.min === "number" ? options.min : undefined
  const max = typeof options.max === "number" ? options.max : undefined
  const unprofiled = boundsOf(options.unprofiled)
  // The range comes from each file's profile or from the caller, never from a copy of the policy here.
  // A file without counts needs none; with nothing to check, the range is the caller's or empty.
  const unnamed = sources.filter((s) => s.profile === null && s.cells.length > 0).map((s) => s.file)
  if (unnamed.length > 0 && unprofiled === undefined && (min === undefined || max === undefined))
    reject("Audit.run", {
      nb: `${unnamed.join(", ")} oppgir ingen skjermingsprofil: gi { min, max } fra regelverket, som Profile.asRule(Profile.strictFrom(policy, dato)), som unprofiled (ved siden av filenes profiler) eller som selve området`,
      en: `${unnamed.join(", ")} names no disclosure profile: give { min, max } from the policy, such as Profile.asRule(Profile.strictFrom(policy, date)), as unprofiled (beside the files' profiles) or as the range itself`,
    })
  const ranges = sources.flatMap((s) => (s.profile === null ? [] : [smallRange(s.profile)]))
  // The policy's range stands for every file that names no profile, with counts or not.
  if (unprofiled !== undefined && sources.some((s) => s.profile === null)) ranges.push([unprofiled.min, unprofiled.max])
  const low = min ?? (ranges.length === 0 ? 0 : Math.max(1, Math.min(...ranges.map((r) => r[0]))))
  const high = max ?? (ranges.length === 0 ? 0 : Math.max(...ranges.map((r) => r[1])))
  // A range that checks nothing must not read as "nothing found"; with nothing to check, it may be empty.
  const checked = sources.some((s) => s.profile !== null || s.cells.length > 0)
  if (!Number.isInteger(low) || !Number.isInteger(high) || low < 0 || (checked && low > high))
    throw new BadRangeError(low, high)
  return [low, high]
}
