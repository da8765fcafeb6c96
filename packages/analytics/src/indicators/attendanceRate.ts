/**
 * Attendance rate: the share of booked attendances where the citizen came.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { rollupBy } from "../internal/group.js"
import { citizenRollup } from "../internal/passes/citizenRollup.js"
import { events, persons, share } from "./measures.js"

/**
 * Present attendances divided by all registered attendances (present, absent
 * with notice, no-show), with the number of citizens behind them and the
 * no-shows that trigger a follow-up contact. Kommunale lærings- og mestringstjenester, line 42: evaluate
 * participants from session to session.
 * @example
 * Indicator.compute(attendanceRate, tables, { by: ["offering"] }).table.objects()
 * @category indicators
 */
export const attendanceRate: Indicator<"attendanceRate"> = rate({
  id: "attendanceRate",
  name: { nb: "Oppmøte", en: "Attendance rate" },
  definition: {
    numerator: { nb: "Oppmøter der innbyggeren kom", en: "Attendances where the citizen came" },
    denominator: {
      nb: "Alle registrerte oppmøter (møtt, meldt forfall, ikke møtt)",
      en: "All registered attendances (present, absent with notice, no-show)",
    },
    unit: { nb: "andel", en: "share" },
    period: { nb: "Datoen for samlingen", en: "The session's date" },
  },
  seed: {
    document: "Kommunale lærings- og mestringstjenester – smakebiter på samhandling",
    section: "Fredrikstad kommune (side 17)",
    lines: "42",
    fact: {
      nb: "Vi må evaluere deltakernes prosess og endringer fra gang til gang",
      en: "Participants' progress must be evaluated from session to session",
    },
  },
  measures: [
    persons("citizens", { nb: "Innbyggere", en: "Citizens" }, "booked", "persons"),
    events("booked", { nb: "Registrerte oppmøter", en: "Registered attendances" }, "attendances", "booked"),
    events("present", { nb: "Møtt", en: "Present" }, "attendances", "present"),
    events("noShow", { nb: "Ikke møtt uten beskjed", en: "No-shows" }, "attendances", "booked"),
    share("rate", { nb: "Oppmøteandel", en: "Attendance rate" }, "present", "booked"),
  ],
  headline: "rate",
  // One fused pass over the attendance rows for rows and citizens; the rollup where a column is of another kind.
  counts: (tables, by) =>
    citizenRollup(tables.attendance, by, undefined, [
      ["citizens", "citizens"],
      ["booked", "rows"],
      ["present", { sum: "present" }],
      ["noShow", { sum: "noShow" }],
    ]) ??
    rollupBy(tables.attendance, by, {
      citizens: op.distinct("citizen"),
      booked: op.count(),
      present: op.sum("present"),
      noShow: op.sum("noShow"),
    }),
})
