/**
 * The policy's numbers and dates as core reads them: every one a dated
 * parameter of the policy tree, each saying which date selects its value.
 * Core ships none of its own. Build a `Policy` from a tree with
 * `InForce.policy(tree)` in `@aktivitetsmodell/rules`, and pass it to the
 * invariants, the treatment flow and the synthetic generator.
 *
 * @module
 */

import { addDays, addMonths, isIsoDate } from "./Calendar.js"
import { CoreError } from "./CoreError.js"
import { guard } from "./internal/guard.js"

/**
 * Which date selects a parameter's value:
 * - `enrollment-start`: the first day of the enrollment the question is
 *   about, so a treatment period keeps the limits it started with;
 * - `session-date`: the date of the session (or form) being judged;
 * - `question-date`: the date the question is asked about. For the
 *   invariants that is the date of the record being checked.
 * @category models
 */
export type DatedBy = "enrollment-start" | "session-date" | "question-date"

/**
 * The allowed values of {@link DatedBy}, in the order the guide lists them.
 * @category models
 */
export const datedByValues: ReadonlyArray<DatedBy> = ["enrollment-start", "session-date", "question-date"]

/**
 * One dated value: in force from `from` until the next value's `from`.
 * @category models
 */
export interface DatedValue {
  readonly from: string
  readonly value: number | string
}

/**
 * A parameter: its values in date order and the date that selects one.
 * A rules `Parameter` (a whole parameter file) has this shape too.
 * @category models
 */
export interface Parameter {
  readonly datedBy: DatedBy
  readonly values: ReadonlyArray<DatedValue>
}

/**
 * Every parameter of a policy tree by name (`citizen.minimum-age`,
 * `offerings.mindfull-restorative-yoga.sessions` …).
 * @category models
 */
export interface Policy {
  readonly parameters: ReadonlyMap<string, Parameter>
}

/**
 * The dates a question knows. `question` is always known; the others when
 * the question is about an enrollment or a session.
 * @category models
 */
export interface When {
  readonly question: string
  readonly enrollmentStart?: string
  readonly session?: string
}

/**
 * The names of the parameters core reads. An offering's limits are named
 * from its id by {@link limitName}.
 * @category models
 */
export const names = {
  modelStart: "model.start",
  minimumAge: "citizen.minimum-age",
  contributionPercent: "departments.contribution-percent",
  priceNok: "offerings.price-nok",
  maxExtensions: "treatment.max-extensions",
  transitionDuration: "transition.duration",
  orsCutoff: "fit.ors-cutoff",
  srsAlertBelow: "fit.srs-alert-below",
  orsReliableChange: "fit.ors-reliable-change",
  repeatedNoShows: "attendance.repeated-no-shows",
} as const

/**
 * The limits of an offering's period that the policy sets, each absent when
 * it sets none (a value of 0 or below is none, as the rules read it).
 * @category models
 */
export interface Limits {
  readonly sessions?: number
  readonly weeks?: number
  readonly sessionsPerWeek?: number
  readonly extensions?: number
}

const limitSuffix = {
  sessions: "sessions",
  weeks: "weeks",
  sessionsPerWeek: "sessions-per-week",
  cohortLength: "cohort-length",
} as const

/**
 * The parameter that holds one limit of one offering.
 * @example
 * Policy.limitName("mindfull-restorative-yoga", "sessions") // "offerings.mindfull-restorative-yoga.sessions"
 * @category constructors
 */
export const limitName = guard(
  "Policy.limitName",
  {
    en: '(offeringId: string, limit: "sessions" | "weeks" | "sessionsPerWeek" | "cohortLength")',
    nb: '(offeringId: string, limit: "sessions" | "weeks" | "sessionsPerWeek" | "cohortLength")',
  },
  (offeringId: string, limit: keyof typeof limitSuffix): string => `offerings.${offeringId}.${limitSuffix[limit]}`,
)

/**
 * The date that selects a value dated by `datedBy`. Without the enrollment's
 * or the session's date, the question's date is used.
 * @example
 * Policy.dateFor("enrollment-start", { question: "2024-07-15", enrollmentStart: "2024-06-03" }) // "2024-06-03"
 * @category evaluation
 */
export const dateFor = guard(
  "Policy.dateFor",
  {
    en: "(datedBy: DatedBy, when: { question, enrollmentStart?, session? })",
    nb: "(datedBy: DatedBy, when: { question, enrollmentStart?, session? })",
  },
  (datedBy: DatedBy, when: When): string =>
    datedBy === "enrollment-start"
      ? (when.enrollmentStart ?? when.question)
      : datedBy === "session-date"
        ? (when.session ?? when.question)
        : when.question,
)

