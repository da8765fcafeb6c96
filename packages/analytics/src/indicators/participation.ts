/**
 * Participation: citizens who took part, their attendances and the sessions
 * held, per offering, category, department, month or year.
 *
 * @module
 */
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { joinBy, rollupBy, zeroFill } from "../internal/group.js"

/**
 * Participants (distinct citizens present at least once), attendances
 * (present) and sessions held. Mestringsenhetens modell for aktivitet, line 161: offerings are adjusted to
 * need and participation.
 * @example
 * Indicator.compute(participation, tables, { by: ["category", "month"] })
 * @category indicators
 */
export const participation: Indicator<"participation"> = {
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
  dimensions: ["offering", "category", "department", "month", "year"],
  defaultBy: ["offering"],
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
    {
      column: "participants",
      label: { nb: "Deltakere", en: "Participants" },
      kind: "persons",
      unit: "persons",
      set: "present",
    },
    {
      column: "attendances",
      label: { nb: "Oppmøter", en: "Attendances" },
      kind: "count",
      unit: "attendances",
      of: "present",
    },
    { column: "sessions", label: { nb: "Samlinger", en: "Sessions" }, kind: "count", unit: "sessions" },
  ],
  headline: "participants",
  compute: (tables, by) => {
    const present = rollupBy(
      tables.attendance,
      by,
      { participants: op.distinct("citizen"), attendances: op.count() },
      { filter: "d => d.present === 1" },
    )
    const sessions = rollupBy(tables.sessions, by, { sessions: op.count() })
    return zeroFill(joinBy(sessions, present, by), ["participants", "attendances", "sessions"])
  },
}
