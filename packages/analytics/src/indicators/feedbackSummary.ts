/**
 * Feedback for the evaluation, by source: employees, citizens and the
 * experience council.
 *
 * @module
 */
import { op } from "arquero"
import { standard } from "../Dimension.js"
import { type Indicator, rate } from "../Indicator.js"
import { daysWithin, rollupBy } from "../internal/group.js"
import { countAtLeast, mean } from "../internal/kernel/aggregates.js"
import type { Where } from "../internal/kernel/where.js"
import { ratings } from "../internal/passes/ratings.js"
import { persons, share, statistic } from "./measures.js"

/**
 * Feedback in the period: how many, how many with a rating (1–5), the mean
 * rating and the share of ratings that are good (4 or 5). Free-text comments
 * are never read: they may name people. Mestringsenhetens modell for aktivitet, line 159: the evaluation
 * gathers input from employees, citizens and the experience council.
 * @example
 * Indicator.compute(feedbackSummary, tables, { by: ["source", "category"] })
 * @category indicators
 */
export const feedbackSummary: Indicator<"feedbackSummary"> = rate({
  id: "feedbackSummary",
  name: { nb: "Tilbakemeldinger", en: "Feedback" },
  definition: {
    numerator: { nb: "Vurderinger 4 eller 5 (god eller svært god)", en: "Ratings of 4 or 5 (good or very good)" },
    denominator: { nb: "Tilbakemeldinger med vurdering 1–5", en: "Feedback with a rating of 1–5" },
    unit: { nb: "antall, gjennomsnitt (1–5) og andel", en: "count, mean (1–5) and share" },
    period: { nb: "Datoen for tilbakemeldingen", en: "The feedback's date" },
  },
  dimensions: ["source", ...standard],
  defaultBy: ["source"],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Evaluering av modellen",
    lines: "159",
    fact: {
      nb: "Det innhentes innspill fra ansatte, innbyggere og erfaringsråd; evalueringen skjer i 2024",
      en: "Input is gathered from employees, citizens and the experience council; the evaluation takes place in 2024",
    },
  },
  measures: [
    persons("responses", { nb: "Tilbakemeldinger", en: "Responses" }, "responses", "records"),
    persons("rated", { nb: "Med vurdering", en: "Rated" }, "rated", "records"),
    statistic("meanRating", { nb: "Gjennomsnitt (1–5)", en: "Mean rating (1–5)" }, "rating", ["rated"]),
    persons("good", { nb: "God eller svært god", en: "Good or very good" }, "good", "records"),
    share("goodShare", { nb: "Andel god", en: "Share good" }, "good", "rated"),
  ],
  headline: "meanRating",
  // One pass over the period's feedback where its columns allow it, else the kernel.
  counts: (tables, by) => {
    const where: Where = [daysWithin("day", tables.days.from, tables.days.to)]
    const names = { rows: "responses", valid: "rated", mean: "meanRating", atLeast: "good" }
    return (
      ratings(tables.feedback, by, where, "rating", 4, names) ??
      rollupBy(
        tables.feedback,
        by,
        {
          responses: op.count(),
          rated: op.valid("rating"),
          // Sum over count, as SQL's AVG: arquero's running mean can differ in the last bit.
          meanRating: mean("rating"),
          good: countAtLeast("rating", 4),
        },
        { where },
      )
    )
  },
})
