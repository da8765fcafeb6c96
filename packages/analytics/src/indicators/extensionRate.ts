/**
 * Extension rate: the share of treatments extended by one more period.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { record } from "../internal/expr.js"
import { daysWithin, rollupBy } from "../internal/group.js"
import { memberOf } from "../internal/kernel/lookup.js"
import { plain, valuesOf } from "../internal/kernel/read.js"
import { persons, share } from "./measures.js"

/**
 * Treatment enrollments that started in the period and were extended at
 * least once, divided by all treatment enrollments that started in it. Seed
 * 000 line 96: a citizen not ready to move on may be extended by at most one
 * more period; Resultatvurdering Mestringsenheten 2021, line 39 counts extensions (896 in 2020, 996 in 2021).
 * @example
 * Indicator.compute(extensionRate, tables, { by: ["offering"] })
 * @category indicators
 */
export const extensionRate: Indicator<"extensionRate"> = rate({
  id: "extensionRate",
  name: { nb: "Forlengelser", en: "Extension rate" },
  definition: {
    numerator: { nb: "Behandlinger som ble forlenget", en: "Treatments that were extended" },
    denominator: { nb: "Behandlinger som startet i perioden", en: "Treatments that started in the period" },
    unit: { nb: "andel", en: "share" },
    period: { nb: "Startdatoen for behandlingen", en: "The treatment's start date" },
  },
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Fysisk aktivitet som behandling",
    lines: "96",
    fact: {
      nb: "For innbyggere som ikke er klare til å gå videre kan det vurderes å forlenge med maksimalt en periode til",
      en: "A citizen not ready to move on may be extended by at most one more period",
    },
  },
  measures: [
    persons("enrollments", { nb: "Behandlinger", en: "Treatments" }, "treatments", "records"),
    persons("extended", { nb: "Forlenget", en: "Extended" }, "extended", "records"),
    share("rate", { nb: "Andel forlenget", en: "Extension rate" }, "extended", "enrollments"),
  ],
  headline: "rate",
  // An enrollment is extended when an extension names it: a membership
  // test over the ids, where a rollup of extensions per enrollment and a
  // lookup into every enrollment gave the same flags at a table's cost.
  counts: (tables, by) => {
    const { from, to } = tables.days
    const enrollments = plain(tables.enrollments)
    const extended = memberOf(valuesOf(enrollments, "enrollment"), valuesOf(plain(tables.extensions), "enrollment"))
    return rollupBy(
      enrollments.assign(record([["extended", extended]])),
      by,
      { enrollments: op.count(), extended: op.sum("extended") },
      {
        columns: { month: "startMonth", year: "startYear" },
        where: [{ column: "category", is: "equal", value: "treatment" }, daysWithin("start", from, to)],
      },
    )
  },
})
