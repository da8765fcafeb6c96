/**
 * Completion: of the participations that ended in the period, the share that
 * ended as planned rather than by withdrawal, in offerings where
 * participation has an end to reach.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { daysWithin, rollupBy, withDifference } from "../internal/group.js"
import { sumProduct } from "../internal/kernel/aggregates.js"
import { persons, share } from "./measures.js"

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
export const completionRate: Indicator<"completionRate"> = rate({
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
    persons("ended", { nb: "Avsluttet", en: "Ended" }, "ended", "records"),
    persons("completed", { nb: "Fullført", en: "Completed" }, "completed", "records"),
    persons("withdrawn", { nb: "Avbrutt", en: "Withdrawn" }, "withdrawn", "records"),
    share("rate", { nb: "Andel fullført", en: "Completion rate" }, "completed", "ended"),
  ],
  headline: "rate",
  definedFor: "hasCompletion",
  // Every closed enrollment makes its group's row, so that a group where completion does not apply shows as such.
  counts: (tables, by) =>
    rollupBy(
      tables.enrollments,
      by,
      { ended: op.sum("hasCompletion"), completed: sumProduct("hasCompletion", "completed") },
      {
        columns: { month: "closedMonth", year: "closedYear" },
        where: [daysWithin("closed", tables.days.from, tables.days.to)],
      },
    ),
  derive: (filled) => withDifference(filled, "withdrawn", "ended", ["completed"]),
})
