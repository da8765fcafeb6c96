// A subject's shape checked by hand, for the browser: `Subject.decode`
// checks the same shape with Effect's schemas, which this entry must not
// load. It accepts what `Subject.decode` accepts (a test holds the two
// together) and builds a new subject from the known fields only, so no key
// of the input — "__proto__" or "constructor" included — reaches an
// object's prototype. Values are never echoed in messages.
import type { Bilingual } from "@aktivitetsmodell/core"
import { Calendar, Codes } from "@aktivitetsmodell/core"
import type { SubjectProblem } from "../internal/subjectChecks.js"
import { catalogueProblems } from "../internal/subjectChecks.js"
import { alternatives, shortLine } from "../internal/text.js"

type Problems = Array<SubjectProblem>
/** Checks one value at `at` (a JSON pointer); returns it as the subject holds it, or undefined with a problem added. */
export type Check = (value: unknown, at: string, problems: Problems) => unknown

const problem = (problems: Problems, pointer: string, message: Bilingual): undefined => {
  problems.push({ code: "schema", pointer, message })
  return undefined
}

const boolean: Check = (v, at, out) =>
  typeof v === "boolean" ? v : problem(out, at, { en: "Expected true or false", nb: "Forventet true eller false" })

const text: Check = (v, at, out) =>
  typeof v === "string" ? v : problem(out, at, { en: "Expected a text", nb: "Forventet en tekst" })

const wholeNumber =
  (min: number, max: number): Check =>
  (v, at, out) =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max
      ? v
      : problem(out, at, {
          en: `Expected a whole number from ${min} to ${max}`,
          nb: `Forventet et heltall fra ${min} til ${max}`,
        })

const score: Check = (v, at, out) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 40
    ? v
    : problem(out, at, { en: "Expected a score from 0 to 40", nb: "Forventet en skår fra 0 til 40" })

const date: Check = (v, at, out) =>
  Calendar.isIsoDate(v)
    ? v
    : problem(out, at, {
        en: "Expected an existing calendar date as YYYY-MM-DD",
        nb: "Forventet en gyldig dato på formen ÅÅÅÅ-MM-DD",
      })

// A birth date in the years a birth may be given in, checked as Subject.decode checks it.
const birthDate: Check = (v, at, out) =>
  date(v, at, out) === undefined
    ? undefined
    : Calendar.isBirthDate(v)
      ? v
      : problem(out, at, {
          en: `Expected a birth date from ${Calendar.birthYears.first} to ${Calendar.birthYears.last}`,
          nb: `Forventet en fødselsdato fra ${Calendar.birthYears.first} til ${Calendar.birthYears.last}`,
        })

const month: Check = (v, at, out) =>
  typeof v === "string" && /^\d{4}-(0[1-9]|1[0-2])$/u.test(v)
    ? v
    : problem(out, at, { en: "Expected a month as YYYY-MM", nb: "Forventet en måned på formen ÅÅÅÅ-MM" })

const pseudonym: Check = (v, at, out) =>
  typeof v === "string" && /^[0-9a-f]{32}$/u.test(v)
    ? v
    : problem(out, at, {
        en: "Expected a pseudonym: 32 lowercase hexadecimal characters",
        nb: "Forventet et pseudonym: 32 små heksadesimale tegn",
      })

const oneOf =
  (values: ReadonlyArray<string | number>, words: Bilingual): Check =>
  (v, at, out) =>
    (typeof v === "string" || typeof v === "number") && values.includes(v)
      ? v
      : problem(out, at, { en: `Expected ${words.en}`, nb: `Forventet ${words.nb}` })

// "yes, partly or no", from core's one list of the codes.
const goalReachedText = alternatives(Codes.goalReached.map((c) => ({ nb: c, en: c })))
const proposalOutcomeText = alternatives(Codes.proposalOutcome.map((c) => ({ nb: c, en: c })))

const list =
  (item: Check): Check =>
  (v, at, out) => {
    if (!Array.isArray(v)) return problem(out, at, { en: "Expected a list", nb: "Forventet en liste" })
    const before = out.length
    const items = Array.from(v, (x, i) => item(x, `${at}/${i}`, out))
    return out.length === before ? items : undefined
  }

