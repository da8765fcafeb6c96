/**
 * Department contributions to the activity team, as hand-written SQL beside
 * `src/indicators/departmentContributions.ts`.
 *
 * @module
 */
import type { Dialect } from "../dialect.js"
import type { Days } from "../Query.js"
import { spans } from "./spans.js"
import { day, fixedText, groupedSelect, groupKeys } from "./text.js"
import type { HandWritten } from "./types.js"

// The two forms of a contribution (core's ResourceContribution).
const LENT = "lent-position"
const TRANSFERRED = "transferred-budget-post"

// The periods a result row covers, as day numbers clipped to the period: the
// whole period, or each month or year it touches, named as its dimension; a
// month also names its year when the grouping has both.
const units = (grain: "month" | "year" | undefined, withYear: boolean, days: Days, q: Dialect): string => {
  const n = q.quote
  const bounds =
    grain === undefined
      ? [[days.from, days.to] as const]
      : spans(days, grain).map(([a, b]) => [Math.max(a, days.from), Math.min(b, days.to)] as const)
  const first = `u.${n("unitFrom")}`
  const name = grain === undefined ? [] : [`${(grain === "month" ? q.monthOfDay : q.yearOfDay)(first)} AS ${n(grain)}`]
  if (grain === "month" && withYear) name.push(`${q.yearOfDay(first)} AS ${n("year")}`)
  return [
    `  SELECT ${[first, `u.${n("unitTo")}`, ...name].join(", ")}`,
    `  FROM (VALUES ${bounds.map(([a, b]) => `(${day(a)}, ${day(b)})`).join(", ")}) AS u(${n("unitFrom")}, ${n("unitTo")})`,
  ].join("\n")
}

/**
 * Department contributions (see `Indicators.catalogue.departmentContributions`):
 * each contribution's share weighted by its days inside each unit (the
 * period, or each month or year of it) over the unit's days; every
 * department of `departments` in every unit, 0 when it gives nothing; the
 * required percentage from `parameters`; summed over departments when the
 * grouping leaves them out.
 * @category models
 */
export const departmentContributions: HandWritten = {
  id: "departmentContributions",
  dimensions: ["municipality", "department", "month", "year"],
  output: ["percent", "lent", "transferred", "required", "gap"],
  sql: (by, days, q) => {
    const n = q.quote
    const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : undefined
    const last = `CASE WHEN c.${n("to")} IS NULL OR c.${n("to")} > u.${n("unitTo")} THEN u.${n("unitTo")} ELSE c.${n("to")} END`
    const first = `CASE WHEN c.${n("from")} < u.${n("unitFrom")} THEN u.${n("unitFrom")} ELSE c.${n("from")} END`
    // The share times the days inside the unit over the unit's days, in the order arquero computes it.
    const inside = `(${n("last")} - ${n("first")} + 1)`
    const weight = `CASE WHEN ${n("last")} >= ${n("first")} THEN CAST(${n("share")} AS ${q.type("double")}) * ${inside} / (${n("unitTo")} - ${n("unitFrom")} + 1) ELSE 0 END`
    const ofForm = (form: string) => `SUM(CASE WHEN ${n("form")} = ${fixedText(form)} THEN ${n("w")} ELSE 0 END)`
    const zero = (c: string) => `COALESCE(s.${n(c)}, 0) AS ${n(c)}`
    const sum = (c: string) => `SUM(${n(c)})`
    return [
      `WITH ${n("units")} AS (`,
      units(grain, by.includes("year"), days, q),
      `), ${n("clipped")} AS (`,
      `  SELECT c.*, u.*, ${last} AS ${n("last")}, ${first} AS ${n("first")}`,
      `  FROM ${n("contributions")} AS c CROSS JOIN ${n("units")} AS u`,
      `), ${n("weighted")} AS (`,
      `  SELECT ${n("municipality")}, ${n("department")}, ${n("form")}, ${n("unitFrom")}, ${weight} AS ${n("w")} FROM ${n("clipped")}`,
      `), ${n("sums")} AS (`,
      `  SELECT ${n("municipality")}, ${n("department")}, ${n("unitFrom")}, SUM(${n("w")}) AS ${n("percent")},`,
      `    ${ofForm(LENT)} AS ${n("lent")}, ${ofForm(TRANSFERRED)} AS ${n("transferred")}`,
      `  FROM ${n("weighted")} GROUP BY ${n("municipality")}, ${n("department")}, ${n("unitFrom")}`,
      `), ${n("grid")} AS (`,
      // A department is one of its municipality: department ids repeat across municipalities.
      `  SELECT d.${n("municipality")}, d.${n("department")}, u.*, ${["percent", "lent", "transferred"].map(zero).join(", ")},`,
      `    CAST(p.${n("requiredContributionPercent")} AS ${q.type("double")}) AS ${n("required")}`,
      `  FROM ${n("departments")} AS d CROSS JOIN ${n("units")} AS u CROSS JOIN ${n("parameters")} AS p`,
      `  LEFT JOIN ${n("sums")} AS s ON s.${n("department")} = d.${n("department")} AND s.${n("unitFrom")} = u.${n("unitFrom")}`,
      `    AND s.${n("municipality")} IS NOT DISTINCT FROM d.${n("municipality")}`,
      `)`,
      // A group of one grid row sums to that row; otherwise departments (and units) add up.
      ...groupedSelect(
        by,
        groupKeys(by, q),
        q,
        [
          ...["percent", "lent", "transferred", "required"].map((c) => `${sum(c)} AS ${n(c)}`),
          `${sum("percent")} - ${sum("required")} AS ${n("gap")}`,
        ],
        "grid",
      ),
    ].join("\n")
  },
}
