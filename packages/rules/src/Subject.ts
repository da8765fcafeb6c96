/**
 * The subject of a decision: a citizen (by pseudonym, never by national
 * identity number) plus the situation the question is about — an offering
 * they want, an enrollment they are in, FIT feedback, or a proposed group.
 * {@link facts} turns a subject and a date into the facts rules test.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { Batch, Catalogue, Category, Citizen, Department, IsoDate, Offering, Policy, Problems, Pseudonym, Redact } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import { addTo } from "./Duration.js"
import type { Facts } from "./Facts.js"
import type { InForce, ParameterInForce } from "./InForce.js"
import { guard, requireArray, requireDate, requireObject } from "./internal/boundary.js"
import type { Open } from "./internal/open.js"
import { didYouMean } from "./internal/suggest.js"
import { quote } from "./internal/text.js"
import { RulesError } from "./RulesError.js"

const Between = (min: number, max: number) =>
  Schema.Finite.check(
    Schema.makeFilter((n: number) => Number.isInteger(n) && n >= min && n <= max, {
      message: `Expected a whole number from ${min} to ${max}`,
      messageNb: `Forventet et heltall fra ${min} til ${max}`,
      toJsonSchema: () => ({ type: "integer", minimum: min, maximum: max })
    })
  )
const Count = (max: number) => Between(0, max)

const Score = Schema.Finite.check(
  Schema.makeFilter((n: number) => n >= 0 && n <= 40, { message: "Expected a score from 0 to 40", messageNb: "Forventet en skår fra 0 til 40" })
)

const Month = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])$/u, { message: "Expected a month as YYYY-MM", messageNb: "Forventet en måned på formen ÅÅÅÅ-MM" })
)

/**
 * The citizen as a decision needs them: pseudonym, age, departments and
 * whether the healthy-life centre helps them. A core `Citizen` record fits.
 * @category schemas
 */
export const SubjectCitizen = Schema.Struct({
  id: Schema.optionalKey(Pseudonym.Pseudonym),
  birthYear: Schema.optionalKey(Between(1900, 2100)),
  birthDate: Schema.optionalKey(IsoDate.IsoDate),
  departments: Schema.Array(Department.DepartmentId),
  healthyLifeCentre: Schema.optionalKey(Schema.Boolean),
  pathway: Schema.optionalKey(Citizen.Pathway)
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
  goalReached: Schema.optionalKey(Schema.Literals(["yes", "partly", "no"]))
}).annotate({ identifier: "SubjectEnrollment", title: "Enrollment (deltagelse)" })

/**
 * FIT feedback: the latest ORS and SRS totals and whether the citizen is off track.
 * @category schemas
 */
export const SubjectFit = Schema.Struct({
  ors: Schema.optionalKey(Score),
  srs: Schema.optionalKey(Score),
  offTrack: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "SubjectFit", title: "FIT feedback (ORS/SRS)" })

/**
 * A proposed group, or one a department has started.
 * @category schemas
 */
export const SubjectProposal = Schema.Struct({
  requested: Schema.Boolean,
  decision: Schema.optionalKey(Schema.Literals(["approved", "declined", "pending"])),
  byDepartment: Schema.optionalKey(Department.DepartmentId),
  category: Category.Category
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
  /** Whether the joint meeting of citizen, therapist and an activity-team member has set a goal (seed 000 line 72); leave out when not known. */
  jointMeetingHeld: Schema.optionalKey(Schema.Boolean),
  intakeRegistered: Schema.optionalKey(Schema.Boolean),
  applied: Schema.optionalKey(Schema.Boolean),
  individualDecision: Schema.optionalKey(Schema.Boolean),
  newApplication: Schema.optionalKey(Schema.Boolean),
  bindingRegistration: Schema.optionalKey(Schema.Boolean),
  enrollment: Schema.optionalKey(SubjectEnrollment),
  fit: Schema.optionalKey(SubjectFit),
  proposal: Schema.optionalKey(SubjectProposal)
}).annotate({ identifier: "Subject", title: "Subject of a decision (innbygger og situasjon)" })
/** @category models */
export type Subject = typeof Subject.Type

