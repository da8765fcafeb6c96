/**
 * Student and volunteer involvement in running the sessions.
 *
 * @module
 */
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { rollupBy, withRate, zeroFill } from "../internal/group.js"

/**
 * Sessions held with at least one student, with at least one volunteer
 * (time-giver), their shares of all sessions, and the student and volunteer
 * presences summed over sessions. Mestringsenhetens modell for aktivitet, line 31: all students take part in
 * running the everyday activities; line 12: more contribution from volunteers
 * and students.
 * @example
 * Indicator.compute(involvement, tables, { by: ["category"] })
 * @category indicators
 */
export const involvement: Indicator<"involvement"> = {
  id: "involvement",
  name: { nb: "Studenter og frivillige", en: "Student and volunteer involvement" },
  definition: {
    numerator: {
      nb: "Samlinger med minst én student (eller frivillig)",
      en: "Sessions with at least one student (or volunteer)",
    },
    denominator: { nb: "Alle samlinger", en: "All sessions" },
    unit: { nb: "andel, og antall til stede", en: "share, and number present" },
    period: { nb: "Datoen for samlingen", en: "The session's date" },
  },
  dimensions: ["offering", "category", "department", "month", "year"],
  defaultBy: ["category"],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Prosjektets mål; Organisering",
    lines: "12, 31",
    fact: {
      nb: "Øke bidrag fra frivillige og studenter; alle studenter deltar i gjennomføringen av hverdagsaktivitetene",
      en: "More contribution from volunteers and students; all students help run the everyday activities",
    },
  },
  measures: [
    { column: "sessions", label: { nb: "Samlinger", en: "Sessions" }, kind: "count", unit: "sessions" },
    { column: "withStudents", label: { nb: "Med studenter", en: "With students" }, kind: "count", unit: "sessions" },
    {
      column: "studentShare",
      label: { nb: "Andel med studenter", en: "Share with students" },
      kind: "rate",
      unit: "share",
      numerator: "withStudents",
      denominator: "sessions",
    },
    {
      column: "students",
      label: { nb: "Studenter til stede", en: "Student presences" },
      kind: "count",
      unit: "persons",
    },
    {
      column: "withVolunteers",
      label: { nb: "Med frivillige", en: "With volunteers" },
      kind: "count",
      unit: "sessions",
    },
    {
      column: "volunteerShare",
      label: { nb: "Andel med frivillige", en: "Share with volunteers" },
      kind: "rate",
      unit: "share",
      numerator: "withVolunteers",
      denominator: "sessions",
    },
    {
      column: "volunteers",
      label: { nb: "Frivillige til stede", en: "Volunteer presences" },
      kind: "count",
      unit: "persons",
    },
  ],
  headline: "studentShare",
  compute: (tables, by) => {
    const counts = rollupBy(tables.sessions, by, {
      sessions: op.count(),
      withStudents: "d => op.sum(d.students > 0 ? 1 : 0)",
      students: op.sum("students"),
      withVolunteers: "d => op.sum(d.volunteers > 0 ? 1 : 0)",
      volunteers: op.sum("volunteers"),
    })
    const filled = zeroFill(counts, ["sessions", "withStudents", "students", "withVolunteers", "volunteers"])
    return withRate(
      withRate(filled, "studentShare", "withStudents", "sessions"),
      "volunteerShare",
      "withVolunteers",
      "sessions",
    )
  },
}
