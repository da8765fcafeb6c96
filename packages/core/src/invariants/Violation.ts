/**
 * A broken invariant: which rule, where in the data, what is wrong in both
 * languages, and the seed fact the rule enforces.
 *
 * @module
 */
import type { Quoted } from "../Citation.js"
import type { Bilingual } from "../internal/text.js"

/** The invariants' codes, one per rule of the model. */
export type ViolationCode =
  | "offering-not-free"
  | "department-group-not-run-by-department"
  | "department-runs-group-outside-own-groups"
  | "department-group-foreign-citizen"
  | "enrollment-after-transition"
  | "treatment-referral-missing"
  | "treatment-goal-missing"
  | "treatment-goal-after-first-session"
  | "attendance-outside-period"
  | "too-many-extensions"
  | "extension-does-not-extend"
  | "session-limit-exceeded"
  | "weekly-session-limit-exceeded"
  | "period-longer-than-limit"
  | "completed-without-goal-evaluation"
  | "department-contribution-below-minimum"
  | "citizen-under-minimum-age"
  | "unknown-reference"
  | "duplicate-id"
  | "unreadable-data"

/**
 * Where a rule comes from in the source documents: a citation that quotes
 * its lines (`Citation.Quoted`). The name stays for existing code.
 */
export type SeedFact = Quoted

/**
 * One violation. `path` names the record (`enrollments[12].start`) and
 * `recordId` its id, so a caseworker can find it.
 * @category models
 */
export interface Violation {
  readonly code: ViolationCode
  readonly path: string
  readonly recordId?: string
  /** The line the record starts on in its file, when the caller passed the lines (`Invariants.check(data, { lines })`). */
  readonly line?: number
  readonly message: Bilingual
  readonly seed: SeedFact
}
