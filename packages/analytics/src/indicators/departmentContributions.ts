/**
 * Department contributions to the activity team against the 20 % requirement.
 *
 * @module
 */
import type { Indicator } from "../Indicator.js"
import { monthEnd, monthStart, monthsBetween } from "../internal/dates.js"
import { plain, valuesOf } from "../internal/kernel/read.js"
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

// Tuples of values numbered in order of first appearance. A missing value
// and null are one value, as they were in the JSON key the arquero version
// looked up by; otherwise values are told apart as a Map tells them
// (SameValueZero). The first few tuples are found by a scan over a flat
// list, as a municipality's few departments are, and only more of them
// through a Map per position: a Map costs more to make than a short scan.
// The caller may reuse one array for every tuple: none is kept.
class Tuples {
  /** Tuples kept in a flat list, `width` values each, while they are few. */
  private readonly flat: Array<unknown> = []
  private root: Map<unknown, unknown> | undefined = undefined
  size = 0
  /** The number of `values`, or -1 when no tuple equal to it was added. */
  get(values: ReadonlyArray<unknown>): number {
    if (this.root === undefined) return this.scan(values)
    let node: unknown = this.root
    for (let i = 0; i < values.length && node !== undefined; i++)
      node = (node as Map<unknown, unknown>).get(values[i] ?? null)
    return node === undefined ? -1 : (node as number)
  }
  /** The number of `values`, the next one when it is new. */
  add(values: ReadonlyArray<unknown>): number {
    if (this.root === undefined) {
      const at = this.scan(values)
      if (at >= 0) return at
      if (this.size < smallTuples) {
        for (let i = 0; i < values.length; i++) this.flat.push(values[i] ?? null)
        return this.size++
      }
      // One more than a scan is worth: from now on, a Map per position.
      this.root = new Map()
      const w = values.length
      for (let t = 0; t < this.size; t++) this.put(this.flat.slice(t * w, t * w + w), t)
    }
    return this.put(values, this.size)
  }
  // The number of `values` in the flat list, or -1.
  private scan(values: ReadonlyArray<unknown>): number {
    const flat = this.flat
    const w = values.length
    const end = this.size * w
    // The empty tuple, when there is one, is number 0.
    if (w === 0) return this.size > 0 ? 0 : -1
    if (w === 1) {
      const v = values[0] ?? null
      for (let at = 0; at < end; at++) if (sameValue(flat[at], v)) return at
      return -1
    }
    for (let at = 0; at < end; at += w) {
      let i = 0
      while (i < w && sameValue(flat[at + i], values[i] ?? null)) i++
      if (i === w) return at / w
    }
    return -1
  }
  // Adds `values` as number `n` to the Maps when it is new; its number.
  private put(values: ReadonlyArray<unknown>, n: number): number {
    let node = this.root!
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
    node.set(values[last] ?? null, n)
    if (n === this.size) this.size++
    return n
  }
}

// How many tuples a Tuples finds by a scan.
const smallTuples = 8

// SameValueZero, as a Map compares keys: NaN is NaN, and -0 is 0.
// biome-ignore lint/suspicious/noSelfCompare: the NaN check, for any value.
const sameValue = (a: unknown, b: unknown): boolean => a === b || (a !== a && b !== b)

// Adds `x` to `sums[at]` unless it is NaN, as a rollup's sum skips NaN. A
// sum starts at 0, so one with nothing added reads as 0, as the lookup's
// missing sum did.
const add = (sums: Array<number>, at: number, x: number): void => {
  if (!Number.isNaN(x)) sums[at]! += x
}

/** Sums per department (of a municipality) and period unit. */
interface Slots {
  /** Each row of `departments`: its department's slot. */
  readonly slotOf: Array<number>
  /** Percent, lent and transferred per slot and unit: at `3 × (slot × U + unit)`, then +1 and +2. */
  readonly sums: Array<number>
}

