import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, p, tableEqual, year } from "../helpers.js"
import { sameAsBeforeFusedPasses } from "./fusedPassProperty.js"

const transition = (
  id: string,
  citizen: number,
  date: string,
  from: { fromOfferingId?: string; enrollmentId?: string },
) => ({
  id,
  citizenId: p(citizen),
  date,
  destination: "Lura Karateklubb",
  kind: "club",
  ...from,
})

// Karate: citizens 1, 2, 3 active; 1 moves on in May (named by offering), 2 in
// June (named only by enrollment). Open Mudo: citizens 3 and 4 active; 4
// moves on in 2025 (outside the year). Citizen 5 has a transition from karate
// but no karate enrollment: not counted. Citizen 6 closed in 2023: not active.
const tables = Tables.fromDataset(
  year({
    enrollments: [
      enr("n-1", 1, "karategruppe", "2024-01-10"),
      enr("n-2", 2, "karategruppe", "2024-03-06", { closedOn: "2024-06-30", status: "completed" }),
      enr("n-3", 3, "karategruppe", "2024-05-01"),
      enr("n-4", 3, "apen-trening-mudo", "2024-02-01"),
      enr("n-5", 4, "apen-trening-mudo", "2024-11-01"),
      enr("n-6", 6, "karategruppe", "2023-01-01", { closedOn: "2023-12-01", status: "withdrawn" }),
    ],
    transitions: [
      transition("t-1", 1, "2024-05-15", { fromOfferingId: "karategruppe" }),
      transition("t-2", 2, "2024-06-20", { enrollmentId: "n-2" }),
      transition("t-3", 4, "2025-01-10", { fromOfferingId: "apen-trening-mudo" }),
      transition("t-4", 5, "2024-05-15", { fromOfferingId: "karategruppe" }),
    ],
  }),
  { policy },
)
const { communityTransition } = Indicators.catalogue

describe("communityTransition", () => {
  it("gives the share of active participants who moved on, per offering and overall", () => {
    tableEqual(Indicator.compute(communityTransition, tables, { by: ["offering"], margins: true }).table, {
      offering: ["apen-trening-mudo", "karategruppe", "(total)"],
      participants: [2, 3, 4],
      transitioned: [0, 2, 2],
      rate: [0, 2 / 3, 0.5],
    })
  })

  // April–June: citizens 1, 2 and 3 (3 twice, counted once); July: 2 has closed.
  it("counts a participant in every month their enrollment overlaps", () => {
    const t = Indicator.compute(communityTransition, tables, { by: ["month"] }).table
    tableEqual(
      t.filter((d: { month: string }) => d.month >= "2024-04" && d.month <= "2024-07"),
      {
        month: ["2024-04", "2024-05", "2024-06", "2024-07"],
        participants: [3, 3, 3, 2],
        transitioned: [0, 1, 1, 0],
        rate: [0, 1 / 3, 1 / 3, 0],
      },
    )
  })
})

describe("communityTransition's fused passes", () => {
  it("give the straightforward computation's table, row for row, on random years", () => {
    sameAsBeforeFusedPasses(Indicators.catalogue.communityTransition)
  })
})
