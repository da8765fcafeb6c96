/**
 * New and returning citizens, as hand-written SQL beside
 * `src/indicators/newReturning.ts`.
 *
 * @module
 */

import { bigint, day, groupedSelect, groupKeys, rate } from "./text.js"
import type { HandWritten } from "./types.js"

/**
 * New and returning citizens (see `Indicators.catalogue.newReturning`):
 * citizens who started an enrollment in the period, new when their first
 * start in any offering falls in the same month, year or period, grouped by
 * the start's month or year.
 * @category models
 */
export const newReturning: HandWritten = {
  id: "newReturning",
  dimensions: ["municipality", "offering", "category", "department", "month", "year"],
  output: ["started", "new", "returning", "newShare"],
  sql: (by, days, q) => {
    const n = q.quote
    const keys = groupKeys(by, q, (d) => n(d === "month" ? "startMonth" : d === "year" ? "startYear" : d))
    const first = `f.${n("first")}`
    const isNew = by.includes("month")
      ? `${q.monthOfDay(first)} = e.${n("startMonth")}`
      : by.includes("year")
        ? `${q.yearOfDay(first)} = e.${n("startYear")}`
        : `${first} >= ${day(days.from)}`
    const started = bigint(`COUNT(DISTINCT ${n("citizen")})`)
    const isNewCount = bigint(`COUNT(DISTINCT ${n("newCitizen")})`)
    return [
      `WITH ${n("firsts")} AS (`,
      `  SELECT ${n("citizen")}, MIN(${n("start")}) AS ${n("first")} FROM ${n("enrollments")} GROUP BY ${n("citizen")}`,
      `), ${n("started")} AS (`,
      `  SELECT e.*, CASE WHEN ${isNew} THEN e.${n("citizen")} END AS ${n("newCitizen")}`,
      `  FROM ${n("enrollments")} AS e JOIN ${n("firsts")} AS f ON f.${n("citizen")} = e.${n("citizen")}`,
      `  WHERE e.${n("start")} BETWEEN ${day(days.from)} AND ${day(days.to)}`,
      `)`,
      ...groupedSelect(
        by,
        keys,
        q,
        [
          `${started} AS ${n("started")}`,
          `${isNewCount} AS ${n("new")}`,
          `${started} - ${isNewCount} AS ${n("returning")}`,
          `${rate(q, isNewCount, started)} AS ${n("newShare")}`,
        ],
        "started",
      ),
    ].join("\n")
  },
}
