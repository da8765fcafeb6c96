/**
 * Attendance rate: the share of booked attendances where the citizen came.
 *
 * @module
 */
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { rollupBy, withRate, zeroFill } from "../internal/group.js"
import { bi } from "../internal/text.js"

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
  name: bi("Oppmøte", "Attendance rate"),
  definition: {
    numerator: bi("Oppmøter der innbyggeren kom", "Attendances where the citizen came"),
    denominator: bi(
      "Alle registrerte oppmøter (møtt, meldt forfall, ikke møtt)",
      "All registered attendances (present, absent with notice, no-show)",
    ),
    unit: bi("andel", "share"),
    period: bi("Datoen for samlingen", "The session's date"),
  },
  dimensions: ["offering", "category", "department", "month", "year"],
  defaultBy: ["offering"],
  seed: {
    document: "Kommunale lærings- og mestringstjenester – smakebiter på samhandling",
    section: "Fredrikstad kommune (side 17)",
    lines: "42",
    fact: bi(
      "Vi må evaluere deltakernes prosess og endringer fra gang til gang",
      "Participants' progress must be evaluated from session to session",
    ),
  },
  measures: [
    { column: "citizens", label: bi("Innbyggere", "Citizens"), kind: "persons", unit: "persons", set: "booked" },
    {
      column: "booked",
      label: bi("Registrerte oppmøter", "Registered attendances"),
      kind: "count",
      unit: "attendances",
      of: "booked",
    },
    { column: "present", label: bi("Møtt", "Present"), kind: "count", unit: "attendances", of: "present" },
    {
      column: "noShow",
      label: bi("Ikke møtt uten beskjed", "No-shows"),
      kind: "count",
      unit: "attendances",
      of: "booked",
    },
    {
      column: "rate",
      label: bi("Oppmøteandel", "Attendance rate"),
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
