import { describe, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { att, enr, p, tableEqual, year } from "../helpers.js"

const referral = (id: string, citizen: number, offeringId: string, date: string) => ({
  id,
  citizenId: p(citizen),
  therapistId: "s-ther",
  offeringId,
  date,
})

// Mudo referrals on 1 February; first sessions attended 10, 20, 30 and 40 days
// later (citizen 2 first misses a session on day 15). Yoga: one referral, 7
// days. n-5 started in 2023 and is left out; n-6 has no session yet.
const tables = Tables.fromDataset(
  year({
    referrals: [
      referral("r-1", 1, "individuell-trening-mudo", "2024-02-01"),
      referral("r-2", 2, "individuell-trening-mudo", "2024-02-01"),
      referral("r-3", 3, "individuell-trening-mudo", "2024-02-01"),
      referral("r-4", 4, "individuell-trening-mudo", "2024-02-01"),
      referral("r-5", 5, "individuell-trening-mudo", "2023-12-01"),
      referral("r-6", 6, "individuell-trening-mudo", "2024-12-01"),
      referral("r-7", 7, "mindfull-restorative-yoga", "2024-03-01"),
    ],
    enrollments: [
      enr("n-1", 1, "individuell-trening-mudo", "2024-02-11", { referralId: "r-1" }),
      enr("n-2", 2, "individuell-trening-mudo", "2024-02-16", { referralId: "r-2" }),
      enr("n-3", 3, "individuell-trening-mudo", "2024-03-02", { referralId: "r-3" }),
      enr("n-4", 4, "individuell-trening-mudo", "2024-03-12", { referralId: "r-4" }),
      enr("n-5", 5, "individuell-trening-mudo", "2023-12-20", { referralId: "r-5" }),
      enr("n-6", 6, "individuell-trening-mudo", "2024-12-20", { referralId: "r-6" }),
      enr("n-7", 7, "mindfull-restorative-yoga", "2024-03-08", { referralId: "r-7" }),
      // An everyday enrollment without referral never counts.
      enr("n-8", 8, "sandneshallen", "2024-02-01"),
    ],
    attendance: [
      att(1, "individuell-trening-mudo", "2024-02-11", "present", "n-1"),
      att(1, "individuell-trening-mudo", "2024-02-14", "present", "n-1"),
      att(2, "individuell-trening-mudo", "2024-02-16", "no-show", "n-2"),
      att(2, "individuell-trening-mudo", "2024-02-21", "present", "n-2"),
      att(3, "individuell-trening-mudo", "2024-03-02", "present", "n-3"),
      att(4, "individuell-trening-mudo", "2024-03-12", "present", "n-4"),
      att(5, "individuell-trening-mudo", "2024-01-03", "present", "n-5"),
      att(7, "mindfull-restorative-yoga", "2024-03-08", "present", "n-7"),
      att(8, "sandneshallen", "2024-02-02", "present", "n-8"),
    ],
  }),
  { policy },
)
const { referralToStart } = Indicators.catalogue

describe("referralToStart", () => {
  // Mudo days: 10, 20, 30, 40. Median 25; 90th percentile at rank 0.9 × 3 = 2.7: 30 + 0.7 × 10 = 37.
  it("gives the median and 90th percentile of days per offering", () => {
    tableEqual(Indicator.compute(referralToStart, tables, { by: ["offering"], margins: true }).table, {
      offering: ["individuell-trening-mudo", "mindfull-restorative-yoga", "(total)"],
      started: [4, 1, 5],
      median: [25, 7, 20],
      p90: [37, 7, 36],
    })
  })

  it("places a start in the month of the first session attended", () => {
    tableEqual(Indicator.compute(referralToStart, tables, { by: ["month"] }).table, {
      month: ["2024-02", "2024-03"],
      started: [2, 3],
      median: [15, 30],
      p90: [19, 38],
    })
  })
})
