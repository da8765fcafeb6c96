/**
 * FIT alliance alerts: Session Rating Scale (SRS) totals below the alert
 * threshold (the policy's `fit.srs-alert-below` on the form's date).
 *
 * @module
 */
import { op } from "arquero"
import { type Indicator, rate } from "../Indicator.js"
import { daysWithin, joinBy, rollupBy } from "../internal/group.js"
import { plain } from "../internal/kernel/read.js"
import { mask, type Where } from "../internal/kernel/where.js"
import { flaggedCitizens } from "../internal/passes/flaggedCitizens.js"
import { fitEvaluationLine } from "./fitSource.js"
import { events, persons, share } from "./measures.js"

/**
 * SRS forms in the period with a total below the alert threshold (a possible problem with the
 * alliance), as a share of all SRS forms, and the citizens who gave at least
 * one. Resultatvurdering Mestringsenheten 2021, line 13: those who get help report how they experience it so
 * that the unit can do more of what works.
 * @example
 * Indicator.compute(srsAlerts, tables, { by: ["offering"] })
 * @category indicators
 */
export const srsAlerts: Indicator<"srsAlerts"> = rate({
  id: "srsAlerts",
  name: { nb: "FIT: SRS under varslingsgrensen", en: "FIT: SRS below the alert threshold" },
  definition: {
    numerator: {
      nb: "SRS-skjema med total under varslingsgrensen på skjemaets dato",
      en: "SRS forms with a total below the alert threshold of the form's date",
    },
    denominator: { nb: "Alle SRS-skjema", en: "All SRS forms" },
    unit: { nb: "andel", en: "share" },
    period: { nb: "Datoen for skjemaet", en: "The form's date" },
  },
  defaultBy: [],
  seed: {
    ...fitEvaluationLine,
    fact: {
      nb: "De som får hjelp melder tilbake hvordan de opplever hjelpen slik at vi sammen kan gjøre mer av det som virker",
      en: "Those who get help report how they experience it so that together we can do more of what works",
    },
  },
  measures: [
    events("forms", { nb: "SRS-skjema", en: "SRS forms" }, "forms", "srsCitizens"),
    events("alerts", { nb: "Under grensen", en: "Below the threshold" }, "forms", "alerted"),
    share("rate", { nb: "Andel under grensen", en: "Share below the threshold" }, "alerts", "forms"),
    persons("citizens", { nb: "Innbyggere", en: "Citizens" }, "srsCitizens", "persons"),
    persons("citizensAlerted", { nb: "Innbyggere med varsel", en: "Citizens with an alert" }, "alerted", "persons"),
  ],
  headline: "rate",
  // One pass over the period's forms counts forms, alerts, citizens and the
  // alerted among them. Where it cannot, the period's forms are found once;
  // the alerts among them are those rows with srsAlert = 1 (one pass over
  // them, not the period's conditions again).
  counts: (tables, by) => {
    const { from, to } = tables.days
    const f = plain(tables.fitScores)
    const inPeriod: Where = [{ column: "instrument", is: "equal", value: "SRS" }, daysWithin("day", from, to)]
    const fused = flaggedCitizens(f, by, inPeriod, "srsAlert", {
      rows: "forms",
      flagSum: "alerts",
      citizens: "citizens",
      flaggedCitizens: "citizensAlerted",
    })
    if (fused !== undefined) return fused
    const isAlert: Where = [{ column: "srsAlert", is: "equal", value: 1 }]
    const formRows = mask(f, inPeriod)
    const alertRows = formRows === undefined ? undefined : mask(f, isAlert, formRows)
    const forms = rollupBy(
      f,
      by,
      { forms: op.count(), alerts: op.sum("srsAlert"), citizens: op.distinct("citizen") },
      formRows === undefined ? { where: inPeriod } : { rows: formRows },
    )
    const alerted = rollupBy(
      f,
      by,
      { citizensAlerted: op.distinct("citizen") },
      alertRows === undefined ? { where: [...inPeriod, ...isAlert] } : { rows: alertRows },
    )
    return joinBy(forms, alerted, by)
  },
})
