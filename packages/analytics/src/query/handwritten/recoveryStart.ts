/**
 * Recoveryhjelpa: days until an activity has started, as hand-written SQL
 * beside `src/indicators/recoveryStart.ts`.
 *
 * @module
 */
import { RECOVERY_OFFERING } from "../../indicators/recoveryStart.js"
import { bigint, day, daysStatistic, fixedText, groupedSelect, groupKeys, rate } from "./text.js"
import type { HandWritten } from "./types.js"

/**
 * Days until a Recoveryhjelpa citizen has started an activity (see
 * `Indicators.catalogue.recoveryStart`): enrollments that started in the
 * period, the citizen's first community transition on or after the start,
 * else the closing day of a completed enrollment, grouped by the start's
 * month or year.
 * @category models
 */
export const recoveryStart: HandWritten = {
  id: "recoveryStart",
  dimensions: ["municipality", "month", "year"],
  output: ["helped", "started", "rate", "median", "p90"],
  sql: (by, days, q) => {
    const n = q.quote
    const keys = groupKeys(by, q, (d) => n(d === "month" ? "startMonth" : d === "year" ? "startYear" : d))
    return [
      `WITH ${n("helped")} AS (`,
      `  SELECT * FROM ${n("enrollments")}`,
      `  WHERE ${n("offering")} = ${fixedText(RECOVERY_OFFERING)} AND ${n("start")} BETWEEN ${day(days.from)} AND ${day(days.to)}`,
      `), ${n("firsts")} AS (`,
      `  SELECT h.${n("enrollment")}, MIN(t.${n("day")}) AS ${n("transitionDay")}`,
      `  FROM ${n("helped")} AS h JOIN ${n("transitions")} AS t ON t.${n("citizen")} = h.${n("citizen")}`,
      `  WHERE t.${n("day")} >= h.${n("start")} GROUP BY h.${n("enrollment")}`,
      `), ${n("timed")} AS (`,
      `  SELECT h.*, COALESCE(f.${n("transitionDay")}, CASE WHEN h.${n("completed")} = 1 THEN h.${n("closed")} END) - h.${n("start")} AS ${n("days")}`,
      `  FROM ${n("helped")} AS h LEFT JOIN ${n("firsts")} AS f ON f.${n("enrollment")} = h.${n("enrollment")}`,
      `)`,
      ...groupedSelect(
        by,
        keys,
        q,
        [
          `${bigint("COUNT(*)")} AS ${n("helped")}`,
          `${bigint(`COUNT(${n("days")})`)} AS ${n("started")}`,
          `${rate(q, `COUNT(${n("days")})`, "COUNT(*)")} AS ${n("rate")}`,
          `${daysStatistic(q, n("days"), "median")} AS ${n("median")}`,
          `${daysStatistic(q, n("days"), 0.9)} AS ${n("p90")}`,
        ],
        "timed",
      ),
    ].join("\n")
  },
}