// The share of each unit's days each contribution covers, summed per
// department of a municipality (department ids repeat across
// municipalities) and unit, each sum taken in contribution order. One slot
// per department the `departments` table lists: a contribution to any
// other is listed nowhere.
const contributed = (
  tables: Tables,
  units: Units,
  dMunicipality: ArrayLike<unknown>,
  dDepartment: ArrayLike<unknown>,
): Slots => {
  const U = units.from.length
  const slots = new Tuples()
  const pair: [unknown, unknown] = [null, null]
  const slotOf = new Array<number>(dDepartment.length)
  for (let r = 0; r < dDepartment.length; r++) {
    pair[0] = dMunicipality[r]
    pair[1] = dDepartment[r]
    slotOf[r] = slots.add(pair)
  }
  // A plain array: a small typed array costs a buffer of its own to allocate.
  const sums: Array<number> = []
  for (let i = 3 * slots.size * U; i > 0; i--) sums.push(0)
  const c = plain(tables.contributions)
  const cMunicipality = valuesOf<unknown>(c, "municipality")
  const cDepartment = valuesOf<unknown>(c, "department")
  const cFrom = valuesOf<number>(c, "from")
  const cTo = valuesOf<number | null | undefined>(c, "to")
  const share = valuesOf<number>(c, "share")
  const form = valuesOf<unknown>(c, "form")
  for (let k = 0; k < cFrom.length; k++) {
    pair[0] = cMunicipality[k]
    pair[1] = cDepartment[k]
    const s = slots.get(pair)
    if (s < 0) continue
    const lent = form[k] === "lent-position"
    const transferred = form[k] === "transferred-budget-post"
    for (let u = 0; u < U; u++) {
      const unitFrom = units.from[u]!
      const unitTo = units.to[u]!
      const to = cTo[k]
      const last = to == null || to > unitTo ? unitTo : to
      // biome-ignore lint/complexity/useMathMinMax: the comparison arquero's expression made, for any value.
      const first = cFrom[k]! < unitFrom ? unitFrom : cFrom[k]!
      const x = last >= first ? (share[k]! * (last - first + 1)) / (unitTo - unitFrom + 1) : 0
      // Adding 0 to a sum that starts at 0 changes nothing, so the other forms add nothing.
      const at = 3 * (s * U + u)
      add(sums, at, x)
      if (lent) add(sums, at + 1, x)
      if (transferred) add(sums, at + 2, x)
    }
  }
  return { slotOf, sums }
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
    const d = plain(tables.departments)
    const dMunicipality = valuesOf<unknown>(d, "municipality")
    const dDepartment = valuesOf<unknown>(d, "department")
    const { slotOf, sums } = contributed(tables, units, dMunicipality, dDepartment)
    const required = tables.requiredContributionPercent
    // Grouped by department and period already, each row is a group of its own.
    const unitKeys = grain === null ? [] : grain === "month" && by.includes("year") ? ["month", "year"] : [grain]
    const keys = ["municipality", "department", ...unitKeys]
    const exact = by.length === keys.length && by.every((k) => keys.includes(k))
    // Every department in every unit, so a department that gives nothing
    // shows 0; rows summed per group of `by`. First each row's group,
    // numbered in order of first appearance, and each group's place in the
    // order Indicator.compute sorts by, so that it takes this table as it
    // stands; then the sums, each written to its place, taken in row order.
    const R = dDepartment.length * U
    const groups = new Tuples()
    const tuple = new Array<unknown>(by.length)
    const groupKeys: Array<Array<unknown>> = []
    for (let i = 0; i < by.length; i++) groupKeys.push([])
    const groupOf = new Array<number>(R)
    let G = 0
    for (let r = 0, row = 0; r < dDepartment.length; r++)
      for (let u = 0; u < U; u++, row++) {
        for (let i = 0; i < by.length; i++) {
          const k = by[i]!
          tuple[i] = k === "municipality" ? dMunicipality[r] : k === "department" ? dDepartment[r] : units.keys[k]![u]
        }
        const g = exact ? G : groups.add(tuple)
        groupOf[row] = g
        if (g < G) continue
        for (let i = 0; i < by.length; i++) groupKeys[i]!.push(tuple[i])
        G++
      }
    const order = inOrder(G, groupKeys) ? undefined : orderOf(G, groupKeys)
    const place = new Array<number>(G)
    for (let i = 0; i < G; i++) place[order === undefined ? i : order[i]!] = i
    // A loop of its own rather than kernel/read.ts's pick: this one only
    // ever sees these few kinds of array, so it stays fast.
    const columns: Array<readonly [string, ArrayLike<unknown>]> = []
    for (let i = 0; i < by.length; i++) {
      const values = new Array<unknown>(G)
      for (let g = 0; g < G; g++) values[place[g]!] = groupKeys[i]![g]
      columns.push([by[i]!, values])
    }
    const percent = new Array<number>(G)
    const lent = new Array<number>(G)
    const transferred = new Array<number>(G)
    const requiredSum = new Array<number>(G)
    // Each sum from 0, as a rollup takes it; a row of its own keeps its value as it is.
    if (!exact)
      for (let p = 0; p < G; p++) {
        percent[p] = 0
        lent[p] = 0
        transferred[p] = 0
        requiredSum[p] = 0
      }
    for (let r = 0, row = 0; r < dDepartment.length; r++)
      for (let u = 0; u < U; u++, row++) {
        const p = place[groupOf[row]!]!
        const at = 3 * (slotOf[r]! * U + u)
        if (exact) {
          percent[p] = sums[at]!
          lent[p] = sums[at + 1]!
          transferred[p] = sums[at + 2]!
          requiredSum[p] = required
          continue
        }
        percent[p]! += sums[at]!
        lent[p]! += sums[at + 1]!
        transferred[p]! += sums[at + 2]!
        requiredSum[p]! += required
      }
    const gap = new Array<number>(G)
    for (let p = 0; p < G; p++) gap[p] = percent[p]! - requiredSum[p]!
    columns.push(
      ["percent", percent],
      ["lent", lent],
      ["transferred", transferred],
      ["required", requiredSum],
      ["gap", gap],
    )
    return tableOf(columns)
  },
}
