import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, p, tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

const transition = (id: string, citizen: number, date: string) => ({
  id,
  citizenId: p(citizen),
  date,
  destination: "Turlag",
  kind: "community-offering",
  fromOfferingId: "recoveryhjelpa",
})

// Four citizens start Recoveryhjelpa. Citizen 1 starts an activity after 30
// days (a transition), citizen 2 after 60 (only the enrollment closing as
// completed says so), citizen 3 has an old transition from before the start
// and is still waiting, citizen 4 started in March and reached an activity
// after 10 days. Citizen 5 started in 2023: outside the period.
const tables = Tables.fromDataset(
  year({
    enrollments: [
      enr("n-1", 1, "recoveryhjelpa", "2024-02-01", { closedOn: "2024-03-02", status: "completed" }),
      enr("n-2", 2, "recoveryhjelpa", "2024-02-10", { closedOn: "2024-04-10", status: "completed" }),
      enr("n-3", 3, "recoveryhjelpa", "2024-02-20"),
      enr("n-4", 4, "recoveryhjelpa", "2024-03-05"),
      enr("n-5", 5, "recoveryhjelpa", "2023-11-01"),
    ],
    transitions: [
      transition("t-1", 1, "2024-03-02"),
      transition("t-2", 3, "2024-01-15"),
      transition("t-3", 4, "2024-03-15"),
      transition("t-4", 5, "2024-01-05"),
    ],
  }),
  { policy },
)
const { recoveryStart } = Indicators.catalogue

describe("recoveryStart", () => {
  // Days 30, 60 and 10: median 30; 90th percentile at rank 1.8 of [10, 30, 60]: 30 + 0.8 × 30 = 54.
  it("gives the share who started an activity and the days it took", () => {
    tableEqual(Indicator.compute(recoveryStart, tables).table, {
      helped: [4],
      started: [3],
      rate: [0.75],
      median: [30],
      p90: [54],
    })
  })

  it("groups by the month the help started", () => {
    tableEqual(Indicator.compute(recoveryStart, tables, { by: ["month"] }).table, {
      month: ["2024-02", "2024-03"],
      helped: [3, 1],
      started: [2, 1],
      rate: [2 / 3, 1],
      median: [45, 10],
      p90: [57, 10],
    })
  })

  it("counts a transition on the day the help started as started that day", () => {
    const sameDay = Tables.fromDataset(
      year({
        enrollments: [enr("n-1", 1, "recoveryhjelpa", "2024-02-01")],
        transitions: [transition("t-1", 1, "2024-02-01")],
      }),
      { policy },
    )
    tableEqual(Indicator.compute(recoveryStart, sameDay).table, {
      helped: [1],
      started: [1],
      rate: [1],
      median: [0],
      p90: [0],
    })
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(recoveryStart)
  })
})
