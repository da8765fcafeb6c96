/**
 * Participation: citizens who took part, their attendances and the sessions
 * held, per offering, category, department, month or year.
 *
 * @module
 */
import { op } from "arquero"
import { count, type Indicator } from "../Indicator.js"
import { joinBy, rollupBy } from "../internal/group.js"
import { citizenRollup } from "../internal/passes/citizenRollup.js"
import { events, persons } from "./measures.js"

/**
 * Participants (distinct citizens present at least once), attendances
 * (present) and sessions held. Mestringsenhetens modell for aktivitet, line 161: offerings are adjusted to
 * need and participation.
 * @example
 * Indicator.compute(participation, tables, { by: ["category", "month"] })
 * @category indicators
 */
export const participation: Indicator<"participation"> = count({
  id: "participation",
  name: { nb: "Deltakelse", en: "Participation" },
  definition: {
    numerator: {
      nb: "Antall ulike innbyggere som møtte minst én gang; antall oppmøter; antall samlinger holdt",
      en: "Number of distinct citizens present at least once; number of attendances; number of sessions held",
    },
    denominator: null,
    unit: { nb: "personer, oppmøter, samlinger", en: "persons, attendances, sessions" },
    period: { nb: "Datoen for samlingen", en: "The session's date" },
  },
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Evaluering av modellen",
    lines: "161",
    fact: {
      nb: "De ulike tilbudene justeres etter behov og deltagelse",
      en: "Offerings are adjusted to need and participation",
    },
  },
  measures: [
    persons("participants", { nb: "Deltakere", en: "Participants" }, "present", "persons"),
    events("attendances", { nb: "Oppmøter", en: "Attendances" }, "attendances", "present"),
    events("sessions", { nb: "Samlinger", en: "Sessions" }, "sessions"),
  ],
  headline: "participants",
  counts: (tables, by) => {
    // One fused pass over the attendance rows; the rollup where a column is of another kind.
    const present =
      citizenRollup(tables.attendance, by, "present", [
        ["participants", "citizens"],
        ["attendances", "rows"],
      ]) ??
      rollupBy(
        tables.attendance,
        by,
        { participants: op.distinct("citizen"), attendances: op.count() },
        { where: [{ column: "present", is: "equal", value: 1 }] },
      )
    return joinBy(rollupBy(tables.sessions, by, { sessions: op.count() }), present, by)
  },
})
