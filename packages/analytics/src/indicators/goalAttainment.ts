/**
 * Goal attainment in activity as treatment: was the goal set in the joint
 * meeting reached by the end of the treatment?
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { daysWithin, rollupBy, withDifference } from "../internal/group.js"
import { lastRows } from "../internal/kernel/last.js"
import { plain, valuesOf } from "../internal/kernel/read.js"
import { persons, share } from "./measures.js"

/**
 * Of the treatment enrollments whose last goal evaluation falls in the
 * period, the share where the goal was reached (`yes`); `partly` and `no` are
 * counted beside it. An extended treatment has two evaluations; only the
 * last counts. Mestringsenhetens modell for aktivitet, line 72: the therapist examines whether the goal was
 * reached or other measures should be tried.
 * @example
 * Indicator.compute(goalAttainment, tables, { by: ["offering"] })
 * @category indicators
 */
export const goalAttainment: Indicator<"goalAttainment"> = rate({
  id: "goalAttainment",
  name: { nb: "Måloppnåelse (behandling)", en: "Goal attainment (treatment)" },
  definition: {
    numerator: {
      nb: "Behandlinger der målet ble nådd ved siste evaluering",
      en: "Treatments whose goal was reached at the last evaluation",
    },
    denominator: {
      nb: "Behandlinger med siste målevaluering i perioden",
      en: "Treatments with their last goal evaluation in the period",
    },
    unit: { nb: "andel", en: "share" },
    period: { nb: "Datoen for siste målevaluering", en: "The date of the last goal evaluation" },
  },
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Fysisk aktivitet som behandling",
    lines: "72",
    fact: {
      nb: "Behandler undersøker om målet er oppnådd eller om en skal forsøke andre tiltak",
      en: "The therapist examines whether the goal was reached or other measures should be tried",
    },
  },
  measures: [
    persons("evaluated", { nb: "Evaluert", en: "Evaluated" }, "evaluated", "records"),
    persons("reached", { nb: "Nådd", en: "Reached" }, "reached", "records"),
    persons("partly", { nb: "Delvis nådd", en: "Partly reached" }, "partly", "records"),
    persons("notReached", { nb: "Ikke nådd", en: "Not reached" }, "notReached", "records"),
    share("rate", { nb: "Andel nådd", en: "Share reached" }, "reached", "evaluated"),
  ],
  headline: "rate",
  counts: (tables, by) => {
    const { from, to } = tables.days
    const g = plain(tables.goalEvaluations)
    const n = g.numRows()
    const enrollment = valuesOf(g, "enrollment")
    const order = valuesOf(g, "order")
    const goal = valuesOf<string>(g, "goalReached")
    const rows = lastRows(enrollment, order)
    const reached = new Uint8Array(n)
    const partly = new Uint8Array(n)
    for (let i = 0; i < n; i++) {
      reached[i] = goal[i] === "yes" ? 1 : 0
      partly[i] = goal[i] === "partly" ? 1 : 0
    }
    return rollupBy(
      g.assign({ reached, partly }),
      by,
      { evaluated: op.count(), reached: op.sum("reached"), partly: op.sum("partly") },
      {
        rows,
        where: [{ column: "category", is: "equal", value: "treatment" }, daysWithin("day", from, to)],
      },
    )
  },
  derive: (filled) => withDifference(filled, "notReached", "evaluated", ["reached", "partly"]),
})
