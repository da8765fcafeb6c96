/**
 * Department contributions to the activity team against the 20 % requirement.
 *
 * @module
 */
import type { ColumnTable } from "arquero"
import type { Indicator } from "../Indicator.js"
import { monthEnd, monthStart, monthsBetween } from "../internal/dates.js"
import { record } from "../internal/expr.js"
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

// Tuples of values numbered in order of first appearance, through a Map per
// position rather than a key text per row. A missing value and null are one
// value, as they were in the JSON key the arquero version looked up by.
class Tuples {
  private readonly root = new Map<unknown, unknown>()
  size = 0
  /** The number of `values`, or -1 when no tuple equal to it was added. */
  get(values: ReadonlyArray<unknown>): number {
    let node: unknown = this.root
    for (let i = 0; i < values.length && node !== undefined; i++)
      node = (node as Map<unknown, unknown>).get(values[i] ?? null)
    return node === undefined ? -1 : (node as number)
  }
  /** The number of `values`, the next one when it is new. */
  add(values: ReadonlyArray<unknown>): number {
    let node = this.root
    const last = values.length - 1
    for (let i = 0; i < last; i++) {
      const v = values[i] ?? null
      let next = node.get(v) as Map<unknown, unknown> | undefined
      if (next === undefined) {
        next = new Map()
        node.set(v, next)
      }
      node = next
    }
    const at = node.get(values[last] ?? null) as number | undefined
    if (at !== undefined) return at
    node.set(values[last] ?? null, this.size)
    return this.size++
  }
}

// Adds `x` to `sums[at]` unless it is NaN, as a rollup's sum skips NaN. A
// sum starts at 0, so one with nothing added reads as 0, as the lookup's
// missing sum did.
const add = (sums: Array<number>, at: number, x: number): void => {
  if (!Number.isNaN(x)) sums[at]! += x
}

// The rows of `values` summed per group of the `by` columns of `grid`, groups
// in order of first appearance and each sum taken in row order. Every group
// has a row, and the rows hold sums and the required percentage, never NaN.
const sumBy = (
  by: ReadonlyArray<string>,
  grid: Record<string, ReadonlyArray<unknown>>,
  values: ReadonlyArray<ReadonlyArray<number>>,
): { readonly columns: Array<Array<unknown>>; readonly sums: Array<Array<number>> } => {
  const groups = new Tuples()
  const columns = by.map(() => [] as Array<unknown>)
  const sums = values.map(() => [] as Array<number>)
  const n = values[0]?.length ?? 0
  for (let r = 0; r < n; r++) {
    const known = groups.size
    const g = groups.add(by.map((k) => grid[k]![r]))
    if (g === known) {
      for (let i = 0; i < by.length; i++) columns[i]!.push(grid[by[i]!]![r])
      for (const s of sums) s.push(0)
    }
    for (let v = 0; v < values.length; v++) sums[v]![g]! += values[v]![r]!
  }
  return { columns, sums }
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
  // step. The few rows are computed here as arrays in the same order and
  // with the same arithmetic, each sum taken in the same order.
  compute: (tables, by) => {
    const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : null
    const units = periodUnits(tables, grain)
    const unitKeys = grain === null ? [] : grain === "month" && by.includes("year") ? ["month", "year"] : [grain]
    const U = units.from.length
    const c = tables.contributions
    const cMunicipality = valuesOf(c, "municipality")
    const cDepartment = valuesOf(c, "department")
    const cFrom = valuesOf(c, "from") as ArrayLike<number>
    const cTo = valuesOf(c, "to") as ArrayLike<number | null | undefined>
    const share = valuesOf(c, "share") as ArrayLike<number>
    const form = valuesOf(c, "form")
    // Department ids repeat across municipalities: a department is one of its
    // municipality. Sums per department and unit, in contribution order: the
    // share of the unit's days each contribution covers.
    const slot = new Tuples()
    const sums: [Array<number>, Array<number>, Array<number>] = [[], [], []]
    for (let k = 0; k < c.numRows(); k++) {
      const n = slot.size
      const at = slot.add([cMunicipality[k], cDepartment[k]]) * U
      if (slot.size > n) {
        for (const sum of sums) for (let u = 0; u < U; u++) sum.push(0)
      }
      for (let u = 0; u < U; u++) {
        const unitFrom = units.from[u]!
        const unitTo = units.to[u]!
        const to = cTo[k]
        const last = to == null || to > unitTo ? unitTo : to
        // biome-ignore lint/complexity/useMathMinMax: the comparison arquero's expression made, for any value.
        const first = cFrom[k]! < unitFrom ? unitFrom : cFrom[k]!
        const x = last >= first ? (share[k]! * (last - first + 1)) / (unitTo - unitFrom + 1) : 0
        add(sums[0], at + u, x)
        add(sums[1], at + u, form[k] === "lent-position" ? x : 0)
        add(sums[2], at + u, form[k] === "transferred-budget-post" ? x : 0)
      }
    }
    // Every department in every unit, so a department that gives nothing shows 0.
    const d = tables.departments
    const dMunicipality = valuesOf(d, "municipality")
    const dDepartment = valuesOf(d, "department")
    const grid: Record<string, Array<unknown>> = record(
      ["municipality", "department", ...unitKeys].map((k) => [k, [] as Array<unknown>] as const),
    )
    const rows: [Array<number>, Array<number>, Array<number>] = [[], [], []]
    for (let r = 0; r < d.numRows(); r++) {
      const g = slot.get([dMunicipality[r], dDepartment[r]])
      const at = g < 0 ? undefined : g * U
      for (let u = 0; u < U; u++) {
        grid.municipality!.push(dMunicipality[r])
        grid.department!.push(dDepartment[r])
        for (const key of unitKeys) grid[key]!.push(units.keys[key]![u])
        for (let s = 0; s < 3; s++) rows[s]!.push(at === undefined ? 0 : sums[s]![at + u]!)
      }
    }
    const required = rows[0].map(() => tables.requiredContributionPercent)
    // Grouped by department (and period) already; otherwise summed over what `by` leaves out.
    const keys = ["municipality", "department", ...unitKeys]
    const exact = by.length === keys.length && by.every((k) => keys.includes(k))
    const grouped = exact ? undefined : sumBy(by, grid, [...rows, required])
    const [percent, lent, transferred, requiredSum] = (grouped?.sums ?? [...rows, required]) as Array<Array<number>>
    return tableOf([
      ...(grouped === undefined
        ? keys.map((k) => [k, grid[k]!] as const)
        : by.map((k, i) => [k, grouped.columns[i]!] as const)),
      ["percent", percent!],
      ["lent", lent!],
      ["transferred", transferred!],
      ["required", requiredSum!],
      ["gap", percent!.map((p, i) => p - requiredSum![i]!)],
    ])
  },
}
