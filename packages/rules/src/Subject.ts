/**
 * The subject of a decision: a citizen (by pseudonym, never by national
 * identity number) plus the situation the question is about — an offering
 * they want, an enrollment they are in, FIT feedback, or a proposed group.
 * `SubjectFacts.of` turns a subject and a date into the facts rules test.
 *
 * @module
 */
import {
  Batch,
  Calendar,
  Catalogue,
  Category,
  Citizen,
  Codes,
  Department,
  GoalEvaluation,
  IsoDate,
  Offering,
  Problems,
  Pseudonym,
} from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import { checkedSubject, subjectCheck } from "./decide/subject.js"
import { guard, requireArray, requireObject } from "./internal/boundary.js"
import { catalogueProblems, type SubjectProblem } from "./internal/subjectChecks.js"
import { RulesError } from "./RulesError.js"

const Between = (min: number, max: number) =>
  Schema.Finite.check(
    Schema.makeFilter((n: number) => Number.isInteger(n) && n >= min && n <= max, {
      message: `Expected a whole number from ${min} to ${max}`,
      messageNb: `Forventet et heltall fra ${min} til ${max}`,
      toJsonSchema: () => ({ type: "integer", minimum: min, maximum: max }),
    }),
  )
const Count = (max: number) => Between(0, max)

const Score = Schema.Finite.check(
  Schema.makeFilter((n: number) => n >= 0 && n <= 40, {
    message: "Expected a score from 0 to 40",
    messageNb: "Forventet en skår fra 0 til 40",
  }),
)

const Month = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])$/u, {
    message: "Expected a month as YYYY-MM",
    messageNb: "Forventet en måned på formen ÅÅÅÅ-MM",
  }),
)

// The years a birth may be given in, as core's Calendar holds them for both entries.
const { first: firstBirthYear, last: lastBirthYear } = Calendar.birthYears

// A birth date in those years, as a birth year must be: 0001-01-01 would make anyone old enough.
const BirthDate = IsoDate.IsoDate.check(
  // Judged only for a date: one that does not exist is named once, as the decide entry names it.
  Schema.makeFilter((d: string) => !Calendar.isIsoDate(d) || Calendar.isBirthDate(d), {
    message: `Expected a birth date from ${firstBirthYear} to ${lastBirthYear}`,
    messageNb: `Forventet en fødselsdato fra ${firstBirthYear} til ${lastBirthYear}`,
  }),
)

/**
 * The citizen as a decision needs them: pseudonym, age, departments and
 * whether the healthy-life centre helps them. A core `Citizen` record fits.
 * @category schemas
 */
export const SubjectCitizen = Schema.Struct({
  id: Schema.optionalKey(Pseudonym.Pseudonym),
  birthYear: Schema.optionalKey(Between(firstBirthYear, lastBirthYear)),
  birthDate: Schema.optionalKey(BirthDate),
  departments: Schema.Array(Department.DepartmentId),
  healthyLifeCentre: Schema.optionalKey(Schema.Boolean),
  pathway: Schema.optionalKey(Citizen.Pathway),
}).annotate({ identifier: "SubjectCitizen", title: "Citizen (innbygger)" })

/**
 * An enrollment's state on the date: its period and what has happened in it.
 * @category schemas
 */
export const SubjectEnrollment = Schema.Struct({
  start: IsoDate.IsoDate,
  periodStart: Schema.optionalKey(IsoDate.IsoDate),
  cohort: Schema.optionalKey(Month),
  sessionsUsed: Schema.optionalKey(Count(1000)),
  sessionsThisWeek: Schema.optionalKey(Count(100)),
  extensionsUsed: Schema.optionalKey(Count(100)),
  extensionRequested: Schema.optionalKey(Schema.Boolean),
  activityStarted: Schema.optionalKey(Schema.Boolean),
  stillNeeded: Schema.optionalKey(Schema.Boolean),
  movedToCommunity: Schema.optionalKey(Schema.Boolean),
  consecutiveNoShows: Schema.optionalKey(Count(1000)),
  goalReached: Schema.optionalKey(Schema.Literals(GoalEvaluation.goalReachedCodes)),
}).annotate({ identifier: "SubjectEnrollment", title: "Enrollment (deltagelse)" })

/**
 * FIT feedback: the latest ORS and SRS totals and whether the citizen is off track.
 * @category schemas
 */
export const SubjectFit = Schema.Struct({
  ors: Schema.optionalKey(Score),
  srs: Schema.optionalKey(Score),
  offTrack: Schema.optionalKey(Schema.Boolean),
}).annotate({ identifier: "SubjectFit", title: "FIT feedback (ORS/SRS)" })

/**
 * A proposed group, or one a department has started.
 * @category schemas
 */
export const SubjectProposal = Schema.Struct({
  requested: Schema.Boolean,
  decision: Schema.optionalKey(Schema.Literals(Codes.proposalOutcome)),
  byDepartment: Schema.optionalKey(Department.DepartmentId),
  category: Category.Category,
}).annotate({ identifier: "SubjectProposal", title: "Proposal (forslag til tilbud)" })

/**
 * A subject. Every field is optional except what a question needs: an
 * eligibility or duration question needs `citizen` and `offering`.
 * @example
 * Schema.decodeUnknownSync(Subject.Subject)({
 *   citizen: { birthYear: 1990, departments: ["psykisk-helse"] },
 *   offering: "karategruppe",
 *   intakeRegistered: true
 * })
 * @category schemas
 */