/**
 * The value of a date-ordered list in force on `date`: the last one whose
 * `from` is on or before it, or undefined before the first.
 * @example
 * Policy.valueOn([{ from: "2023-03-09", value: 4 }, { from: "2024-07-01", value: 6 }], "2024-06-03")?.value // 4
 * @category evaluation
 */
export const valueOn: <E extends { readonly from: string }>(values: ReadonlyArray<E>, date: string) => E | undefined =
  guard(
    "Policy.valueOn",
    { en: "(values: Array<{ from }>, date: YYYY-MM-DD)", nb: "(values: Array<{ from }>, date: ÅÅÅÅ-MM-DD)" },
    (values: ReadonlyArray<{ readonly from: string }>, date: string) => {
      let found: { readonly from: string } | undefined
      for (const e of values) {
        if (e.from <= date) found = e
        else break
      }
      return found
    },
  ) as <E extends { readonly from: string }>(values: ReadonlyArray<E>, date: string) => E | undefined

/**
 * The value of parameter `name` that `when` selects, by the parameter's own
 * dating rule; undefined when the policy has no such parameter or no value
 * on that date.
 * @example
 * Policy.entry(policy, "offerings.mindfull-restorative-yoga.sessions", { question: "2024-07-15", enrollmentStart: "2024-06-03" })
 * @category evaluation
 */
export const entry = guard(
  "Policy.entry",
  {
    en: "(policy: Policy, name: string, when: { question })",
    nb: "(policy: Policy, name: string, when: { question })",
  },
  (policy: Policy, name: string, when: When): DatedValue | undefined => {
    const p = policy.parameters.get(name)
    return p === undefined ? undefined : valueOn(p.values, dateFor(p.datedBy, when))
  },
)

/**
 * Like {@link entry}, the number only; undefined when the value is not a number.
 * @category evaluation
 */
export const number = guard(
  "Policy.number",
  {
    en: "(policy: Policy, name: string, when: { question })",
    nb: "(policy: Policy, name: string, when: { question })",
  },
  (policy: Policy, name: string, when: When): number | undefined => {
    const v = entry(policy, name, when)?.value
    return typeof v === "number" ? v : undefined
  },
)

/**
 * A number the caller cannot do without: throws a `CoreError` naming the
 * parameter and the date when the policy has none.
 * @category evaluation
 */
export const requireNumber = guard(
  "Policy.requireNumber",
  {
    en: "(policy: Policy, name: string, when: { question })",
    nb: "(policy: Policy, name: string, when: { question })",
  },
  (policy: Policy, name: string, when: When): number => {
    const v = number(policy, name, when)
    if (v === undefined) throw missing(name, when.question)
    return v
  },
)

/**
 * Like {@link requireNumber}, for a date parameter such as `model.start`.
 * @category evaluation
 */
export const requireDate = guard(
  "Policy.requireDate",
  {
    en: "(policy: Policy, name: string, when: { question })",
    nb: "(policy: Policy, name: string, when: { question })",
  },
  (policy: Policy, name: string, when: When): string => {
    const v = entry(policy, name, when)?.value
    if (typeof v !== "string" || !isIsoDate(v)) throw missing(name, when.question)
    return v
  },
)

const missing = (name: string, date: string): CoreError =>
  new CoreError("missing-parameter", {
    en: `The policy has no value for the parameter "${name}" on ${isIsoDate(date) ? date : "that date"}`,
    nb: `Regelverket har ingen verdi for parameteren «${name}» ${isIsoDate(date) ? date : "den dagen"}`,
  })

/**
 * The limits of an offering's period: sessions, weeks and sessions per week
 * from the offering's own parameters, and for a treatment the number of
 * extensions, each by its own dating rule.
 * @example
 * Policy.limits(policy, { id: "individuell-trening-mudo", category: "treatment" }, { question: "2024-03-01", enrollmentStart: "2024-02-05" })
 * // { weeks: 4, sessionsPerWeek: 2, extensions: 1 }
 * @category evaluation
 */