/**
 * A subject as plain JSON, before it is decoded: what an app builds.
 * @category models
 */
export type Input = typeof Subject.Encoded

/**
 * A problem with a subject: where (a JSON pointer into it) and what, in both languages.
 * @category models
 */
export interface SubjectProblem {
  readonly pointer: string
  readonly message: Bilingual
}

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
  { en: "(input: unknown, catalogue: { offerings, departments })", nb: "(input: unknown, catalogue: { offerings, departments })" },
  (
  input: unknown,
  catalogue: { readonly offerings: ReadonlyArray<{ readonly id: string }>; readonly departments: ReadonlyArray<{ readonly id: string }> }
): { readonly ok: true; readonly subject: Subject } | { readonly ok: false; readonly problems: ReadonlyArray<SubjectProblem> } => {
  requireObject("Subject.decode", "catalogue", catalogue)
  requireArray("Subject.decode", "catalogue.offerings", catalogue.offerings)
  requireArray("Subject.decode", "catalogue.departments", catalogue.departments)
  const r = Batch.decode(Subject, [input])
  const first = r.rejected[0]
  if (first !== undefined) return { ok: false, problems: first.problems.map((p) => redacted({ pointer: Problems.jsonPointer(p.path), message: p.message })) }
  const subject = r.valid[0]!
  const problems: Array<SubjectProblem> = []
  const offerings = catalogue.offerings.map((o) => o.id)
  const departments = catalogue.departments.map((d) => d.id)
  const unknown = (pointer: string, value: string, known: ReadonlyArray<string>, en: string, nb: string) => {
    if (known.includes(value)) return
    // A name cut short ("karate" for "karategruppe") is too far for an edit-distance guess.
    const longer = value.length >= 4 ? known.filter((k) => k.startsWith(value)) : []
    const dym = longer.length === 1 ? { en: `; did you mean "${longer[0]}"?`, nb: `; mente du «${longer[0]}»?` } : didYouMean(value, known)
    const shown = quote(value)
    problems.push({ pointer, message: { en: `Unknown ${en} ${shown.en}${dym.en}`, nb: `Ukjent ${nb} ${shown.nb}${dym.nb}` } })
  }
  if (subject.offering !== undefined) unknown("/offering", subject.offering, offerings, "offering", "tilbud")
  subject.citizen?.departments.forEach((d, i) => unknown(`/citizen/departments/${i}`, d, departments, "department", "avdeling"))
  if (subject.proposal?.byDepartment !== undefined) unknown("/proposal/byDepartment", subject.proposal.byDepartment, departments, "department", "avdeling")
  if (subject.offering !== undefined && subject.citizen === undefined) {
    problems.push({ pointer: "", message: { en: 'A question about an offering needs "citizen"', nb: "Et spørsmål om et tilbud trenger «citizen»" } })
  }
  if (subject.enrollment !== undefined && subject.offering === undefined) {
    problems.push({ pointer: "/enrollment", message: { en: 'An enrollment needs "offering"', nb: "En deltagelse trenger «offering»" } })
  }
  if (subject.citizen !== undefined && subject.citizen.birthYear === undefined && subject.citizen.birthDate === undefined) {
    problems.push({ pointer: "/citizen", message: { en: 'The citizen needs "birthYear" or "birthDate"', nb: "Innbyggeren trenger «birthYear» eller «birthDate»" } })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, subject }
})

// Core's messages may quote a value; pointers name keys. Neither may carry an identity number out.
const redacted = (p: SubjectProblem): SubjectProblem => ({
  pointer: Redact.text(p.pointer),
  message: { en: Redact.text(p.message.en), nb: Redact.text(p.message.nb) }
})