export const Subject = Schema.Struct({
  citizen: Schema.optionalKey(SubjectCitizen),
  offering: Schema.optionalKey(Offering.OfferingId),
  referral: Schema.optionalKey(Schema.Boolean),
  /** Whether the joint meeting of citizen, therapist and an activity-team member has set a goal (Mestringsenhetens modell for aktivitet line 72); leave out when not known. */
  jointMeetingHeld: Schema.optionalKey(Schema.Boolean),
  intakeRegistered: Schema.optionalKey(Schema.Boolean),
  applied: Schema.optionalKey(Schema.Boolean),
  individualDecision: Schema.optionalKey(Schema.Boolean),
  newApplication: Schema.optionalKey(Schema.Boolean),
  bindingRegistration: Schema.optionalKey(Schema.Boolean),
  enrollment: Schema.optionalKey(SubjectEnrollment),
  fit: Schema.optionalKey(SubjectFit),
  proposal: Schema.optionalKey(SubjectProposal),
}).annotate({ identifier: "Subject", title: "Subject of a decision (innbygger og situasjon)" })
/** @category models */
export type Subject = typeof Subject.Type

/**
 * A subject as plain JSON, before it is decoded: what an app builds.
 * @category models
 */
export type Input = typeof Subject.Encoded

/**
 * A problem with a subject: core's `Problems.Problem`, with a JSON pointer
 * into the subject and a code (`schema`, `unknown-name`, `missing-input`,
 * `unreadable`).
 * @category models
 */
export type { SubjectProblem } from "./internal/subjectChecks.js"

/**
 * Decodes a subject and checks its offering and departments against the
 * catalogue. Every problem is returned; no value from the input is echoed,
 * so a national identity number pasted in the wrong field never reaches a log.
 * @example
 * const r = Subject.decode(JSON.parse(text), Catalogue.sandnes())
 * if (!r.ok) for (const p of r.problems) console.error(p.pointer, p.message.nb)
 * @category constructors
 */
export const decode = guard(
  "Subject.decode",
  {
    en: "(input: unknown, catalogue: { offerings, departments })",
    nb: "(input: unknown, catalogue: { offerings, departments })",
  },
  (
    input: unknown,
    catalogue: {
      readonly offerings: ReadonlyArray<{ readonly id: string }>
      readonly departments: ReadonlyArray<{ readonly id: string }>
    },
  ):
    | { readonly ok: true; readonly subject: Subject }
    | { readonly ok: false; readonly problems: ReadonlyArray<SubjectProblem> } => {
    requireObject("Subject.decode", "catalogue", catalogue)
    requireArray("Subject.decode", "catalogue.offerings", catalogue.offerings)
    requireArray("Subject.decode", "catalogue.departments", catalogue.departments)
    const offerings = catalogue.offerings.map((o) => o.id)
    const departments = catalogue.departments.map((d) => d.id)
    const r = Batch.decode(Subject, [input])
    const first = r.rejected[0]
    if (first !== undefined) {
      // The schema decides; the decide entry's checks, which refuse the same
      // subjects (a test holds them together), word what is wrong, so both
      // entries say the same thing in the same places.
      const worded = checkedSubject(input, shape, offerings, departments)
      const problems = worded.ok ? first.problems : worded.problems
      return {
        ok: false,
        problems: problems.map((p) => redacted({ code: p.code, pointer: p.pointer, message: p.message })),
      }
    }
    const subject = r.valid[0]!
    const problems = catalogueProblems(subject, offerings, departments)
    return problems.length > 0 ? { ok: false, problems } : { ok: true, subject }
  },
)

// The checker of the decide entry, for the model's categories.
const shape = subjectCheck(Category.all)

// Core's messages may quote a value; pointers name keys. Neither may carry an identity number out.
const redacted = (p: SubjectProblem): SubjectProblem => Problems.redacted(p)

/**
 * Thrown by {@link make} with every problem of a subject.
 * @example
 * try { Subject.make(input) } catch (e) { if (e instanceof Subject.SubjectError) e.problems.length }
 * @category models
 */
export class SubjectError extends RulesError<SubjectProblem> {
  override readonly name: string = "SubjectError"
  constructor(problems: ReadonlyArray<SubjectProblem>) {
    const list = listOf(problems)
    super(
      { en: `The subject has ${list.length} problem(s)`, nb: `Situasjonen har ${list.length} feil` },
      `The subject has ${list.length} problem(s) / Situasjonen har ${list.length} feil:\n${list.map(line).join("\n")}`,
      list,
    )
  }
}

// The error must be built whatever it is given, so that throwing it never throws.
const listOf = (problems: unknown): ReadonlyArray<SubjectProblem> => {
  try {
    return Array.isArray(problems) ? (problems as ReadonlyArray<SubjectProblem>).slice() : []
  } catch {
    return []
  }
}

const line = (p: SubjectProblem): string => {
  try {
    return `  ${p.pointer === "" ? "/" : p.pointer}: ${p.message.en} / ${p.message.nb}`
  } catch {
    return "  ?"
  }
}

/**
 * Decodes a subject or throws a {@link SubjectError}: for apps that build
 * subjects in code and treat a bad one as a bug.
 * @example
 * const subject = Subject.make({ citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" })
 * @category constructors
 */
export const make = guard(
  "Subject.make",
  { en: "(input: Subject.Input, catalogue?: Catalogue)", nb: "(input: Subject.Input, catalogue?: Catalogue)" },
  (input: Input, catalogue: Parameters<typeof decode>[1] = Catalogue.sandnes()): Subject => {
    const r = decode(input, catalogue)
    if (!r.ok) throw new SubjectError(r.problems)
    return r.subject
  },
)
