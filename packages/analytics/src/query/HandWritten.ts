/**
 * Indicators whose computation the query description cannot state yet carry
 * hand-written SQL beside their arquero code (issue 13 allows it); tests run
 * both and compare them. The SQL is the package's own text: every name in it
 * goes through the dialect's `quote`, and only day numbers and the model's
 * fixed texts (an offering slug, a contribution form) are written in.
 * Days from referral to first session is written here; the others have a
 * file each in `handwritten/`, built from the pieces in `handwritten/text.ts`.
 * Capacity use and department contributions also read the tables the others
 * do not: `offerings` (capacity), `departments`, `contributions` and
 * `parameters` (the required contribution percentage).
 *
 * @module
 */
import { canonical, type Dimension } from "../Dimension.js"
import { guard } from "../internal/boundary.js"
import { checkBy } from "./check.js"
import { type Dialect, requireDialect } from "./dialect.js"
import { capacityUse } from "./handwritten/capacityUse.js"
import { communityTransition } from "./handwritten/communityTransition.js"
import { departmentContributions } from "./handwritten/departmentContributions.js"
import { newReturning } from "./handwritten/newReturning.js"
import { recoveryStart } from "./handwritten/recoveryStart.js"
import { bigint, day, daysStatistic, groupedSelect, groupKeys } from "./handwritten/text.js"
import type { HandWritten } from "./handwritten/types.js"
import type { Days } from "./Query.js"

export type { HandWritten } from "./handwritten/types.js"

/**
 * Days from referral to first session (see `Indicators.catalogue.referralToStart`):
 * referred enrollments that started in the period, their first session with
 * the citizen present, grouped by the enrollment's offering or by the month
 * of that session.
 * @category models
 */
export const referralToStart: HandWritten = {
  id: "referralToStart",
  dimensions: ["municipality", "offering", "category", "department", "month", "year"],
  output: ["started", "median", "p90"],
  sql: (by, days, q) => {
    const n = q.quote
    const keys = groupKeys(by, q)
    return [
      `WITH ${n("firsts")} AS (`,
      `  SELECT ${n("enrollment")}, MIN(${n("day")}) AS ${n("first")} FROM ${n("attendance")}`,
      `  WHERE ${n("present")} = 1 AND ${n("day")} BETWEEN ${day(days.from)} AND ${day(days.to)} GROUP BY ${n("enrollment")}`,
      `), ${n("started")} AS (`,
      `  SELECT e.${n("municipality")}, e.${n("offering")}, e.${n("category")}, e.${n("department")}, ${q.monthOfDay(`f.${n("first")}`)} AS ${n("month")},`,
      `    ${q.yearOfDay(`f.${n("first")}`)} AS ${n("year")}, f.${n("first")} - e.${n("referralDay")} AS ${n("days")}`,
      `  FROM ${n("enrollments")} AS e JOIN ${n("firsts")} AS f ON e.${n("enrollment")} = f.${n("enrollment")}`,
      `  WHERE e.${n("referralDay")} IS NOT NULL AND e.${n("start")} >= ${day(days.from)}`,
      `)`,
      ...groupedSelect(
        by,
        keys,
        q,
        [
          `${bigint("COUNT(*)")} AS ${n("started")}`,
          `${daysStatistic(q, n("days"), "median")} AS ${n("median")}`,
          `${daysStatistic(q, n("days"), 0.9)} AS ${n("p90")}`,
        ],
        "started",
      ),
    ].join("\n")
  },
}

// A hand-written indicator whose sql, called on its own, checks what
// handWrittenSql checks: one of the module's dialects and a grouping it has.
function checked(indicator: HandWritten): HandWritten {
  return Object.freeze({
    ...indicator,
    sql: guard(
      `Query.handWritten.${indicator.id}.sql`,
      {
        nb: "en gruppering, perioden som dagnummer og en dialekt",
        en: "a grouping, the period as day numbers and a dialect",
      },
      (by: ReadonlyArray<Dimension>, days: Days, q: Dialect): string => {
        requireDialect(q)
        checkBy(indicator, by)
        return indicator.sql(canonical(by), days, q)
      },
    ),
  })
}

/**
 * The hand-written indicators by id.
 * @category models
 */
export const handWritten = {
  referralToStart: checked(referralToStart),
  recoveryStart: checked(recoveryStart),
  communityTransition: checked(communityTransition),
  newReturning: checked(newReturning),
  capacityUse: checked(capacityUse),
  departmentContributions: checked(departmentContributions),
} as const
Object.freeze(handWritten)

/**
 * The SQL of a hand-written indicator for a grouping (in canonical order), a
 * period and one of the module's dialects.
 * @example
 * Query.handWrittenSql(Query.handWritten.referralToStart, ["month"], tables.days, Dialect.postgres)
 * @category constructors
 */
export const handWrittenSql = guard(
  "Query.handWrittenSql",
  {
    nb: "en håndskrevet indikator (som Query.handWritten.referralToStart), en gruppering, perioden som dagnummer og en dialekt",
    en: "a hand-written indicator (such as Query.handWritten.referralToStart), a grouping, the period as day numbers and a dialect",
  },
  (indicator: HandWritten, by: ReadonlyArray<Dimension>, days: Days, q: Dialect): string => {
    if (!Object.values(handWritten).includes(indicator as (typeof handWritten)[keyof typeof handWritten]))
      throw new TypeError("not one of the module's hand-written indicators")
    // Each entry's sql checks the dialect and the grouping itself (see checked).
    return indicator.sql(by, days, q)
  },
)
