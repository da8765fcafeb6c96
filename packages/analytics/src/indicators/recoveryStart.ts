/**
 * Days until a Recoveryhjelpa citizen has started an activity in the community.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { slug } from "../internal/expr.js"
import { dayWithin, rollupBy } from "../internal/group.js"
import { daysQuantiles, persons, share } from "./measures.js"

/**
 * The offering whose help lasts until the citizen has started an activity
 * (Mestringsenhetens modell for aktivitet, line 139).
 * @example
 * Indicators.RECOVERY_OFFERING // "recoveryhjelpa"
 * @category models
 */
export const RECOVERY_OFFERING = "recoveryhjelpa"

/**
 * Recoveryhjelpa enrollments that started in the period, how many led to an
 * activity, and the median and 90th percentile of days until then. The
 * activity started on the first community transition of the citizen on or
 * after the enrollment's start, or, failing that, when the enrollment closed
 * as completed (the help ends when an activity has started).
 * Mestringsenhetens modell for aktivitet, line 139: the help lasts until the
 * citizen has started an activity.
 * @example
 * Indicator.compute(recoveryStart, tables, { by: ["month"] })
 * @category indicators
 */
export const recoveryStart: Indicator<"recoveryStart"> = rate({
  id: "recoveryStart",
  name: { nb: "Recoveryhjelpa: tid til aktivitet", en: "Recoveryhjelpa: days until an activity has started" },
  definition: {
    numerator: {
      nb: "Dager fra start i Recoveryhjelpa til innbyggeren er i gang med en aktivitet",
      en: "Days from the start in Recoveryhjelpa until the citizen has started an activity",
    },
    denominator: {
      nb: "Innbyggere som startet i Recoveryhjelpa i perioden",
      en: "Citizens who started in Recoveryhjelpa in the period",
    },
    unit: {
      nb: "dager (median og 90-persentil) og andel i gang",
      en: "days (median and 90th percentile) and share started",
    },
    period: { nb: "Startdatoen i Recoveryhjelpa", en: "The start date in Recoveryhjelpa" },
  },
  dimensions: ["municipality", "month", "year"],
  defaultBy: [],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Hjelp til å bli mer deltagende i samfunnet",
    lines: "139",
    fact: {
      nb: "Hjelpen varer til innbygger er komt i gang med en aktivitet",
      en: "The help lasts until the citizen has started an activity",
    },
  },
  measures: [
    persons("helped", { nb: "Fikk hjelp", en: "Helped" }, "recoveryHelped", "records"),
    persons("started", { nb: "I gang med aktivitet", en: "Started an activity" }, "activityStarted", "records"),
    share("rate", { nb: "Andel i gang", en: "Share started" }, "started", "helped"),
    ...daysQuantiles("started"),
  ],
  headline: "median",
  counts: (tables, by) => {
    const { from, to } = tables.days
    const helped = tables.enrollments.filter(
      `d => d.offering === ${slug(RECOVERY_OFFERING)} && ${dayWithin("start", from, to)}`,
    )
    const firstTransition = helped
      .select("enrollment", "citizen", "start")
      .join(tables.transitions.select("citizen", "day"), "citizen")
      .filter("d => d.day >= d.start")
      .groupby("enrollment")
      .rollup({ transitionDay: op.min("day") })
    const outcome = helped.lookup(firstTransition, "enrollment", "transitionDay").derive({
      startedDay: "d => d.transitionDay != null ? d.transitionDay : d.completed === 1 ? d.closed : null",
    })
    const timed = outcome.derive({
      days: "d => d.startedDay == null ? null : d.startedDay - d.start",
      isStarted: "d => d.startedDay == null ? 0 : 1",
    })
    return rollupBy(
      timed,
      by,
      { helped: op.count(), started: op.sum("isStarted"), median: op.median("days"), p90: op.quantile("days", 0.9) },
      { columns: { month: "startMonth", year: "startYear" } },
    )
  },
})
