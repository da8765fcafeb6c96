/**
 * Department contributions to the activity team against the 20 % requirement.
 *
 * @module
 */
import type { Indicator } from "../Indicator.js"
import { monthEnd, monthStart, monthsBetween } from "../internal/dates.js"
import { pick, plain, valuesOf } from "../internal/kernel/read.js"
import { inOrder, orderOf } from "../internal/kernel/sort.js"
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

// Tuples of values numbered in order of first appearance, through a Map per
// position rather than a key text per row. A missing value and null are one
// value, as they were in the JSON key the arquero version looked up by. The
// caller may reuse one array for every tuple: none is kept.
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
const add = (sums: Float64Array, at: number, x: number): void => {
  if (!Number.isNaN(x)) sums[at]! += x
}

// A list of `n` zeros, no larger than it needs to be.
const zeros = (n: number): Array<number> => new Array<number>(n).fill(0)

/** Sums per department (of a municipality) and period unit, in contribution order. */
interface Slots {
  readonly slot: Tuples
  /** Percent, lent and transferred: each `U` sums per slot. */
  readonly sums: readonly [Float64Array, Float64Array, Float64Array]
}

// The share of each unit's days each contribution covers, summed per
// department of a municipality (department ids repeat across
// municipalities) and unit.
const contributed = (tables: Tables, units: Units): Slots => {
  const U = units.from.length
  const c = plain(tables.contributions)
  const cMunicipality = valuesOf<unknown>(c, "municipality")
  const cDepartment = valuesOf<unknown>(c, "department")
  const cFrom = valuesOf<number>(c, "from")
  const cTo = valuesOf<number | null | undefined>(c, "to")
  const share = valuesOf<number>(c, "share")
  const form = valuesOf<unknown>(c, "form")
  const slot = new Tuples()
  // At most one slot per contribution; a sum starts at 0.
  const size = cFrom.length * U
  const sums = [new Float64Array(size), new Float64Array(size), new Float64Array(size)] as const
  const pair: [unknown, unknown] = [null, null]
  for (let k = 0; k < cFrom.length; k++) {
    pair[0] = cMunicipality[k]
    pair[1] = cDepartment[k]
    const at = slot.add(pair) * U
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
  return { slot, sums }
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
    const U = units.from.length
    const { slot, sums } = contributed(tables, units)
    const required = tables.requiredContributionPercent
    // Every department in every unit, so a department that gives nothing
    // shows 0; rows summed per group of `by` in order of first appearance,
    // each sum taken in row order.
    const d = plain(tables.departments)
    const dMunicipality = valuesOf<unknown>(d, "municipality")
    const dDepartment = valuesOf<unknown>(d, "department")
    const valueAt = by.map((k): ((r: number, u: number) => unknown) =>
      k === "municipality"
        ? (r) => dMunicipality[r]
        : k === "department"
          ? (r) => dDepartment[r]
          : (_, u) => units.keys[k]![u],
    )
    // Grouped by department and period already, each row is a group of its own.
    const unitKeys = grain === null ? [] : grain === "month" && by.includes("year") ? ["month", "year"] : [grain]
    const keys = ["municipality", "department", ...unitKeys]
    const exact = by.length === keys.length && by.every((k) => keys.includes(k))
    // First the groups, numbered in order of first appearance, and each row's group.
    const R = dDepartment.length * U
    const groupOf = new Int32Array(R)
    const groups = new Tuples()
    const tuple = new Array<unknown>(by.length)
    const groupKeys = by.map(() => [] as Array<unknown>)
    let G = 0
    for (let r = 0, row = 0; r < dDepartment.length; r++)
      for (let u = 0; u < U; u++, row++) {
        for (let i = 0; i < by.length; i++) tuple[i] = valueAt[i]!(r, u)
        const g = exact ? G : groups.add(tuple)
        if (g === G) {
          for (let i = 0; i < by.length; i++) groupKeys[i]!.push(tuple[i])
          G++
        }
        groupOf[row] = g
      }
    // Then the sums, each written straight to its group's place in the order
    // Indicator.compute sorts by, so that it takes this table as it stands,
    // and each taken in row order.
    const order = inOrder(G, groupKeys) ? undefined : orderOf(G, groupKeys)
    // Each group's place in that order, when it is not its number.
    const place = order === undefined ? undefined : new Int32Array(G)
    if (place !== undefined) for (let i = 0; i < G; i++) place[order![i]!] = i
    const columns = order === undefined ? groupKeys : groupKeys.map((values) => pick(values, order))
    const percent = zeros(G)
    const lent = zeros(G)
    const transferred = zeros(G)
    const requiredSum = zeros(G)
    const pair: [unknown, unknown] = [null, null]
    for (let r = 0, row = 0; r < dDepartment.length; r++) {
      pair[0] = dMunicipality[r]
      pair[1] = dDepartment[r]
      const s = slot.get(pair)
      for (let u = 0; u < U; u++, row++) {
        const at = place === undefined ? groupOf[row]! : place[groupOf[row]!]!
        if (exact) {
          // A row of its own: the sum as it stands, as the arquero version gave it.
          percent[at] = s < 0 ? 0 : sums[0][s * U + u]!
          lent[at] = s < 0 ? 0 : sums[1][s * U + u]!
          transferred[at] = s < 0 ? 0 : sums[2][s * U + u]!
          requiredSum[at] = required
          continue
        }
        percent[at]! += s < 0 ? 0 : sums[0][s * U + u]!
        lent[at]! += s < 0 ? 0 : sums[1][s * U + u]!
        transferred[at]! += s < 0 ? 0 : sums[2][s * U + u]!
        requiredSum[at]! += required
      }
    }
    const gap = zeros(G)
    for (let i = 0; i < G; i++) gap[i] = percent[i]! - requiredSum[i]!
    return tableOf([
      ...by.map((k, i) => [k, columns[i]!] as const),
      ["percent", percent],
      ["lent", lent],
      ["transferred", transferred],
      ["required", requiredSum],
      ["gap", gap],
    ])
  },
}