/**
 * Thrown by {@link make} with every problem of a subject.
 * @example
 * try { Subject.make(input) } catch (e) { if (e instanceof Subject.SubjectError) e.problems.length }
 * @category models
 */
export class SubjectError extends RulesError {
  override readonly name: string = "SubjectError"
  readonly problems: ReadonlyArray<SubjectProblem>
  constructor(problems: ReadonlyArray<SubjectProblem>) {
    const list = listOf(problems)
    super(
      { en: `The subject has ${list.length} problem(s)`, nb: `Situasjonen har ${list.length} feil` },
      `The subject has ${list.length} problem(s) / Situasjonen har ${list.length} feil:\n` + list.map(line).join("\n")
    )
    this.problems = list
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
  }
)

/**
 * The facts of a subject on a date, and the parameters each derived fact was
 * computed from (so a decision can say which dated value it used).
 * @category models
 */
export interface Derived {
  readonly facts: Facts
  readonly parameters: ReadonlyMap<string, ReadonlyArray<ParameterInForce>>
  /** Inputs the subject left open and the fact values each leaves possible; `facts` holds option 0 of each. */
  readonly open: ReadonlyArray<Open>
}

/** The ages a citizen may be on `date`: one from a birth date, two from a birth year alone (before or after the birthday). */
const agesOn = (c: Subject["citizen"], date: string): ReadonlyArray<number | null> => {
  if (c === undefined) return [null]
  if (c.birthDate !== undefined) return [IsoDate.ageOn(c.birthDate, date)]
  if (c.birthYear === undefined) return [null]
  const reached = Number(date.slice(0, 4)) - c.birthYear
  // On 31 December everyone born that year has had their birthday.
  return date.endsWith("-12-31") ? [reached] : [reached, reached - 1]
}

const openInputs = (subject: Subject, ages: ReadonlyArray<number | null>): ReadonlyArray<Open> => {
  const open: Array<Open> = []
  if (ages.length > 1) open.push({ missing: "citizen.birthDate", options: ages.map((age) => ({ age })) })
  if (subject.jointMeetingHeld === undefined) open.push({ missing: "jointMeetingHeld", options: [{ jointMeetingHeld: false }, { jointMeetingHeld: true }] })
  return open
}

/**
 * Computes every fact for `subject` on `date` from what is in force then.
 * Unknown values are `null`; counts of an enrollment default to 0. Facts the
 * subject leaves open (the age with only a birth year, a joint meeting not
 * mentioned) are listed in `open` with every value they may take.
 * @example
 * const { facts } = Subject.facts(subject, "2024-03-01", InForce.on(tree, "2024-03-01"))
 * facts.age // 33
 * @category constructors
 */
