/**
 * Department contributions to the activity team against the 20 % requirement.
 *
 * @module
 */
import type { ColumnTable } from "arquero"
import type { Indicator } from "../Indicator.js"
import { monthEnd, monthStart, monthsBetween } from "../internal/dates.js"
import { record } from "../internal/expr.js"
import { codedOf } from "../internal/kernel/codes.js"
import { groupRows } from "../internal/kernel/groups.js"
import { numeric } from "../internal/kernel/reduce.js"
import { tableOf } from "../internal/kernel/table.js"
import type { Tables } from "../Tables.js"

/** The periods a result row covers, with the columns naming each. */
interface Units {
  readonly keys: Record<string, Array<string>>
  readonly from: Array<number>
  readonly to: Array<number>
}

// The periods a result row covers: the whole period, each year or each month,
// clipped to it. A month also names its year, for a grouping by both.
const periodUnits = (tables: Tables, grain: "month" | "year" | null): Units => {
  const { from, to } = tables.days
  if (grain === null) return { keys: {}, from: [from], to: [to] }
  const months = monthsBetween(from, to)
  const units =
    grain === "month"
      ? months.map((m) => ({ key: m, a: monthStart(m), b: monthEnd(m) }))
      : [...new Set(months.map((m) => m.slice(0, 4)))].map((y) => ({
          key: y,
          a: monthStart(`${y}-01`),
          b: monthEnd(`${y}-12`),
        }))
  return {
    keys: {
      [grain]: units.map((u) => u.key),
      ...(grain === "month" ? { year: units.map((u) => u.key.slice(0, 4)) } : {}),
    },
    from: units.map((u) => Math.max(u.a, from)),
    to: units.map((u) => Math.min(u.b, to)),
  }
}

// A column's values by row, as the table gives them.
const valuesOf = (table: ColumnTable, name: string): ArrayLike<unknown> => table.array(name) as ArrayLike<unknown>

// The sums of `values` per group of the `by` columns, groups in order of
// first appearance and each summed in row order, as a rollup sums them.
const sumBy = (
  n: number,
  by: ReadonlyArray<ArrayLike<unknown>>,
  values: ReadonlyArray<ArrayLike<unknown>>,
): { readonly firstRow: ReadonlyArray<number>; readonly sums: ReadonlyArray<ReadonlyArray<number | undefined>> } => {
  const coded = by.map((c) => codedOf(Array.from(c))!)
  const g = groupRows(n, coded, undefined, false)
  return { firstRow: Array.from(g.firstRow!), sums: values.map((v) => numeric(g, "sum", v)) }
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
  // The arquero version crossed contributions with periods, rolled up, looked
  // up by a JSON key and rolled up again, parsing an expression at each
  // step; the few rows are computed here as arrays in the same order, with
  // the same arithmetic, summed in the same order.
  compute: (tables, by) => {
    const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : null
    const units = periodUnits(tables, grain)
    const unitKeys = grain === null ? [] : grain === "month" && by.includes("year") ? ["month", "year"] : [grain]
    // Department ids repeat across municipalities: a department is one of its municipality.
    const keys = ["municipality", "department", ...unitKeys]
    const c = tables.contributions
    const cMunicipality = valuesOf(c, "municipality")
    const cDepartment = valuesOf(c, "department")
    const cFrom = valuesOf(c, "from") as ArrayLike<number>
    const cTo = valuesOf(c, "to") as ArrayLike<number | null | undefined>
    const share = valuesOf(c, "share") as ArrayLike<number>
    const form = valuesOf(c, "form")
    // Days of each contribution inside each unit, as a share of the unit's days, contribution by contribution.
    const U = units.from.length
    const w = new Float64Array(c.numRows() * U)
    const lentW = new Float64Array(w.length)
    const transferredW = new Float64Array(w.length)
    const weighted: Record<string, Array<unknown>> = record(keys.map((k) => [k, [] as Array<unknown>] as const))
    for (let k = 0; k < c.numRows(); k++) {
      for (let u = 0; u < U; u++) {
        const unitFrom = units.from[u]!
        const unitTo = units.to[u]!
        const to = cTo[k]
        const last = to == null || to > unitTo ? unitTo : to
        // biome-ignore lint/complexity/useMathMinMax: the comparison arquero's expression made, for any value.
        const first = cFrom[k]! < unitFrom ? unitFrom : cFrom[k]!
        const x = last >= first ? (share[k]! * (last - first + 1)) / (unitTo - unitFrom + 1) : 0
        const row = k * U + u
        w[row] = x
        lentW[row] = form[k] === "lent-position" ? x : 0
        transferredW[row] = form[k] === "transferred-budget-post" ? x : 0
        weighted.municipality!.push(cMunicipality[k])
        weighted.department!.push(cDepartment[k])
        for (const key of unitKeys) weighted[key]!.push(units.keys[key]![u])
      }
    }
    // Summed per key, then looked up by a JSON key, not joined: a join matches
    // no missing key, and a dataset that names no municipality has a missing
    // one. As in a lookup, the last group of a key wins.
    const jsonKey = (columns: Record<string, ArrayLike<unknown>>, row: number) =>
      JSON.stringify(keys.map((k) => columns[k]![row]))
    const summed = sumBy(
      w.length,
      keys.map((k) => weighted[k]!),
      [w, lentW, transferredW],
    )
    const sumOf = new Map<string, number>()
    summed.firstRow.forEach((row, g) => {
      sumOf.set(jsonKey(weighted, row), g)
    })
    // Every department in every unit, so a department that gives nothing shows 0.
    const d = tables.departments
    const dMunicipality = valuesOf(d, "municipality")
    const dDepartment = valuesOf(d, "department")
    const grid: Record<string, Array<unknown>> = record(keys.map((k) => [k, [] as Array<unknown>] as const))
    const sums = [[], [], []] as [Array<number>, Array<number>, Array<number>]
    for (let r = 0; r < d.numRows(); r++) {
      for (let u = 0; u < U; u++) {
        grid.municipality!.push(dMunicipality[r])
        grid.department!.push(dDepartment[r])
        for (const key of unitKeys) grid[key]!.push(units.keys[key]![u])
        const g = sumOf.get(jsonKey(grid, grid.department!.length - 1))
        for (let s = 0; s < 3; s++) sums[s]!.push(g === undefined ? 0 : (summed.sums[s]![g] ?? 0))
      }
    }
    const required = sums[0].map(() => tables.requiredContributionPercent)
    // Grouped by department (and period) already; otherwise sum over departments.
    const exact = by.length === keys.length && by.every((k) => keys.includes(k))
    const rows = required.length
    const grouped = exact
      ? undefined
      : sumBy(
          rows,
          by.map((k) => grid[k]!),
          [...sums, required].map((a) => Float64Array.from(a)),
        )
    const column = (values: ArrayLike<unknown>) =>
      grouped === undefined ? Array.from(values) : grouped.firstRow.map((row) => values[row])
    const [percent, lent, transferred, requiredSum] =
      grouped === undefined ? [...sums, required] : (grouped.sums as Array<Array<number>>)
    return tableOf([
      ...(exact ? keys : by).map((k) => [k, column(grid[k]!)] as const),
      ["percent", percent!],
      ["lent", lent!],
      ["transferred", transferred!],
      ["required", requiredSum!],
      ["gap", percent!.map((p, i) => p - requiredSum![i]!)],
    ])
  },
}
