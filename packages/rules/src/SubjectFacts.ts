/**
 * The facts rules test, derived from a subject on a date and what is in
 * force then: the citizen's age, the offering's limits, the enrollment's
 * week, and so on. `Subject` describes the input; this module turns it into
 * facts, with the same derivation the `decide` entry uses.
 *
 * @module
 */
import type { InForce } from "./InForce.js"
import { guard } from "./internal/boundary.js"
import * as derive from "./internal/derive.js"
import type { Parameter } from "./Parameters.js"
import type { Subject } from "./Subject.js"

/**
 * The facts of a subject on a date, and the parameters each derived fact was
 * computed from (so a decision can say which dated value it used).
 * @category models
 */
export type Derived = derive.Derived<Parameter>

/**
 * Computes every fact for `subject` on `date` from what is in force then.
 * Unknown values are `null`; counts of an enrollment default to 0. Facts the
 * subject leaves open (the age with only a birth year, a joint meeting not
 * mentioned) are listed in `open` with every value they may take.
 * @example
 * const { facts } = SubjectFacts.of(subject, "2024-03-01", InForce.on(tree, "2024-03-01"))
 * facts.age // 33
 * @category constructors
 */
export const of = guard(
  "SubjectFacts.of",
  {
    en: "(subject: Subject, date: YYYY-MM-DD, now: InForce)",
    nb: "(subject: Subject, date: ÅÅÅÅ-MM-DD, now: InForce)",
  },
  (subject: Subject, date: string, now: InForce): Derived => derive.deriveFacts(subject, date, now),
)
