/**
 * Transition to ordinary community activity: the model's overarching goal.
 *
 * @module
 */

import * as aq from "arquero"
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { activePeriods } from "../internal/activePeriods.js"
import { Coder } from "../internal/columns.js"
import { DictionaryColumn } from "../internal/DictionaryColumn.js"
import { record } from "../internal/expr.js"
import { rollupBy } from "../internal/group.js"
import { valuesOf } from "../internal/kernel/read.js"
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
    const grain = by.includes("month") ? "month" : by.includes("year") ? "year" : undefined
    const active = activePeriods(tables, grain)
    const m = active.rows.length
    // The active rows as a table of their own: the enrollment's dimensions, the month or year, the citizen.
    const columns = new Map<string, DictionaryColumn<unknown>>()
    for (const d of by)
      if (d !== "month" && d !== "year") columns.set(d, (e.column(d) as DictionaryColumn<unknown>).take(active.rows))
    if (active.period !== undefined) {
      if (grain === "month") columns.set("month", active.period)
      columns.set("year", grain === "year" ? active.period : yearsOfMonths(active.period))
    }
    const citizenOf = valuesOf(e, "citizen")
    const citizen = Int32Array.from(active.rows, (row) => citizenOf[row]!)
    // A key per (group, citizen), the same on both sides, so that an active row
    // can tell whether its citizen moved on from its group. Values are matched
    // as values (a Map per dimension), never joined as text.
    const keyColumns = by.map((d) => columns.get(d)!)
    // Group numbers as floats: a product of several dictionaries' sizes may pass 2^31.
    const group = new Float64Array(m)
    for (const k of keyColumns) {
      const size = k.values.length
      const codes = k.codes
      for (let i = 0; i < m; i++) group[i] = group[i]! * size + codes[i]!
    }
    let citizens = 1
    for (let i = 0; i < m; i++) if (citizen[i]! >= citizens) citizens = citizen[i]! + 1
    // The transitions in the period, by the same group numbers: -1 where a value has no active row.
    const t = tables.transitions
    const n = t.numRows()
    const tDay = valuesOf(t, "day")
    const tCitizen = valuesOf(t, "citizen")
    const tGroup = new Float64Array(n)
    by.forEach((d, k) => {
      const size = keyColumns[k]!.values.length
      const index = new Map(keyColumns[k]!.values.map((v, code) => [v, code] as const))
      const column = t.column(d) as DictionaryColumn<unknown>
      const local = Int32Array.from(column.values, (v) => index.get(v) ?? -1)
      for (let i = 0; i < n; i++) {
        const code = local[column.codes[i]!]!
        tGroup[i] = tGroup[i]! < 0 || code < 0 ? -1 : tGroup[i]! * size + code
      }
    })
    const moved = new Set<number>()
    for (let i = 0; i < n; i++)
      if (tGroup[i]! >= 0 && tDay[i]! >= from && tDay[i]! <= to && tCitizen[i]! < citizens)
        moved.add(tGroup[i]! * citizens + tCitizen[i]!)
    // Non-movers carry NaN, which a distinct count counts as one extra value when present.
    const movedCitizen = new Float64Array(m)
    for (let i = 0; i < m; i++)
      movedCitizen[i] = moved.size > 0 && moved.has(group[i]! * citizens + citizen[i]!) ? citizen[i]! : Number.NaN
    const table = aq.table(record<unknown>([...columns, ["citizen", citizen], ["movedCitizen", movedCitizen]]))
    return rollupBy(table, by, {
      participants: op.distinct("citizen"),
      distinctMoved: op.distinct("movedCitizen"),
      validMoved: op.valid("movedCitizen"),
      rows: op.count(),
    }).derive({ transitioned: "d => d.distinctMoved - (d.validMoved < d.rows ? 1 : 0)" })
  },
})

// The year of each month (`YYYY-MM` → `YYYY`), as a dictionary of its own values.
const yearsOfMonths = (months: DictionaryColumn<string>): DictionaryColumn<string> => {
  const years = new Coder<string>()
  const local = months.values.map((month) => years.code(month.slice(0, 4)))
  return new DictionaryColumn(
    Uint32Array.from(months.codes, (c) => local[c]!),
    years.values,
  )
}
