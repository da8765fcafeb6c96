import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

const evaluation = (
  id: string,
  enrollmentId: string,
  date: string,
  goalReached: "yes" | "partly" | "no",
  decision = "completed",
) => ({
  id,
  enrollmentId,
  therapistId: "s-ther",
  date,
  goalReached,
  decision,
})

// Mudo n-1: partly in February (extended), then yes in March — only the last counts.
// Mudo n-2: no. Yoga n-3: yes. Sandneshallen n-4 is not treatment: ignored.
// Yoga n-5's last evaluation is in 2025: outside the year.
const tables = Tables.fromDataset(
  year({
    enrollments: [
      enr("n-1", 1, "individuell-trening-mudo", "2024-01-22", { status: "completed" }),
      enr("n-2", 2, "individuell-trening-mudo", "2024-02-05", { status: "completed" }),
      enr("n-3", 3, "mindfull-restorative-yoga", "2024-03-04", { status: "completed" }),
      enr("n-4", 4, "sandneshallen", "2024-03-04"),
      enr("n-5", 5, "mindfull-restorative-yoga", "2024-12-02"),
    ],
    goalEvaluations: [
      evaluation("g-1", "n-1", "2024-02-16", "partly", "extend"),
      evaluation("g-2", "n-1", "2024-03-17", "yes"),
      evaluation("g-3", "n-2", "2024-03-01", "no", "other-measures"),
      evaluation("g-4", "n-3", "2024-04-01", "yes"),
      evaluation("g-5", "n-4", "2024-04-01", "yes"),
      evaluation("g-6", "n-5", "2024-12-20", "partly", "extend"),
      evaluation("g-7", "n-5", "2025-01-20", "yes"),
    ],
  }),
  { policy },
)
const { goalAttainment } = Indicators.catalogue

describe("goalAttainment", () => {
  it("counts each treatment's last evaluation once", () => {
    tableEqual(Indicator.compute(goalAttainment, tables, { by: ["offering"], margins: true }).table, {
      offering: ["individuell-trening-mudo", "mindfull-restorative-yoga", "(total)"],
      evaluated: [2, 1, 3],
      reached: [1, 1, 2],
      partly: [0, 0, 0],
      notReached: [1, 0, 1],
      rate: [0.5, 1, 2 / 3],
    })
  })

  it("places the evaluation in the month of its date", () => {
    tableEqual(Indicator.compute(goalAttainment, tables, { by: ["month"] }).table, {
      month: ["2024-03", "2024-04"],
      evaluated: [2, 1],
      reached: [1, 1],
      partly: [0, 0],
      notReached: [1, 0],
      rate: [0.5, 1],
    })
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(goalAttainment)
  })
})
