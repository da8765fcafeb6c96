/**
 * Indicators whose computation the query description cannot state yet carry
 * hand-written SQL beside their arquero code (issue 13 allows it); tests run
 * both and compare them. The SQL is the package's own text: every name in it
 * goes through the dialect's `quote`, and only day numbers are written in.
 *
 * @module
 */
import { canonical, type Dimension, UNKNOWN } from "../Dimension.js"
import { guard } from "../internal/boundary.js"
import { bi } from "../internal/text.js"
import { checkBy } from "./check.js"
import { type Dialect, dialects } from "./dialect.js"
import type { Days } from "./Query.js"

/**
 * An indicator as hand-written SQL: its dimensions, output columns (after
 * the dimensions, as the indicator's measures) and the SQL for a grouping,
 * a period and a dialect.
 * @category models
 */
export interface HandWritten {
  readonly id: string
  readonly dimensions: ReadonlyArray<Dimension>
  readonly output: ReadonlyArray<string>
  readonly sql: (by: ReadonlyArray<Dimension>, days: Days, q: Dialect) => string
}

const day = (n: number): string => {
  if (!Number.isInteger(n)) throw new TypeError("a day number must be a whole number")
  return String(n)
}

/**
 * Days from referral to first session (see `Indicators.catalogue.referralToStart`):
 * referred enrollments that started in the period, their first session with
 * the citizen present, grouped by the enrollment's offering or by the month
 * of that session.
 * @category models
 */
export const referralToStart: HandWritten = {
  id: "referralToStart",
  dimensions: ["offering", "category", "department", "month", "year"],
  output: ["started", "median", "p90"],
  sql: (by, days, q) => {
    const n = q.quote
    const keys = by.map((d) => `COALESCE(CAST(${n(d)} AS ${q.type("text")}), '${UNKNOWN}')`)
    const daysAsDouble = `CAST(${n("days")} AS ${q.type("double")})`
    return [
      `WITH ${n("firsts")} AS (`,
      `  SELECT ${n("enrollment")}, MIN(${n("day")}) AS ${n("first")} FROM ${n("attendance")}`,
      `  WHERE ${n("present")} = 1 AND ${n("day")} BETWEEN ${day(days.from)} AND ${day(days.to)} GROUP BY ${n("enrollment")}`,
      `), ${n("started")} AS (`,
      `  SELECT e.${n("offering")}, e.${n("category")}, e.${n("department")}, ${q.monthOfDay(`f.${n("first")}`)} AS ${n("month")},`,
      `    ${q.yearOfDay(`f.${n("first")}`)} AS ${n("year")}, f.${n("first")} - e.${n("referralDay")} AS ${n("days")}`,
      `  FROM ${n("enrollments")} AS e JOIN ${n("firsts")} AS f ON e.${n("enrollment")} = f.${n("enrollment")}`,
      `  WHERE e.${n("referralDay")} IS NOT NULL AND e.${n("start")} >= ${day(days.from)}`,
      `)`,
      `SELECT ${[
        ...keys.map((k, i) => `${k} AS ${n(by[i]!)}`),
        `CAST(COUNT(*) AS BIGINT) AS ${n("started")}`,
        `CAST(${q.median(daysAsDouble)} AS ${q.type("double")}) AS ${n("median")}`,
        `CAST(${q.quantile(daysAsDouble, 0.9)} AS ${q.type("double")}) AS ${n("p90")}`
      ].join(", ")}`,
      `FROM ${n("started")}`,
      ...(keys.length > 0 ? [`GROUP BY ${keys.join(", ")}`] : [])
    ].join("\n")
  }
}

/**
 * The hand-written indicators by id.
 * @category models
 */
export const handWritten = { referralToStart } as const

/**
 * The SQL of a hand-written indicator for a grouping (in canonical order), a
 * period and one of the module's dialects.
 * @example
 * Query.handWrittenSql(Query.handWritten.referralToStart, ["month"], tables.days, Dialect.postgres)
 * @category constructors
 */
export const handWrittenSql = guard(
  "Query.handWrittenSql",
  bi("en håndskrevet indikator (som Query.handWritten.referralToStart), en gruppering, perioden som dagnummer og en dialekt", "a hand-written indicator (such as Query.handWritten.referralToStart), a grouping, the period as day numbers and a dialect"),
  (indicator: HandWritten, by: ReadonlyArray<Dimension>, days: Days, q: Dialect): string => {
    if (!Object.values(handWritten).includes(indicator as (typeof handWritten)[keyof typeof handWritten])) throw new TypeError("not one of the module's hand-written indicators")
    if (!Object.values(dialects).includes(q as (typeof dialects)[keyof typeof dialects])) throw new TypeError("unknown dialect")
    checkBy(indicator, by)
    return indicator.sql(canonical(by), days, q)
  }
)
