/**
 * FIT outcome: change in the Outcome Rating Scale (ORS) from a citizen's
 * first score to their last.
 *
 * @module
 */
import * as aq from "arquero"
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { dayWithin, rollupBy } from "../internal/group.js"
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
    const totals = tables.fitScores.array("total") as Float64Array
    const clinical = tables.fitScores.array("orsClinical") as Uint8Array
    const reliable = tables.fitScores.array("reliableChange") as Float64Array
    const at = (order: number): number => totals[order % ORDER_SHIFT]!
    const perCitizen = rollupBy(
      tables.fitScores,
      [...by, "citizen"],
      { n: op.count(), firstOrder: op.min("order"), lastOrder: op.max("order") },
      { filter: `d => d.instrument === "ORS" && ${dayWithin("day", from, to)}` },
    )
      .filter("d => d.n >= 2")
      .derive({
        first: aq.escape((d: { firstOrder: number }) => at(d.firstOrder)),
        last: aq.escape((d: { lastOrder: number }) => at(d.lastOrder)),
        // The thresholds of the forms' own dates: the first form's cutoff, the last form's cutoff and reliable change.
        firstClinical: aq.escape((d: { firstOrder: number }) => clinical[d.firstOrder % ORDER_SHIFT]!),
        lastClinical: aq.escape((d: { lastOrder: number }) => clinical[d.lastOrder % ORDER_SHIFT]!),
        reliable: aq.escape((d: { lastOrder: number }) => reliable[d.lastOrder % ORDER_SHIFT]!),
      })
      .derive({ change: "d => d.last - d.first" })
      .derive({
        improved: "d => d.change >= d.reliable ? 1 : 0",
        deteriorated: "d => d.change <= -d.reliable ? 1 : 0",
        clinicalStart: "d => d.firstClinical",
        recovered: "d => d.firstClinical === 1 && d.lastClinical === 0 && d.change >= d.reliable ? 1 : 0",
      })
    return rollupBy(perCitizen, by, {
      citizens: op.count(),
      // Sum over count, as SQL's AVG: arquero's running mean can differ in the last bit.
      meanChange: "d => op.sum(d.change) / op.valid(d.change)",
      improved: op.sum("improved"),
      clinicalStart: op.sum("clinicalStart"),
      recovered: op.sum("recovered"),
      deteriorated: op.sum("deteriorated"),
    })
  },
})