export const limits = guard(
  "Policy.limits",
  {
    en: "(policy: Policy, offering: { id, category }, when: { question })",
    nb: "(policy: Policy, offering: { id, category }, when: { question })",
  },
  (policy: Policy, offering: { readonly id: string; readonly category: string }, when: When): Limits => {
    const out: { -readonly [K in keyof Limits]: number } = {}
    for (const key of ["sessions", "weeks", "sessionsPerWeek"] as const) {
      const v = number(policy, limitName(offering.id, key), when)
      // 0 or below sets no limit: the rules apply a limit only when it is above 0.
      if (v !== undefined && v > 0) out[key] = v
    }
    if (offering.category === "treatment") {
      const x = number(policy, names.maxExtensions, when)
      if (x !== undefined) out.extensions = x
    }
    return out
  },
)

/**
 * `policy` when it is one, or a `CoreError` that tells the caller of `name`
 * where a policy comes from.
 * @category constructors
 */
export const ensure = guard(
  "Policy.ensure",
  { en: "(name: string, policy: Policy)", nb: "(name: string, policy: Policy)" },
  (name: string, policy: unknown): Policy => {
    if (typeof policy === "object" && policy !== null && (policy as { parameters?: unknown }).parameters instanceof Map)
      return policy as Policy
    throw new CoreError("invalid-argument", {
      en: `${name} needs { policy }: build it from a policy tree with InForce.policy(tree) from @aktivitetsmodell/rules`,
      nb: `${name} trenger { policy }: lag den fra et regeltre med InForce.policy(tree) fra @aktivitetsmodell/rules`,
    })
  },
)

/**
 * A policy from parameters given by name; checks that each has a dating
 * rule and date-ordered values, so a hand-built policy fails early.
 * @example
 * const policy = Policy.make([["citizen.minimum-age", { datedBy: "question-date", values: [{ from: "2023-03-09", value: 18 }] }]])
 * @category constructors
 */
export const make = guard(
  "Policy.make",
  {
    en: "(parameters: Iterable<[name, { datedBy, values }]>)",
    nb: "(parameters: Iterable<[navn, { datedBy, values }]>)",
  },
  (parameters: Iterable<readonly [string, Parameter]>): Policy => {
    const map = new Map<string, Parameter>()
    for (const [name, p] of parameters) {
      if (typeof name !== "string" || name.length === 0)
        throw new CoreError("invalid-argument", { en: "Expected a parameter name", nb: "Forventet et parameternavn" })
      if (!datedByValues.includes(p.datedBy)) {
        throw new CoreError("invalid-argument", {
          en: `The parameter "${name}" needs datedBy: ${datedByValues.join(", ")}`,
          nb: `Parameteren «${name}» trenger datedBy: ${datedByValues.join(", ")}`,
        })
      }
      let previous = ""
      for (const v of p.values) {
        if (!isIsoDate(v.from) || v.from <= previous) {
          throw new CoreError("invalid-argument", {
            en: `The values of "${name}" need dates as YYYY-MM-DD in rising order`,
            nb: `Verdiene til «${name}» trenger datoer på formen ÅÅÅÅ-MM-DD i stigende rekkefølge`,
          })
        }
        previous = v.from
      }
      map.set(name, p)
    }
    return { parameters: map }
  },
)

/**
 * Whole months in an ISO 8601 duration of years and months only ("P2M",
 * "P1Y6M"), else undefined: a transition or a cohort is counted in calendar months.
 * @example
 * Policy.wholeMonths("P2M") // 2
 * @category evaluation
 */
export const wholeMonths = (duration: unknown): number | undefined => {
  const m = typeof duration === "string" ? /^P(?:(\d{1,3})Y)?(?:(\d{1,4})M)?$/u.exec(duration) : null
  if (m === null || (m[1] === undefined && m[2] === undefined)) return undefined
  return Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0)
}

/**
 * The last day of the transition of the discontinued offerings: from the
 * policy's `model.start` for its `transition.duration` (whole months), as
 * in force on the question's date. It ends the day before the same date that
 * many months later. Undefined when the policy gives no such values.
 * @example
 * Policy.transitionEnd(policy, { question: "2024-06-01" }) // "2023-05-08"
 * @category evaluation
 */
export const transitionEnd = guard(
  "Policy.transitionEnd",
  { en: "(policy: Policy, when: { question })", nb: "(policy: Policy, when: { question })" },
  (policy: Policy, when: When): string | undefined => {
    const start = entry(policy, names.modelStart, when)?.value
    const months = wholeMonths(entry(policy, names.transitionDuration, when)?.value)
    return typeof start === "string" && isIsoDate(start) && months !== undefined
      ? addDays(addMonths(start, months), -1)
      : undefined
  },
)