/** A JSON pointer segment for a key the input chose: escaped, redacted, on one line and cut short. */
const segment = (key: string): string => shortLine(key.replace(/~/gu, "~0").replace(/\//gu, "~1"), 80)

/** An object with these fields (`required` must be there), and no others. */
const object =
  (fields: Readonly<Record<string, Check>>, required: ReadonlyArray<string> = []): Check =>
  (v, at, out) => {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      return problem(out, at, { en: "Expected an object", nb: "Forventet et objekt" })
    const before = out.length
    const input = v as Record<string, unknown>
    const built: Record<string, unknown> = {}
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(fields, key))
        problem(out, `${at}/${segment(key)}`, {
          en: "Unknown field: it is not allowed here",
          nb: "Ukjent felt: det er ikke tillatt her",
        })
    }
    for (const [key, check] of Object.entries(fields)) {
      if (!Object.hasOwn(input, key)) {
        if (required.includes(key))
          problem(out, `${at}/${key}`, { en: "Missing: this field is required", nb: "Mangler: feltet må være med" })
        continue
      }
      const value = check(input[key], `${at}/${key}`, out)
      if (value !== undefined) built[key] = value
    }
    return out.length === before ? built : undefined
  }

/** The checker of a whole subject; a proposal's category must be one of `categories`. */
export const subjectCheck = (categories: ReadonlyArray<string>): Check =>
  object({
    citizen: object(
      {
        id: pseudonym,
        birthYear: wholeNumber(Calendar.birthYears.first, Calendar.birthYears.last),
        birthDate,
        departments: list(text),
        healthyLifeCentre: boolean,
        pathway: oneOf([1, 2, 3], { en: "pathway 1, 2 or 3", nb: "hovedforløp 1, 2 eller 3" }),
      },
      ["departments"],
    ),
    offering: text,
    referral: boolean,
    jointMeetingHeld: boolean,
    intakeRegistered: boolean,
    applied: boolean,
    individualDecision: boolean,
    newApplication: boolean,
    bindingRegistration: boolean,
    enrollment: object(
      {
        start: date,
        periodStart: date,
        cohort: month,
        sessionsUsed: wholeNumber(0, 1000),
        sessionsThisWeek: wholeNumber(0, 100),
        extensionsUsed: wholeNumber(0, 100),
        extensionRequested: boolean,
        activityStarted: boolean,
        stillNeeded: boolean,
        movedToCommunity: boolean,
        consecutiveNoShows: wholeNumber(0, 1000),
        goalReached: oneOf(Codes.goalReached, goalReachedText),
      },
      ["start"],
    ),
    fit: object({ ors: score, srs: score, offTrack: boolean }),
    proposal: object(
      {
        requested: boolean,
        decision: oneOf(Codes.proposalOutcome, proposalOutcomeText),
        byDepartment: text,
        category: oneOf(categories, { en: `one of ${categories.join(", ")}`, nb: `én av ${categories.join(", ")}` }),
      },
      ["requested", "category"],
    ),
  })

/**
 * The subject `input` describes, or every problem with its shape. An input
 * whose getters throw, or that is cyclic, is one problem, not an exception.
 */
export const shapeOf = <S extends object>(
  input: unknown,
  check: Check,
):
  | { readonly ok: true; readonly subject: S }
  | { readonly ok: false; readonly problems: ReadonlyArray<SubjectProblem> } => {
  const problems: Problems = []
  try {
    const checked = check(input, "", problems)
    if (problems.length === 0) return { ok: true, subject: checked as S }
  } catch {
    return {
      ok: false,
      problems: [
        {
          code: "unreadable",
          pointer: "",
          message: { en: "The subject could not be read", nb: "Situasjonen kunne ikke leses" },
        },
      ],
    }
  }
  return { ok: false, problems }
}

/**
 * The subject `input` describes when its shape is right and the catalogue
 * knows the offering and departments it names (by id), or every problem.
 */
export const checkedSubject = <S extends object>(
  input: unknown,
  check: Check,
  offerings: ReadonlyArray<string>,
  departments: ReadonlyArray<string>,
):
  | { readonly ok: true; readonly subject: S }
  | { readonly ok: false; readonly problems: ReadonlyArray<SubjectProblem> } => {
  const shape = shapeOf<S>(input, check)
  if (!shape.ok) return shape
  const problems = catalogueProblems(shape.subject, offerings, departments)
  return problems.length > 0 ? { ok: false, problems } : shape
}
