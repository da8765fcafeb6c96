/**
 * New versus returning citizens: of those who started in an offering, how
 * many were new to the activity model.
 *
 * @module
 */
import { type Indicator, rate } from "../Indicator.js"
import type { DictionaryColumn } from "../internal/DictionaryColumn.js"
import { valuesOf } from "../internal/kernel/read.js"
import { type Grouping, groupedTable, groupingOf, shownGroups } from "../internal/passes/grouping.js"
import { PairSet } from "../internal/passes/pairSet.js"
import { persons, share } from "./measures.js"

/**
 * Citizens who started an enrollment in the period, split into new (their
 * first enrollment in any offering starts in the same period: month, year or
 * the whole period) and returning (they had started one before).
 * Resultatvurdering Mestringsenheten 2021, line 38, counts new cases per year
 * (966 in 2020, 1585 in 2021).
 * @example
 * Indicator.compute(newReturning, tables, { by: ["month"] })
 * @category indicators
 */
export const newReturning: Indicator<"newReturning"> = rate({
  id: "newReturning",
  name: { nb: "Nye og tilbakevendende innbyggere", en: "New and returning citizens" },
  definition: {
    numerator: {
      nb: "Innbyggere som startet i et tilbud og som ikke hadde startet i noe tilbud før perioden",
      en: "Citizens who started in an offering and had not started in any offering before the period",
    },
    denominator: {
      nb: "Innbyggere som startet i et tilbud i perioden",
      en: "Citizens who started in an offering in the period",
    },
    unit: { nb: "personer og andel", en: "persons and share" },
    period: { nb: "Startdatoen for deltakelsen", en: "The enrollment's start date" },
    note: {
      nb: "Bare deltakelser i datagrunnlaget teller som tidligere; eldre historikk er ukjent.",
      en: "Only enrollments in the data count as earlier ones; older history is unknown.",
    },
  },
  seed: {
    document: "Resultatvurdering Mestringsenheten 2021, med Jæren Recovery College",
    section: "Tjenestedata som henspeiler kjernevirksomheten i Mestringsenheten",
    lines: "38",
    fact: { nb: "Antall nye saker: 966 i 2020 og 1585 i 2021", en: "New cases: 966 in 2020 and 1585 in 2021" },
  },
  measures: [
    persons("started", { nb: "Startet", en: "Started" }, "started", "persons"),
    persons("new", { nb: "Nye", en: "New" }, "new", "persons"),
    persons("returning", { nb: "Tilbakevendende", en: "Returning" }, "returning", "persons"),
    share("newShare", { nb: "Andel nye", en: "Share new" }, "new", "started"),
  ],
  headline: "newShare",
  counts: (tables, by) => {
    const { from, to } = tables.days
    const e = tables.enrollments
    const citizen = valuesOf(e, "citizen")
    const start = valuesOf<number | null>(e, "start")
    const firstRow = firstStarts(citizen, start)
    // A citizen is new in a period when their first start falls in that same
    // period: the same month (or year) code as the row's start, else in or after the period.
    const period = by.includes("month")
      ? (e.column("startMonth") as DictionaryColumn<string>).codes
      : by.includes("year")
        ? (e.column("startYear") as DictionaryColumn<string>).codes
        : undefined
    // Grouped as the rollup kernel groups the enrollments.
    const grouping = groupingOf(
      e,
      by.map((d) => (d === "month" ? "startMonth" : d === "year" ? "startYear" : d)),
    )!
    const c = startedAndNew(grouping, citizen, start, firstRow, period, from, to)
    return groupedTable(grouping, by, shownGroups(grouping, true, c.rows), [
      ["started", c.started],
      ["new", c.fresh],
    ])
  },
  // Returning = started − new, as plain numbers: no expression to parse and compile.
  derive: (filled) => {
    const t = filled.isFiltered() || filled.isOrdered() ? filled.reify() : filled
    const started = t.array("started") as ArrayLike<number>
    const fresh = t.array("new") as ArrayLike<number>
    return t.assign({ returning: Array.from(started, (s, i) => s - fresh[i]!) })
  },
})

// Each citizen's first enrollment (the earliest start; the first row among
// equals), by citizen code, in one pass; -1 for a code no row has.
const firstStarts = (citizen: ArrayLike<number>, start: ArrayLike<number | null>): Int32Array => {
  const n = citizen.length
  let citizens = 0
  for (let i = 0; i < n; i++) if (citizen[i]! >= citizens) citizens = citizen[i]! + 1
  const firstRow = new Int32Array(citizens).fill(-1)
  for (let i = 0; i < n; i++) {
    const f = firstRow[citizen[i]!]!
    if (f < 0 || start[i]! < start[f]!) firstRow[citizen[i]!] = i
  }
  return firstRow
}

// One pass over the enrollments starting in the period: the rows, the
// distinct citizens and the distinct new citizens per group.
const startedAndNew = (
  grouping: Grouping,
  citizen: ArrayLike<number>,
  start: ArrayLike<number | null>,
  firstRow: Int32Array,
  period: Uint32Array | undefined,
  from: number,
  to: number,
) => {
  const { of, size } = grouping.groups
  const rows = new Float64Array(size)
  const started = new Float64Array(size)
  const fresh = new Float64Array(size)
  const seen = new PairSet(size, firstRow.length)
  const seenNew = new PairSet(size, firstRow.length)
  for (let i = 0; i < of.length; i++) {
    const s = start[i]
    if (s === null || s === undefined || !(s >= from && s <= to)) continue
    const g = of[i]!
    const c = citizen[i]!
    rows[g]!++
    if (seen.add(g, c)) started[g]!++
    const f = firstRow[c]!
    const isNew = period === undefined ? start[f]! >= from : period[f] === period[i]
    if (isNew && seenNew.add(g, c)) fresh[g]!++
  }
  return { rows, started, fresh }
}
