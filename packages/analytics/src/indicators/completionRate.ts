/**
 * Completion: of the participations that ended in the period, the share that
 * ended as planned rather than by withdrawal.
 *
 * @module
 */
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { dayWithin, rollupBy, withRate, zeroFill } from "../internal/group.js"
import { bi } from "../internal/text.js"

/**
 * Enrollments closed in the period as `completed`, divided by all closed
 * (completed or withdrawn). The closing day is `closedOn`, else the planned
 * end. Seed 000 line 72: when the treatment is completed, the therapist
 * examines whether the goal was reached.
 * @example
 * Indicator.compute(completionRate, tables, { by: ["category"] })
 * @category indicators
 */
export const completionRate: Indicator<"completionRate"> = {
  id: "completionRate",
  name: bi("Fullføring", "Completion rate"),
  definition: {
    numerator: bi("Deltakelser avsluttet som fullført", "Enrollments closed as completed"),
    denominator: bi("Deltakelser avsluttet i perioden (fullført eller avbrutt)", "Enrollments closed in the period (completed or withdrawn)"),
    unit: bi("andel", "share"),
    period: bi("Datoen deltakelsen ble avsluttet", "The day the enrollment closed")
  },
  dimensions: ["offering", "category", "department", "month", "year"],
  defaultBy: ["offering"],
  seed: {
    file: "000_b0fda6026573384c.txt",
    lines: "72",
    fact: bi(
      "Når fysisk aktivitet som behandling er gjennomført, undersøker behandler om målet er oppnådd",
      "When activity as treatment is completed, the therapist examines whether the goal was reached"
    )
  },
  measures: [
    { column: "ended", label: bi("Avsluttet", "Ended"), kind: "persons", unit: "records", set: "ended" },
    { column: "completed", label: bi("Fullført", "Completed"), kind: "persons", unit: "records", set: "completed" },
    { column: "withdrawn", label: bi("Avbrutt", "Withdrawn"), kind: "persons", unit: "records", set: "withdrawn" },
    { column: "rate", label: bi("Andel fullført", "Completion rate"), kind: "rate", unit: "share", numerator: "completed", denominator: "ended" }
  ],
  headline: "rate",
  compute: (tables, by) => {
    const { from, to } = tables.days
    const counts = rollupBy(
      tables.enrollments,
      by,
      { ended: op.count(), completed: op.sum("completed") },
      { columns: { month: "closedMonth", year: "closedYear" }, filter: `d => ${dayWithin("closed", from, to)}` }
    )
    const filled = zeroFill(counts, ["ended", "completed"]).derive({ withdrawn: "d => d.ended - d.completed" })
    return withRate(filled, "rate", "completed", "ended")
  }
}
