/**
 * Completion: of the participations that ended in the period, the share that
 * ended as planned rather than by withdrawal, in offerings where
 * participation has an end to reach.
 *
 * @module
 */
import type { Indicator } from "../Indicator.js"
import { dayWithin, rollupBy, withRate, zeroFill } from "../internal/group.js"

/**
 * Enrollments closed in the period as `completed`, divided by all closed
 * (completed or withdrawn). The closing day is `closedOn`, else the planned
 * end. Only offerings that can be completed count (`hasCompletion` of
 * `tables.offerings`): open everyday groups and the departments' own groups
 * are meant for long-term participation, and a row about them alone is "not
 * applicable", not 0 %. Mestringsenhetens modell for aktivitet, line 72: when
 * the treatment is completed, the therapist examines whether the goal was
 * reached.
 * @example
 * Indicator.compute(completionRate, tables, { by: ["category"] })
 * @category indicators
 */
export const completionRate: Indicator<"completionRate"> = {
  id: "completionRate",
  name: { nb: "Fullføring", en: "Completion rate" },
  definition: {
    numerator: { nb: "Deltakelser avsluttet som fullført", en: "Enrollments closed as completed" },
    denominator: {
      nb: "Deltakelser avsluttet i perioden (fullført eller avbrutt)",
      en: "Enrollments closed in the period (completed or withdrawn)",
    },
    unit: { nb: "andel", en: "share" },
    period: { nb: "Datoen deltakelsen ble avsluttet", en: "The day the enrollment closed" },
    note: {
      nb: "Bare tilbud med en slutt å nå teller: behandling, Recoveryhjelpa, tilbud med inntak, søknad eller vedtak, og tilbud med et neste steg (karate, Mudo). For åpne tilbud med langvarig deltagelse (som helårsbading, løpegruppe, volleyball) og avdelingenes egne grupper er fullføring ikke relevant.",
      en: "Only offerings with an end to reach count: treatment, Recoveryhjelpa, offerings with intake, application or decision, and offerings with a next step (karate, Mudo). For open offerings meant for long-term participation (such as year-round swimming, running, volleyball) and the departments' own groups, completion is not applicable.",
    },
  },
  dimensions: ["offering", "category", "department", "month", "year"],
  defaultBy: ["offering"],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Fysisk aktivitet som behandling",
    lines: "72",
    fact: {
      nb: "Når fysisk aktivitet som behandling er gjennomført, undersøker behandler om målet er oppnådd",
      en: "When activity as treatment is completed, the therapist examines whether the goal was reached",
    },
  },
  measures: [
    { column: "ended", label: { nb: "Avsluttet", en: "Ended" }, kind: "persons", unit: "records", set: "ended" },
    {
      column: "completed",
      label: { nb: "Fullført", en: "Completed" },
      kind: "persons",
      unit: "records",
      set: "completed",
    },
    {
      column: "withdrawn",
      label: { nb: "Avbrutt", en: "Withdrawn" },
      kind: "persons",
      unit: "records",
      set: "withdrawn",
    },
    {
      column: "rate",
      label: { nb: "Andel fullført", en: "Completion rate" },
      kind: "rate",
      unit: "share",
      numerator: "completed",
      denominator: "ended",
    },
  ],
  headline: "rate",
  definedFor: "hasCompletion",
  compute: (tables, by) => {
    const { from, to } = tables.days
    // Every closed enrollment makes its group's row, so that a group where completion does not apply shows as such.
    const counts = rollupBy(
      tables.enrollments,
      by,
      { ended: "d => op.sum(d.hasCompletion)", completed: "d => op.sum(d.hasCompletion * d.completed)" },
      { columns: { month: "closedMonth", year: "closedYear" }, filter: `d => ${dayWithin("closed", from, to)}` },
    )
    const filled = zeroFill(counts, ["ended", "completed"]).derive({ withdrawn: "d => d.ended - d.completed" })
    return withRate(filled, "rate", "completed", "ended")
  },
}
