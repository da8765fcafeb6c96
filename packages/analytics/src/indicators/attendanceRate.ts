/**
 * Attendance rate: the share of booked attendances where the citizen came.
 *
 * @module
 */
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { rollupBy, withRate, zeroFill } from "../internal/group.js"

/**
 * Present attendances divided by all registered attendances (present, absent
 * with notice, no-show), with the number of citizens behind them and the
 * no-shows that trigger a follow-up contact. Kommunale lærings- og mestringstjenester, line 42: evaluate
 * participants from session to session.
 * @example
 * Indicator.compute(attendanceRate, tables, { by: ["offering"] }).table.objects()
 * @category indicators
 */
export const attendanceRate: Indicator<"attendanceRate"> = {
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
  dimensions: ["offering", "category", "department", "month", "year"],
  defaultBy: ["offering"],
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
    {
      column: "citizens",
      label: { nb: "Innbyggere", en: "Citizens" },
      kind: "persons",
      unit: "persons",
      set: "booked",
    },
    {
      column: "booked",
      label: { nb: "Registrerte oppmøter", en: "Registered attendances" },
      kind: "count",
      unit: "attendances",
      of: "booked",
    },
    { column: "present", label: { nb: "Møtt", en: "Present" }, kind: "count", unit: "attendances", of: "present" },
    {
      column: "noShow",
      label: { nb: "Ikke møtt uten beskjed", en: "No-shows" },
      kind: "count",
      unit: "attendances",
      of: "booked",
    },
    {
      column: "rate",
      label: { nb: "Oppmøteandel", en: "Attendance rate" },
      kind: "rate",
      unit: "share",
      numerator: "present",
      denominator: "booked",
    },
  ],
  headline: "rate",
  compute: (tables, by) => {
    const counts = rollupBy(tables.attendance, by, {
      citizens: op.distinct("citizen"),
      booked: op.count(),
      present: op.sum("present"),
      noShow: op.sum("noShow"),
    })
    return withRate(zeroFill(counts, ["citizens", "booked", "present", "noShow"]), "rate", "present", "booked")
  },
}
