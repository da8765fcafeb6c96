// What a subject of the right shape must also get right: offerings and
// departments the catalogue knows, and the inputs a question needs.
// `Subject.decode` checks a subject's shape with its schema and the
// `decide` entry by hand; both then check this, here.
import type { Bilingual, Problems } from "@aktivitetsmodell/core"
import { Suggest } from "@aktivitetsmodell/core"
import { quote } from "./text.js"

/**
 * A problem with a subject: core's one Problem, with a JSON pointer into the
 * subject. Codes: `schema` (the shape), `unknown-name` (an offering or a
 * department the catalogue does not know), `missing-input` (a question that
 * needs an input the subject lacks), `unreadable`.
 */
export type SubjectProblem = Problems.Problem

// What the checks read of a subject; a decoded `Subject` fits. Structural, so this module needs not import the schema's.
interface Checked {
  readonly offering?: string
  readonly citizen?: {
    readonly departments: ReadonlyArray<string>
    readonly birthYear?: number
    readonly birthDate?: string
  }
  readonly enrollment?: unknown
  readonly proposal?: { readonly byDepartment?: string }
}

/** Every problem of a well-shaped subject, against the catalogue's offering and department ids. */
export const catalogueProblems = (
  subject: Checked,
  offerings: ReadonlyArray<string>,
  departments: ReadonlyArray<string>,
): Array<SubjectProblem> => {
  const problems: Array<SubjectProblem> = []
  const unknown = (pointer: string, value: string, known: ReadonlyArray<string>, what: Bilingual) => {
    if (known.includes(value)) return
    // A name cut short ("karate" for "karategruppe") is too far for an edit-distance guess.
    const longer = value.length >= 4 ? known.filter((k) => k.startsWith(value)) : []
    const dym =
      longer.length === 1
        ? { en: `; did you mean "${longer[0]}"?`, nb: `; mente du «${longer[0]}»?` }
        : Suggest.didYouMean(value, known)
    const shown = quote(value)
    problems.push({
      code: "unknown-name",
      pointer,
      message: { en: `Unknown ${what.en} ${shown.en}${dym.en}`, nb: `Ukjent ${what.nb} ${shown.nb}${dym.nb}` },
    })
  }
  const offering = { en: "offering", nb: "tilbud" }
  const department = { en: "department", nb: "avdeling" }
  if (subject.offering !== undefined) unknown("/offering", subject.offering, offerings, offering)
  subject.citizen?.departments.forEach((d, i) => {
    unknown(`/citizen/departments/${i}`, d, departments, department)
  })
  if (subject.proposal?.byDepartment !== undefined)
    unknown("/proposal/byDepartment", subject.proposal.byDepartment, departments, department)
  if (subject.offering !== undefined && subject.citizen === undefined) {
    problems.push({
      code: "missing-input",
      pointer: "",
      message: { en: 'A question about an offering needs "citizen"', nb: "Et spørsmål om et tilbud trenger «citizen»" },
    })
  }
  if (subject.enrollment !== undefined && subject.offering === undefined) {
    problems.push({
      code: "missing-input",
      pointer: "/enrollment",
      message: { en: 'An enrollment needs "offering"', nb: "En deltagelse trenger «offering»" },
    })
  }
  if (
    subject.citizen !== undefined &&
    subject.citizen.birthYear === undefined &&
    subject.citizen.birthDate === undefined
  ) {
    problems.push({
      code: "missing-input",
      pointer: "/citizen",
      message: {
        en: 'The citizen needs "birthYear" or "birthDate"',
        nb: "Innbyggeren trenger «birthYear» eller «birthDate»",
      },
    })
  }
  // Core's Citizen holds a birth date in its birth year; the age comes from the date, so a date that disagrees would decide.
  const c = subject.citizen
  if (c?.birthYear !== undefined && c.birthDate !== undefined && Number(c.birthDate.slice(0, 4)) !== c.birthYear) {
    problems.push({
      code: "schema",
      pointer: "/citizen/birthDate",
      message: {
        en: 'Expected "birthDate" to fall in "birthYear"',
        nb: "Forventet at «birthDate» er i «birthYear»",
      },
    })
  }
  return problems
}
