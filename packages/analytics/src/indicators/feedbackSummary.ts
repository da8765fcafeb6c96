/**
 * Feedback for the evaluation, by source: employees, citizens and the
 * experience council.
 *
 * @module
 */
import { op } from "arquero"
import type { Indicator } from "../Indicator.js"
import { dayWithin, rollupBy, withRate, zeroFill } from "../internal/group.js"
import { bi } from "../internal/text.js"

/**
 * Feedback in the period: how many, how many with a rating (1–5), the mean
 * rating and the share of ratings that are good (4 or 5). Free-text comments
 * are never read: they may name people. Mestringsenhetens modell for aktivitet, line 159: the evaluation
 * gathers input from employees, citizens and the experience council.
 * @example
 * Indicator.compute(feedbackSummary, tables, { by: ["source", "category"] })
 * @category indicators
 */
export const feedbackSummary: Indicator<"feedbackSummary"> = {
  id: "feedbackSummary",
  name: bi("Tilbakemeldinger", "Feedback"),
  definition: {
    numerator: bi("Vurderinger 4 eller 5 (god eller svært god)", "Ratings of 4 or 5 (good or very good)"),
    denominator: bi("Tilbakemeldinger med vurdering 1–5", "Feedback with a rating of 1–5"),
    unit: bi("antall, gjennomsnitt (1–5) og andel", "count, mean (1–5) and share"),
    period: bi("Datoen for tilbakemeldingen", "The feedback's date"),
  },
  dimensions: ["source", "offering", "category", "department", "month", "year"],
  defaultBy: ["source"],
  seed: {
    document: "Mestringsenhetens modell for aktivitet",
    section: "Evaluering av modellen",
    lines: "159",
    fact: bi(
      "Det innhentes innspill fra ansatte, innbyggere og erfaringsråd; evalueringen skjer i 2024",
      "Input is gathered from employees, citizens and the experience council; the evaluation takes place in 2024",
    ),
  },
  measures: [
    {
      column: "responses",
      label: bi("Tilbakemeldinger", "Responses"),
      kind: "persons",
      unit: "records",
      set: "responses",
    },
    { column: "rated", label: bi("Med vurdering", "Rated"), kind: "persons", unit: "records", set: "rated" },
    {
      column: "meanRating",
      label: bi("Gjennomsnitt (1–5)", "Mean rating (1–5)"),
      kind: "statistic",
      unit: "rating",
      over: ["rated"],
    },
    {
      column: "good",
      label: bi("God eller svært god", "Good or very good"),
      kind: "persons",
      unit: "records",
      set: "good",
    },
    {
      column: "goodShare",
      label: bi("Andel god", "Share good"),
      kind: "rate",
      unit: "share",
      numerator: "good",
      denominator: "rated",
    },
  ],
  headline: "meanRating",
  compute: (tables, by) => {
    const { from, to } = tables.days
    const counts = rollupBy(
      tables.feedback,
      by,
      {
        responses: op.count(),
        rated: op.valid("rating"),
        meanRating: op.mean("rating"),
        good: "d => op.sum(d.rating >= 4 ? 1 : 0)",
      },
      { filter: `d => ${dayWithin("day", from, to)}` },
    )
    return withRate(zeroFill(counts, ["responses", "rated", "good"]), "goodShare", "good", "rated")
  },
}
