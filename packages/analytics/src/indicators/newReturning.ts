/**
 * New versus returning citizens: of those who started in an offering, how
 * many were new to the activity model.
 *
 * @module
 */
import { Calendar } from "@aktivitetsmodell/core"
import * as aq from "arquero"
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { num } from "../internal/expr.js"
import { dayWithin, rollupBy } from "../internal/group.js"
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
    const earliest = tables.enrollments.groupby("citizen").rollup({ first: op.min("start") })
    // Month and year of the first start, only when the grouping needs them.
    const firsts =
      by.includes("month") || by.includes("year")
        ? earliest.derive({
            firstMonth: aq.escape((d: { first: number }) => Calendar.fromDayNumber(d.first).slice(0, 7)),
            firstYear: aq.escape((d: { first: number }) => Calendar.fromDayNumber(d.first).slice(0, 4)),
          })
        : earliest.derive({ firstMonth: "() => null", firstYear: "() => null" })
    // A citizen is new in a period when their first start falls in that same period.
    const isNew = by.includes("month")
      ? "d.firstMonth === d.startMonth"
      : by.includes("year")
        ? "d.firstYear === d.startYear"
        : `d.first >= ${num(from)}`
    // Count distinct new citizens in the same pass as all citizens: non-new rows
    // carry null, which arquero's distinct counts as one extra value when present.
    const started = tables.enrollments
      .lookup(firsts, "citizen", "first", "firstMonth", "firstYear")
      .derive({ newCitizen: `d => ${isNew} ? d.citizen : null` })
    return rollupBy(
      started,
      by,
      {
        started: op.distinct("citizen"),
        distinctNew: op.distinct("newCitizen"),
        validNew: op.valid("newCitizen"),
        rows: op.count(),
      },
      { columns: { month: "startMonth", year: "startYear" }, filter: `d => ${dayWithin("start", from, to)}` },
    ).derive({ new: "d => d.distinctNew - (d.validNew < d.rows ? 1 : 0)" })
  },
  derive: (filled) => filled.derive({ returning: "d => d.started - d.new" }),
})
