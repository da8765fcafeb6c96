/**
 * Waiting time in activity as treatment: days from the therapist's referral
 * to the citizen's first session.
 *
 * @module
 */
import { op } from "arquero"
import { count, type Indicator } from "../Indicator.js"
import type { DictionaryColumn } from "../internal/DictionaryColumn.js"
import { rollupBy } from "../internal/group.js"
import { monthAndYear, valuesOf } from "../internal/kernel/read.js"
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
    const e = tables.enrollments
    const n = e.numRows()
    // Each enrollment's first day with the citizen present, in one pass over attendance.
    const first = new Float64Array(n).fill(Number.NaN)
    const enrollment = tables.attendance.column("enrollment") as DictionaryColumn<number>
    const rowOf = enrollment.values
    const codes = enrollment.codes
    const present = valuesOf(tables.attendance, "present")
    const day = valuesOf(tables.attendance, "day")
    for (let i = 0; i < codes.length; i++) {
      if (present[i] !== 1) continue
      const row = rowOf[codes[i]!]!
      if (row >= 0 && !(day[i]! >= first[row]!)) first[row] = day[i]!
    }
    // Referred enrollments that started in the period and had a first session.
    const referred = valuesOf<number | null>(e, "referralDay")
    const start = valuesOf(e, "start")
    const rows = new Uint8Array(n)
    const days = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const r = referred[i]
      if (r === null || r === undefined || !(start[i]! >= from) || Number.isNaN(first[i])) continue
      rows[i] = 1
      days[i] = first[i]! - r
    }
    // Month and year are the first session's.
    const timed = by.some((d) => d === "month" || d === "year")
      ? e.assign({ days, ...monthAndYear(first) })
      : e.assign({ days })
    return rollupBy(
      timed,
      by,
      { started: op.count(), median: op.median("days"), p90: op.quantile("days", 0.9) },
      { rows },
    )
  },
})
