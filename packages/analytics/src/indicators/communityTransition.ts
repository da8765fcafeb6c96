/**
 * Transition to ordinary community activity: the model's overarching goal.
 *
 * @module
 */

import type { ColumnTable } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { activePeriods } from "../internal/activePeriods.js"
import { Coder } from "../internal/columns.js"
import { DictionaryColumn } from "../internal/DictionaryColumn.js"
import { valuesOf } from "../internal/kernel/read.js"
import { tableOf } from "../internal/kernel/table.js"
import { codeBound, type Keys, keyedCitizens } from "../internal/passes/keyedCitizens.js"
import type { KeyGroups } from "../internal/passes/keyGroups.js"
import { mixIn } from "../internal/passes/mixIn.js"
import { PairSet } from "../internal/passes/pairSet.js"
import { persons, share } from "./measures.js"

/**
 * Of the citizens with an enrollment active in the period, the share who
 * moved on to an ordinary community offering (a club, a membership, a
 * community offering, work) from an offering of the group in the period.
 * Mestringsenhetens modell for aktivitet, line 14: the overarching goal is more participation in the local
 * community and ordinary clubs and associations.
 * @example
 * Indicator.compute(communityTransition, tables, { by: ["offering"], margins: true })
 * @category indicators
 */
export const communityTransition: Indicator<"communityTransition"> = rate({
  id: "communityTransition",
  name: { nb: "Overgang til ordinær aktivitet", en: "Transition to ordinary community activity" },
  definition: {
    numerator: {
      nb: "Deltakere som gikk over til et ordinært tilbud i lokalmiljøet",
      en: "Participants who moved on to an ordinary community offering",
    },
    denominator: {
      nb: "Innbyggere med aktiv deltakelse i perioden",
      en: "Citizens with an enrollment active in the period",
    },
    unit: { nb: "andel", en: "share" },
    period: {
      nb: "Deltakelse som overlapper perioden; overgangens dato",
      en: "Enrollments overlapping the period; the transition's date",
    },
    note: {
      nb: "En overgang hører til tilbudet den skjedde fra (eller deltakelsen den viser til).",
      en: "A transition belongs to the offering it came from (or the enrollment it names).",
    },
  },
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Prosjektets mål",
    lines: "14",
    fact: {
      nb: "Overordnet mål for tilbudene er å øke deltagelse i nærmiljøet, ordinære lag og foreninger",
      en: "The overarching goal is more participation in the local community, ordinary clubs and associations",
    },
  },
  measures: [
    persons("participants", { nb: "Deltakere", en: "Participants" }, "active", "persons"),
    persons("transitioned", { nb: "Gikk over", en: "Moved on" }, "transitioned", "persons"),
    share("rate", { nb: "Andel overgang", en: "Transition rate" }, "transitioned", "participants"),
  ],
  headline: "rate",
  counts: (tables, by) => {
    const { from, to } = tables.days
    const e = tables.enrollments
    const t = tables.transitions
    const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : undefined
    const active = activePeriods(tables, grain)
    const rows = active.rows
    const m = rows.length
    // Each dimension's codes (by enrollment row, or by active row for the
    // month or year), and the transitions' codes matched to them by value
    // (a Map per dimension, never joined as text; -1 where no value matches).
    const dims = by.map((d): Dim & { readonly perActive: boolean } => {
      const perActive = d === "month" || d === "year"
      const column = perActive
        ? d === "month" || grain === "year"
          ? active.period!
          : yearsOfMonths(active.period!)
        : (e.column(d) as DictionaryColumn<unknown>)
      const index = new Map<unknown, number>(column.values.map((v, code) => [v, code] as const))
      const other = t.column(d) as DictionaryColumn<unknown>
      const local = Int32Array.from(other.values, (v) => index.get(v) ?? -1)
      return { column, perActive, local, other: other.codes }
    })
    // Each active row's combined key (mixed radix), its groups in order of
    // first appearance (as the rollup over the active rows numbered them) and
    // the distinct citizens of each.
    let span = 1
    for (const d of dims) span *= d.column.values.length
    // One dimension's codes are the keys as they stand; several are mixed first.
    const only = dims.length === 1 ? dims[0]! : undefined
    let keys: Keys
    if (only !== undefined) keys = { codes: only.column.codes, at: only.perActive ? undefined : rows, span }
    else {
      const key = new Float64Array(m)
      for (const d of dims) mixIn(key, d.column.values.length, d.column.codes, d.perActive ? undefined : rows)
      keys = { codes: key, at: undefined, span }
    }
    const citizen = valuesOf(e, "citizen")
    // Every citizen code is below the largest: a bound for the pairs' sets.
    const bound = codeBound(citizen)
    const { groups, seen, citizens: participants } = keyedCitizens(m, keys, rows, citizen, bound, by.length === 0)
    // Those among them who moved on in the period from the group, each once.
    const transitioned = movedOn(t, from, to, dims, { groups, seen, bound, span })
    // One row per group: each dimension's value at the group's first active row.
    const first = groups.firstRow
    const values = dims.map((d, k) => {
      const { codes, values } = d.column
      return [by[k]!, first.map((i) => values[codes[d.perActive ? i : rows[i]!]!])] as const
    })
    return tableOf([...values, ["participants", participants], ["transitioned", transitioned]])
  },
})

// The year of each month (`YYYY-MM` → `YYYY`), as a dictionary of its own values.
const yearsOfMonths = (months: DictionaryColumn<string>): DictionaryColumn<string> => {
  const years = new Coder<string>()
  const local = months.values.map((month) => years.code(month.slice(0, 4)))
  const codes = new Uint32Array(months.length)
  for (let i = 0; i < codes.length; i++) codes[i] = local[months.codes[i]!]!
  return new DictionaryColumn(codes, years.values)
}

/** A dimension of the count: its codes and values, and the transitions' codes matched to them. */
interface Dim {
  readonly column: DictionaryColumn<unknown>
  readonly local: Int32Array
  readonly other: Uint32Array
}

// Per group, the distinct citizens seen in it with a transition in the
// period from it (matched by the same combined key), in one pass over the
// transitions.
const movedOn = (
  t: ColumnTable,
  from: number,
  to: number,
  dims: ReadonlyArray<Dim>,
  active: { readonly groups: KeyGroups; readonly seen: PairSet; readonly bound: number; readonly span: number },
): Float64Array => {
  const { groups, seen, bound } = active
  const transitioned = new Float64Array(groups.size)
  const n = t.numRows()
  const day = valuesOf(t, "day")
  const citizen = valuesOf(t, "citizen")
  const moved = new PairSet(active.span, bound)
  for (let i = 0; i < n; i++) {
    const c = citizen[i]!
    if (!(day[i]! >= from && day[i]! <= to && c >= 0 && c < bound)) continue
    let k = 0
    for (const d of dims) {
      const code = d.local[d.other[i]!]!
      if (code < 0) k = Number.NaN
      k = k * d.column.values.length + code
    }
    if (!Number.isNaN(k) && seen.has(k, c) && moved.add(k, c)) transitioned[groups.get(k)]!++
  }
  return transitioned
}
