/**
 * Waiting time in activity as treatment: days from the therapist's referral
 * to the citizen's first session.
 *
 * @module
 */
import { Calendar } from "@aktivitetsmodell/core"
import * as aq from "arquero"
import { op } from "arquero"
import { count, type Indicator } from "../Indicator.js"
import { num } from "../internal/expr.js"
import { rollupBy } from "../internal/group.js"
import { daysQuantiles, persons } from "./measures.js"

/**
 * For referred enrollments whose first session with the citizen present
 * falls in the period: the median and 90th percentile of days from referral
 * to that session (percentiles interpolate linearly between ranks, as
 * arquero's `quantile`). Enrollments that started before the period are left
 * out, as their first session may lie before it. Mestringsenhetens modell for aktivitet, line 72: referral,
 * joint meeting, then the activity.
 * @example
 * Indicator.compute(referralToStart, tables, { by: ["offering"] })
 * @category indicators
 */
export const referralToStart: Indicator<"referralToStart"> = count({
  id: "referralToStart",
  name: { nb: "Tid fra henvendelse til første samling", en: "Days from referral to first session" },
  definition: {
    numerator: {
      nb: "Dager fra henvendelsen til første samling innbyggeren møtte på",
      en: "Days from the referral to the first session the citizen attended",
    },
    denominator: null,
    unit: { nb: "dager (median og 90-persentil)", en: "days (median and 90th percentile)" },
    period: { nb: "Datoen for første samling", en: "The date of the first session" },
  },
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Fysisk aktivitet som behandling",
    lines: "72",
    fact: {
      nb: "Behandler sender en henvendelse til fagleder aktivitet, og en ansatt fra aktivitetsteamet deltar i et felles møte",
      en: "The therapist sends a referral to the activity lead, and an activity-team member joins a joint meeting",
    },
  },
  measures: [
    persons("started", { nb: "Startet", en: "Started" }, "referredStarted", "records"),
    ...daysQuantiles("started"),
  ],
  headline: "median",
  counts: (tables, by) => {
    const { from } = tables.days
    // The attendance table is grouped by its pre-keyed enrollment column without hashing.
    const firsts = tables.attendance
      .groupby("enrollment")
      .filter("d => d.present === 1")
      .rollup({ first: op.min("day") })
    const started = tables.enrollments
      .filter(`d => d.referralDay != null && d.start >= ${num(from)}`)
      .lookup(firsts, "enrollment", "first")
      .filter("d => d.first != null")
      .derive({ days: "d => d.first - d.referralDay" })
    const timed = by.some((d) => d === "month" || d === "year")
      ? started.derive({
          month: aq.escape((d: { first: number }) => Calendar.fromDayNumber(d.first).slice(0, 7)),
          year: aq.escape((d: { first: number }) => Calendar.fromDayNumber(d.first).slice(0, 4)),
        })
      : started
    return rollupBy(timed, by, { started: op.count(), median: op.median("days"), p90: op.quantile("days", 0.9) })
  },
})
