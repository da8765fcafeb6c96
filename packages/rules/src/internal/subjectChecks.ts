// What a subject of the right shape must also get right: offerings and
// departments the catalogue knows, and the inputs a question needs.
// `Subject.decode` checks a subject's shape with its schema and the
// `decide` entry by hand; both then check this, here.
import { Suggest } from "@aktivitetsmodell/core"
import type { Subject, SubjectProblem } from "../Subject.js"
import { quote } from "./text.js"

/** Every problem of a well-shaped subject, against the catalogue's offering and department ids. */
export const catalogueProblems = (
  subject: Subject,
  offerings: ReadonlyArray<string>,
  departments: ReadonlyArray<string>,
): Array<SubjectProblem> => {
  const problems: Array<SubjectProblem> = []
  const unknown = (pointer: string, value: string, known: ReadonlyArray<string>, en: string, nb: string) => {
    if (known.includes(value)) return
    // A name cut short ("karate" for "karategruppe") is too far for an edit-distance guess.
    const longer = value.length >= 4 ? known.filter((k) => k.startsWith(value)) : []
    const dym =
      longer.length === 1
        ? { en: `; did you mean "${longer[0]}"?`, nb: `; mente du «${longer[0]}»?` }
        : Suggest.didYouMean(value, known)
    const shown = quote(value)
    problems.push({
      pointer,
      message: { en: `Unknown ${en} ${shown.en}${dym.en}`, nb: `Ukjent ${nb} ${shown.nb}${dym.nb}` },
    })
  }
  if (subject.offering !== undefined) unknown("/offering", subject.offering, offerings, "offering", "tilbud")
  subject.citizen?.departments.forEach((d, i) =>
    unknown(`/citizen/departments/${i}`, d, departments, "department", "avdeling"),
  )
  if (subject.proposal?.byDepartment !== undefined)
    unknown("/proposal/byDepartment", subject.proposal.byDepartment, departments, "department", "avdeling")
  if (subject.offering !== undefined && subject.citizen === undefined) {
    problems.push({
      pointer: "",
      message: { en: 'A question about an offering needs "citizen"', nb: "Et spørsmål om et tilbud trenger «citizen»" },
    })
  }
  if (subject.enrollment !== undefined && subject.offering === undefined) {
    problems.push({
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
      pointer: "/citizen",
      message: {
        en: 'The citizen needs "birthYear" or "birthDate"',
        nb: "Innbyggeren trenger «birthYear» eller «birthDate»",
      },
    })
  }
  return problems
}
