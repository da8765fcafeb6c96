/**
 * FIT outcome: change in the Outcome Rating Scale (ORS) from a citizen's
 * first score to their last.
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { daysWithin, rollupBy } from "../internal/group.js"
import { valuesOf } from "../internal/kernel/read.js"
import { ORDER_SHIFT } from "../Tables.js"
import { fitEvaluationLine } from "./fitSource.js"
import { persons, share, statistic } from "./measures.js"

/**
 * For each citizen with at least two ORS scores in the period (per offering
 * when grouped by offering, through the enrollment a score names): the change
 * from first to last score. Reports the mean change and the shares that
 * reliably improved (by at least the policy's reliable change, of the last
 * score's date), reliably recovered (improved reliably and crossed the
 * clinical cutoff from below; share of those who started below it) and
 * deteriorated (by at least the reliable change). Resultatvurdering Mestringsenheten 2021, line 13: the unit uses
 * FIT so that citizens report how they experience the help; Kommunale lærings- og mestringstjenester, line 42:
 * measure before and after.
 * @example
 * Indicator.compute(orsChange, tables, { by: ["category"] })
 * @category indicators
 */
export const orsChange: Indicator<"orsChange"> = rate({
  id: "orsChange",
  name: { nb: "FIT: endring i ORS", en: "FIT: change in ORS" },
  definition: {
    numerator: {
      nb: "Innbyggere med pålitelig bedring (minst grensen for pålitelig endring), bedring over den kliniske grensen, eller forverring",
      en: "Citizens who reliably improved (by at least the reliable-change threshold), recovered across the clinical cutoff, or deteriorated",
    },
    denominator: {
      nb: "Innbyggere med minst to ORS-skårer (for bedring over grensen: de som startet under den kliniske grensen)",
      en: "Citizens with at least two ORS scores (for recovery: those who started below the clinical cutoff)",
    },
    unit: { nb: "poeng og andeler", en: "points and shares" },
    period: { nb: "ORS-skårer datert i perioden", en: "ORS scores dated in the period" },
  },
  dimensions: ["municipality", "offering", "category", "department", "year"],
  defaultBy: [],
  seed: {
    ...fitEvaluationLine,
    fact: {
      nb: "Mestringsenheten har valgt verktøyet Feedback informed treatment (FIT)",
      en: "The unit has chosen the tool Feedback Informed Treatment (FIT)",
    },
  },
  measures: [
    persons("citizens", { nb: "Innbyggere", en: "Citizens" }, "orsFollowed", "persons"),
    statistic("meanChange", { nb: "Gjennomsnittlig endring", en: "Mean change" }, "points", ["citizens"]),
    persons("improved", { nb: "Pålitelig bedring", en: "Reliably improved" }, "orsImproved", "persons"),
    share("improvedRate", { nb: "Andel bedring", en: "Share improved" }, "improved", "citizens"),
    persons(
      "clinicalStart",
      { nb: "Startet under grensen", en: "Started below the cutoff" },
      "orsClinicalStart",
      "persons",
    ),
    persons("recovered", { nb: "Bedring over grensen", en: "Reliably recovered" }, "orsRecovered", "persons"),
    share("recoveredRate", { nb: "Andel over grensen", en: "Share recovered" }, "recovered", "clinicalStart"),
    persons("deteriorated", { nb: "Forverring", en: "Deteriorated" }, "orsDeteriorated", "persons"),
    share("deterioratedRate", { nb: "Andel forverring", en: "Share deteriorated" }, "deteriorated", "citizens"),
  ],
  headline: "improvedRate",
  counts: (tables, by) => {
    const { from, to } = tables.days
    const totals = valuesOf(tables.fitScores, "total")
    const clinicalAt = valuesOf(tables.fitScores, "orsClinical")
    const reliableAt = valuesOf(tables.fitScores, "reliableChange")
    const perCitizen = rollupBy(
      tables.fitScores,
      [...by, "citizen"],
      { n: op.count(), firstOrder: op.min("order"), lastOrder: op.max("order") },
      { where: [{ column: "instrument", is: "equal", value: "ORS" }, daysWithin("day", from, to)] },
    )
    // Per citizen with two forms or more: the change from the first form to
    // the last, judged by the thresholds of the forms' own dates (the first
    // form's cutoff, the last form's cutoff and reliable change).
    const m = perCitizen.numRows()
    const n = valuesOf(perCitizen, "n")
    const firstOrder = valuesOf(perCitizen, "firstOrder")
    const lastOrder = valuesOf(perCitizen, "lastOrder")
    const rows = new Uint8Array(m)
    const change = new Float64Array(m)
    const improved = new Uint8Array(m)
    const deteriorated = new Uint8Array(m)
    const clinicalStart = new Uint8Array(m)
    const recovered = new Uint8Array(m)
    for (let i = 0; i < m; i++) {
      if (!(n[i]! >= 2)) continue
      rows[i] = 1
      const first = firstOrder[i]! % ORDER_SHIFT
      const last = lastOrder[i]! % ORDER_SHIFT
      const c = totals[last]! - totals[first]!
      const reliable = reliableAt[last]!
      change[i] = c
      improved[i] = c >= reliable ? 1 : 0
      deteriorated[i] = c <= -reliable ? 1 : 0
      clinicalStart[i] = clinicalAt[first]!
      recovered[i] = clinicalAt[first] === 1 && clinicalAt[last] === 0 && c >= reliable ? 1 : 0
    }
    return rollupBy(
      perCitizen.assign({ change, improved, deteriorated, clinicalStart, recovered }),
      by,
      {
        citizens: op.count(),
        changeSum: op.sum("change"),
        changeValid: op.valid("change"),
        improved: op.sum("improved"),
        clinicalStart: op.sum("clinicalStart"),
        recovered: op.sum("recovered"),
        deteriorated: op.sum("deteriorated"),
      },
      { rows },
    ).derive({
      // Sum over count, as SQL's AVG: arquero's running mean can differ in the last bit.
      meanChange: "d => d.changeSum / d.changeValid",
    })
  },
})
