/**
 * Student and volunteer involvement in running the sessions.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { rollupBy } from "../internal/group.js"
import { countAbove } from "../internal/kernel/aggregates.js"
import { positiveSums } from "../internal/passes/positiveSums.js"
import { events, share } from "./measures.js"

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
export const involvement: Indicator<"involvement"> = rate({
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
    events("sessions", { nb: "Samlinger", en: "Sessions" }, "sessions"),
    events("withStudents", { nb: "Med studenter", en: "With students" }, "sessions"),
    share("studentShare", { nb: "Andel med studenter", en: "Share with students" }, "withStudents", "sessions"),
    events("students", { nb: "Studenter til stede", en: "Student presences" }, "persons"),
    events("withVolunteers", { nb: "Med frivillige", en: "With volunteers" }, "sessions"),
    share("volunteerShare", { nb: "Andel med frivillige", en: "Share with volunteers" }, "withVolunteers", "sessions"),
    events("volunteers", { nb: "Frivillige til stede", en: "Volunteer presences" }, "persons"),
  ],
  headline: "studentShare",
  // One pass over the sessions where their columns allow it, else the kernel.
  counts: (tables, by) =>
    positiveSums(tables.sessions, by, "sessions", [
      { column: "students", above: "withStudents", sum: "students" },
      { column: "volunteers", above: "withVolunteers", sum: "volunteers" },
    ]) ??
    rollupBy(tables.sessions, by, {
      sessions: op.count(),
      withStudents: countAbove("students", 0),
      students: op.sum("students"),
      withVolunteers: countAbove("volunteers", 0),
      volunteers: op.sum("volunteers"),
    }),
})
