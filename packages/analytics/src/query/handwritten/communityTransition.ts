/**
 * Transition to ordinary community activity, as hand-written SQL beside
 * `src/indicators/communityTransition.ts`.
 *
 * @module
 */
import type { Dimension } from "../../Dimension.js"
import type { Dialect } from "../dialect.js"
import type { Days } from "../Query.js"
import { spans } from "./spans.js"
import { bigint, day, groupedSelect, groupKeys, rate } from "./text.js"
import type { HandWritten } from "./types.js"

// The enrollments active in the period, one row per month or year they
// overlap when grouping by time (clipped to the period), with the
// offering's columns and the citizen.
const active = (by: ReadonlyArray<Dimension>, days: Days, q: Dialect): string => {
  const n = q.quote
  const from = day(days.from)
  const to = day(days.to)
  const overlaps = `e.${n("start")} <= ${to} AND (e.${n("stop")} IS NULL OR e.${n("stop")} >= ${from})`
  const own = `e.${n("municipality")}, e.${n("offering")}, e.${n("category")}, e.${n("department")}, e.${n("citizen")}`
  const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : undefined
  if (grain === undefined) return `SELECT ${own} FROM ${n("enrollments")} AS e WHERE ${overlaps}`
  const values = spans(days, grain).map(([a, b]) => `(${day(a)}, ${day(b)})`)
  const clipStart = `GREATEST(e.${n("start")}, ${from})`
  const clipStop = `LEAST(COALESCE(e.${n("stop")}, ${to}), ${to})`
  const first = `p.${n("first")}`
  return [
    `SELECT ${own}, ${q.monthOfDay(first)} AS ${n("month")}, ${q.yearOfDay(first)} AS ${n("year")}`,
    `  FROM ${n("enrollments")} AS e JOIN (VALUES ${values.join(", ")}) AS p(${n("first")}, ${n("last")})`,
    `  ON ${clipStart} <= p.${n("last")} AND ${clipStop} >= ${first} AND ${clipStart} <= ${clipStop}`,
    `  WHERE ${overlaps}`,
  ].join("\n")
}

/**
 * Transition to ordinary community activity (see
 * `Indicators.catalogue.communityTransition`): citizens with an enrollment
 * active in the period (per month or year it overlaps), and those of them
 * with a transition in the period from the same group.
 * @category models
 */
export const communityTransition: HandWritten = {
  id: "communityTransition",
  dimensions: ["municipality", "offering", "category", "department", "month", "year"],
  output: ["participants", "transitioned", "rate"],
  sql: (by, days, q) => {
    const n = q.quote
    // A missing value matches a missing value, as the indicator's key does.
    const same = [
      ...by.map((d) => `m.${n(d)} IS NOT DISTINCT FROM a.${n(d)}`),
      `m.${n("citizen")} = a.${n("citizen")}`,
    ].join(" AND ")
    const keys = groupKeys(by, q)
    const participants = bigint(`COUNT(DISTINCT ${n("citizen")})`)
    const transitioned = bigint(`COUNT(DISTINCT ${n("movedCitizen")})`)
    return [
      `WITH ${n("moved")} AS (`,
      `  SELECT * FROM ${n("transitions")} WHERE ${n("day")} BETWEEN ${day(days.from)} AND ${day(days.to)}`,
      `), ${n("active")} AS (`,
      `  ${active(by, days, q)}`,
      `), ${n("flagged")} AS (`,
      `  SELECT a.*, CASE WHEN EXISTS (SELECT 1 FROM ${n("moved")} AS m WHERE ${same}) THEN a.${n("citizen")} END AS ${n("movedCitizen")}`,
      `  FROM ${n("active")} AS a`,
      `)`,
      ...groupedSelect(
        by,
        keys,
        q,
        [
          `${participants} AS ${n("participants")}`,
          `${transitioned} AS ${n("transitioned")}`,
          `${rate(q, transitioned, participants)} AS ${n("rate")}`,
        ],
        "flagged",
      ),
    ].join("\n")
  },
}
