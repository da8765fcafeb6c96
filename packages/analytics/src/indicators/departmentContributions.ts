/**
 * Department contributions to the activity team against the 20 % requirement.
 *
 * @module
 */
import * as aq from "arquero"
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { monthEnd, monthStart, monthsBetween } from "../internal/dates.js"
import { col, num } from "../internal/expr.js"
import { rollupBy } from "../internal/group.js"

import type { Tables } from "../Tables.js"

// The periods a result row covers: the whole period, each year or each month,
// clipped to it. A month also names its year, for a grouping by both.
const periodUnits = (tables: Tables, grain: "month" | "year" | null) => {
  const { from, to } = tables.days
  if (grain === null) return aq.table({ unitFrom: [from], unitTo: [to] })
  const months = monthsBetween(from, to)
  const units =
    grain === "month"
      ? months.map((m) => ({ key: m, a: monthStart(m), b: monthEnd(m) }))
      : [...new Set(months.map((m) => m.slice(0, 4)))].map((y) => ({
          key: y,
          a: monthStart(`${y}-01`),
          b: monthEnd(`${y}-12`),
        }))
  return aq.table({
    [grain]: units.map((u) => u.key),
    ...(grain === "month" ? { year: units.map((u) => u.key.slice(0, 4)) } : {}),
    unitFrom: units.map((u) => Math.max(u.a, from)),
    unitTo: units.map((u) => Math.min(u.b, to)),
  })
}

/**
 * Each department's contribution to the activity team as percent of a
 * position, averaged over the days of the period (a 20 % loan for half the
 * year counts 10 %), split into lent positions and transferred budget posts,
 * against the required percentage. Every department of the dataset is
 * listed, also one that contributes nothing. Mestringsenhetens modell for aktivitet, line 33: each
 * department contributes 20 %, lending 20 % of a position or transferring 20 %
 * of a budget post.
 * @example
 * Indicator.compute(departmentContributions, tables, { by: ["department"] })
 * @category indicators
 */
export const departmentContributions: Indicator<"departmentContributions"> = {
  id: "departmentContributions",
  name: { nb: "Avdelingenes bidrag til aktivitetsteamet", en: "Department contributions to the activity team" },
  definition: {
    numerator: {
      nb: "Prosent av en stilling bidratt, vektet med dager i perioden",
      en: "Percent of a position contributed, weighted by days in the period",
    },
    denominator: null,
    unit: { nb: "prosent av en stilling", en: "percent of a position" },
    period: { nb: "Bidrag som gjelder i perioden", en: "Contributions in force in the period" },
  },
  dimensions: ["municipality", "department", "month", "year"],
  defaultBy: ["department"],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Organisering",
    lines: "33",
    fact: {
      nb: "Hver avdeling bidrar med 20 % ressurs inn i teamet: låne ut 20 % av en ansatts stilling, eller overføre 20 % hjemmel",
      en: "Each department contributes 20 % to the team: lends 20 % of an employee's position or transfers 20 % of a budget post",
    },
  },
  measures: [
    {
      column: "percent",
      label: { nb: "Bidrag (%)", en: "Contribution (%)" },
      kind: "statistic",
      unit: "percent",
      over: [],
    },
    {
      column: "lent",
      label: { nb: "Utlånt stilling (%)", en: "Lent position (%)" },
      kind: "statistic",
      unit: "percent",
      over: [],
    },
    {
      column: "transferred",
      label: { nb: "Overført hjemmel (%)", en: "Transferred budget post (%)" },
      kind: "statistic",
      unit: "percent",
      over: [],
    },
    { column: "required", label: { nb: "Krav (%)", en: "Required (%)" }, kind: "statistic", unit: "percent", over: [] },
    {
      column: "gap",
      label: { nb: "Avvik fra krav (prosentpoeng)", en: "Difference from requirement (points)" },
      kind: "statistic",
      unit: "percent",
      over: [],
    },
  ],
  headline: "percent",
  compute: (tables, by) => {
    const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : null
    const units = periodUnits(tables, grain)
    const unitKeys = grain === null ? [] : grain === "month" && by.includes("year") ? ["month", "year"] : [grain]
    // Days of each contribution inside each unit, as a share of the unit's days, in one expression.
    const last = "(d.to == null || d.to > d.unitTo ? d.unitTo : d.to)"
    const first = "(d.from < d.unitFrom ? d.unitFrom : d.from)"
    const weighted = tables.contributions
      .cross(units)
      .derive({ w: `d => ${last} >= ${first} ? d.share * (${last} - ${first} + 1) / (d.unitTo - d.unitFrom + 1) : 0` })
    // Department ids repeat across municipalities: a department is one of its municipality.
    const keys = ["municipality", "department", ...unitKeys]
    const sums = rollupBy(weighted, keys, {
      percent: op.sum("w"),
      lent: "d => op.sum(d.form === 'lent-position' ? d.w : 0)",
      transferred: "d => op.sum(d.form === 'transferred-budget-post' ? d.w : 0)",
    })
    // Every department in every unit, so a department that gives nothing shows 0.
    const departments = tables.departments.select(keys.filter((k) => k === "municipality" || k === "department"))
    const grid = grain === null ? departments : departments.cross(units.select(unitKeys))
    // Looked up by a JSON key, not joined: a join matches no missing key, and a
    // dataset that names no municipality has a missing one.
    const key = `d => op.to_json([${keys.map(col).join(", ")}])`
    const full = grid
      .derive({ unitKey: key })
      .lookup(sums.derive({ unitKey: key }), "unitKey", "percent", "lent", "transferred")
      .select(aq.not("unitKey"))
      .derive({
        percent: "d => d.percent == null ? 0 : d.percent",
        lent: "d => d.lent == null ? 0 : d.lent",
        transferred: "d => d.transferred == null ? 0 : d.transferred",
        required: `() => ${num(tables.requiredContributionPercent)}`,
      })
    // Grouped by department (and period) already; otherwise sum over departments.
    const grouped =
      by.length === keys.length && by.every((d) => keys.includes(d))
        ? full
        : rollupBy(full, by, {
            percent: op.sum("percent"),
            lent: op.sum("lent"),
            transferred: op.sum("transferred"),
            required: op.sum("required"),
          })
    return grouped.derive({ gap: "d => d.percent - d.required" })
  },
}
