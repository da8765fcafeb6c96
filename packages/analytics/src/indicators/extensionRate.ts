/**
 * Extension rate: the share of treatments extended by one more period.
 *
 * @module
 */
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { dayWithin, rollupBy, withRate, zeroFill } from "../internal/group.js"

/**
 * Treatment enrollments that started in the period and were extended at
 * least once, divided by all treatment enrollments that started in it. Seed
 * 000 line 96: a citizen not ready to move on may be extended by at most one
 * more period; Resultatvurdering Mestringsenheten 2021, line 39 counts extensions (896 in 2020, 996 in 2021).
 * @example
 * Indicator.compute(extensionRate, tables, { by: ["offering"] })
 * @category indicators
 */
export const extensionRate: Indicator<"extensionRate"> = {
  id: "extensionRate",
  name: { nb: "Forlengelser", en: "Extension rate" },
  definition: {
    numerator: { nb: "Behandlinger som ble forlenget", en: "Treatments that were extended" },
    denominator: { nb: "Behandlinger som startet i perioden", en: "Treatments that started in the period" },
    unit: { nb: "andel", en: "share" },
    period: { nb: "Startdatoen for behandlingen", en: "The treatment's start date" },
  },
  dimensions: ["offering", "category", "department", "month", "year"],
  defaultBy: ["offering"],
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
    {
      column: "enrollments",
      label: { nb: "Behandlinger", en: "Treatments" },
      kind: "persons",
      unit: "records",
      set: "treatments",
    },
    {
      column: "extended",
      label: { nb: "Forlenget", en: "Extended" },
      kind: "persons",
      unit: "records",
      set: "extended",
    },
    {
      column: "rate",
      label: { nb: "Andel forlenget", en: "Extension rate" },
      kind: "rate",
      unit: "share",
      numerator: "extended",
      denominator: "enrollments",
    },
  ],
  headline: "rate",
  compute: (tables, by) => {
    const { from, to } = tables.days
    const extended = tables.extensions.groupby("enrollment").rollup({ extensions: op.count() })
    const treatments = tables.enrollments.lookup(extended, "enrollment", "extensions")
    const counts = rollupBy(
      treatments,
      by,
      { enrollments: op.count(), extended: "d => op.sum(d.extensions > 0 ? 1 : 0)" },
      {
        columns: { month: "startMonth", year: "startYear" },
        filter: `d => d.category === "treatment" && ${dayWithin("start", from, to)}`,
      },
    )
    return withRate(zeroFill(counts, ["enrollments", "extended"]), "rate", "extended", "enrollments")
  },
}
