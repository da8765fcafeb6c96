import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

const feedback = (id: string, source: string, date: string, rating?: number, more: Record<string, string> = {}) => ({
  id,
  source,
  date,
  theme: "tilgjengelighet",
  ...(rating === undefined ? {} : { rating }),
  ...more,
})

// Citizens: 5, 4, 2 and one without rating. Employees: 3. Experience
// council: 4 and 5. One 2023 citizen response is outside the year.
const tables = Tables.fromDataset(
  year({
    feedback: [
      feedback("b-1", "citizen", "2024-03-01", 5, { offeringId: "turgruppe" }),
      feedback("b-2", "citizen", "2024-03-02", 4, { category: "everyday" }),
      feedback("b-3", "citizen", "2024-04-01", 2, { offeringId: "turgruppe" }),
      feedback("b-4", "citizen", "2024-04-02", undefined, { comment: "Ønsker mer informasjon" }),
      feedback("b-5", "employee", "2024-05-01", 3),
      feedback("b-6", "experience-council", "2024-09-12", 4),
      feedback("b-7", "experience-council", "2024-09-12", 5),
      feedback("b-8", "citizen", "2023-12-01", 1),
    ],
  }),
  { policy },
)
const { feedbackSummary } = Indicators.catalogue

describe("feedbackSummary", () => {
  it("summarises ratings per source", () => {
    tableEqual(Indicator.compute(feedbackSummary, tables).table, {
      source: ["citizen", "employee", "experience-council"],
      responses: [4, 1, 2],
      rated: [3, 1, 2],
      meanRating: [11 / 3, 3, 4.5],
      good: [2, 0, 2],
      goodShare: [2 / 3, 0, 1],
    })
  })

  it("takes the category from the offering when the feedback names one", () => {
    tableEqual(
      Indicator.compute(feedbackSummary, tables, { by: ["source", "category"] }).table.filter(
        (d: { source: string }) => d.source === "citizen",
      ),
      {
        source: ["citizen", "citizen", "citizen"],
        category: ["(unknown)", "everyday", "treatment"],
        responses: [1, 1, 2],
        rated: [0, 1, 2],
        meanRating: [null, 4, 3.5],
        good: [0, 1, 1],
        goodShare: [null, 1, 0.5],
      },
    )
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(feedbackSummary)
  })
})