export const facts = guard("Subject.facts", { en: "(subject: Subject, date: YYYY-MM-DD, now: InForce)", nb: "(subject: Subject, date: ÅÅÅÅ-MM-DD, now: InForce)" }, (subject: Subject, date: string, now: InForce): Derived => {
  requireDate("Subject.facts", "date", date)
  const c = subject.citizen
  const o = subject.offering === undefined ? undefined : now.offerings.get(subject.offering)
  const e = subject.enrollment
  // Each parameter's own dating rule picks its value: an enrollment keeps the limits of its first day.
  const when: Policy.When = e === undefined ? { question: date } : { question: date, enrollmentStart: e.start }
  const used = new Map<string, Array<ParameterInForce>>()
  const use = (fact: string, name: string): ParameterInForce | undefined => {
    const parameter = now.policy.parameters.get(name)
    if (parameter === undefined) return undefined
    // Values of the question's date are already resolved in `now`; only another date needs a lookup.
    const at = Policy.dateFor(parameter.datedBy, when)
    let found = now.parameters.get(name)
    if (at !== date) {
      const entry = Policy.valueOn(parameter.values, at)
      found = entry === undefined ? undefined : { parameter, entry }
    }
    if (found === undefined) return undefined
    used.set(fact, [...(used.get(fact) ?? []), found])
    return found
  }
  const numberOf = (fact: string, name: string): number | null => {
    const v = use(fact, name)?.entry.value
    return typeof v === "number" ? v : null
  }
  const departments = c?.departments ?? []
  const limit = (fact: string, key: "sessions" | "weeks" | "sessionsPerWeek"): number | null => (o === undefined ? null : numberOf(fact, Policy.limitName(o.id, key)))
  let transitionEnd: string | null = null
  if (o?.status.kind === "discontinued") {
    use("transitionEnd", "model.start")
    use("transitionEnd", "transition.duration")
    transitionEnd = Offering.transitionEnd(o, now.policy, date) ?? null
  }
  const extensionLimit = o?.category === "treatment" ? numberOf("extensionLimit", Policy.names.maxExtensions) : null
  let cohortEnd: string | null = null
  if (o !== undefined && e !== undefined) {
    const length = use("cohortEnd", Policy.limitName(o.id, "cohortLength"))?.entry.value
    if (typeof length === "string") cohortEnd = IsoDate.addDays(addTo(`${e.cohort ?? e.start.slice(0, 7)}-01`, length), -1)
  }
  const fit = subject.fit
  const proposal = subject.proposal
  const ages = agesOn(c, date)
  const values: Facts = {
    date,
    age: ages[0] ?? null,
    citizenDepartments: departments,
    getsHelpFromUnit: departments.length > 0,
    healthyLifeCentre: c?.healthyLifeCentre ?? false,
    offering: o?.id ?? null,
    offeringCategory: o?.category ?? null,
    offeringDepartment: o?.operator.department ?? null,
    offeringStatus: o?.status.kind ?? null,
    offeringPriceNok: o?.priceNok ?? null,
    transitionEnd,
    hasReferral: subject.referral ?? false,
    jointMeetingHeld: subject.jointMeetingHeld ?? false,
    intakeRegistered: subject.intakeRegistered ?? false,
    applied: subject.applied ?? false,
    individualDecision: subject.individualDecision ?? false,
    newApplication: subject.newApplication ?? false,
    bindingRegistration: subject.bindingRegistration ?? false,
    enrolled: e !== undefined,
    sessionsUsed: e === undefined ? null : (e.sessionsUsed ?? 0),
    sessionsThisWeek: e === undefined ? null : (e.sessionsThisWeek ?? 0),
    periodWeek: e === undefined ? null : Math.floor(IsoDate.daysBetween(e.periodStart ?? e.start, date) / 7) + 1,
    extensionsUsed: e === undefined ? null : (e.extensionsUsed ?? 0),
    extensionRequested: e?.extensionRequested ?? false,
    sessionLimit: limit("sessionLimit", "sessions"),
    weekLimit: limit("weekLimit", "weeks"),
    sessionsPerWeekLimit: limit("sessionsPerWeekLimit", "sessionsPerWeek"),
    extensionLimit,
    cohortEnd,
    activityStarted: e?.activityStarted ?? null,
    stillNeeded: e?.stillNeeded ?? null,
    movedToCommunity: e?.movedToCommunity ?? false,
    consecutiveNoShows: e?.consecutiveNoShows ?? 0,
    hasGoalEvaluation: e?.goalReached !== undefined,
    goalReached: e?.goalReached ?? null,
    hasFitScore: fit !== undefined,
    ors: fit?.ors ?? null,
    srs: fit?.srs ?? null,
    offTrack: fit?.offTrack ?? false,
    hasProposal: proposal !== undefined,
    proposalRequested: proposal?.requested ?? null,
    proposalDecision: proposal?.decision ?? null,
    proposalByDepartment: proposal?.byDepartment ?? null,
    proposalCategory: proposal?.category ?? null
  }
  return { facts: values, parameters: used, open: openInputs(subject, ages) }
})
