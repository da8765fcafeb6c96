/**
 * New versus returning citizens: of those who started in an offering, how
 * many were new to the activity model.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import type { DictionaryColumn } from "../internal/DictionaryColumn.js"
import { daysWithin, rollupBy } from "../internal/group.js"
import { valuesOf } from "../internal/kernel/read.js"
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
    const n = e.numRows()
    const citizen = valuesOf(e, "citizen")
    const start = valuesOf(e, "start")
    // Each citizen's first enrollment: the earliest start, in one pass.
    let citizens = 0
    for (let i = 0; i < n; i++) if (citizen[i]! >= citizens) citizens = citizen[i]! + 1
    const firstRow = new Int32Array(citizens).fill(-1)
    for (let i = 0; i < n; i++) {
      const f = firstRow[citizen[i]!]!
      if (f < 0 || start[i]! < start[f]!) firstRow[citizen[i]!] = i
    }
    // A citizen is new in a period when their first start falls in that same
    // period: the same month (or year) code as the row's start, else in or after the period.
    const period = by.includes("month")
      ? (e.column("startMonth") as DictionaryColumn<string>).codes
      : by.includes("year")
        ? (e.column("startYear") as DictionaryColumn<string>).codes
        : undefined
    // Non-new rows carry NaN, which a distinct count counts as one extra value when present.
    const newCitizen = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const f = firstRow[citizen[i]!]!
      const isNew = period === undefined ? start[f]! >= from : period[f] === period[i]
      newCitizen[i] = isNew ? citizen[i]! : Number.NaN
    }
    return rollupBy(
      e.assign({ newCitizen }),
      by,
      {
        started: op.distinct("citizen"),
        distinctNew: op.distinct("newCitizen"),
        validNew: op.valid("newCitizen"),
        rows: op.count(),
      },
      { columns: { month: "startMonth", year: "startYear" }, where: [daysWithin("start", from, to)] },
    ).derive({ new: "d => d.distinctNew - (d.validNew < d.rows ? 1 : 0)" })
  },
  derive: (filled) => filled.derive({ returning: "d => d.started - d.new" }),
})
