/**
 * Extension rate: the share of treatments extended by one more period.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { daysWithin, rollupBy } from "../internal/group.js"
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
  counts: (tables, by) => {
    const { from, to } = tables.days
    const extended = tables.extensions.groupby("enrollment").rollup({ extensions: op.count() })
    const treatments = tables.enrollments.lookup(extended, "enrollment", "extensions")
    return rollupBy(
      treatments,
      by,
      { enrollments: op.count(), extended: "d => op.sum(d.extensions > 0 ? 1 : 0)" },
      {
        columns: { month: "startMonth", year: "startYear" },
        where: [{ column: "category", is: "equal", value: "treatment" }, daysWithin("start", from, to)],
      },
    )
  },
})
