import { Catalogue, Crosswalk } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { Dimension, Indicator, Indicators, Labels, Publish, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, p, tableEqual, year } from "../helpers.js"
import { agreesWithReference } from "./reference.js"

const { kprReportable } = Indicators.catalogue

// Aktivitetskontakt is the offering the crosswalk reports (KPR 9). k-1 and
// k-2 start in January, k-3 in March; k-4 started in 2023, outside the year.
// k-1 has its decision (r-1); k-2 and k-3 have none, and k-2 ended without
// an end date: KprCheck finds both incomplete. Mudo (treatment by referral)
// and Helårsbading (open) are not reported.
const tables = Tables.fromDataset(
  year({
    citizens: [1, 2, 3, 4].map((n) => ({
      id: p(n),
      birthYear: 1980,
      departments: ["rpha"],
      healthyLifeCentre: false,
      pathway: 3,
    })),
    referrals: [
      { id: "r-1", citizenId: p(1), therapistId: "s-1", offeringId: "aktivitetskontakt", date: "2024-01-05" },
    ],
    enrollments: [
      enr("k-1", 1, "aktivitetskontakt", "2024-01-10", { referralId: "r-1" }),
      enr("k-2", 2, "aktivitetskontakt", "2024-01-20", { status: "completed" }),
      enr("k-3", 3, "aktivitetskontakt", "2024-03-05"),
      enr("k-4", 4, "aktivitetskontakt", "2023-11-01"),
      enr("n-5", 5, "individuell-trening-mudo", "2024-01-15", { end: "2024-02-11" }),
      enr("n-6", 6, "helarsbading", "2024-03-01"),
    ],
  }),
  { policy },
)

describe("kprReportable", () => {
  it("counts decisions in reportable services that started in the period, and those KPR could not take, by service type and month", () => {
    tableEqual(Indicator.compute(kprReportable, tables, { by: ["kprService", "month"] }).table, {
      kprService: ["9", "9"],
      month: ["2024-01", "2024-03"],
      decisions: [2, 1],
      incomplete: [1, 1],
      incompleteRate: [0.5, 1],
    })
    tableEqual(Indicator.compute(kprReportable, tables, { by: ["kprService"], margins: true }).table, {
      kprService: ["9", "(total)"],
      decisions: [3, 3],
      incomplete: [2, 2],
      incompleteRate: [2 / 3, 2 / 3],
    })
  })

  it("takes what is reportable from the crosswalk: one enrollment in every offering counts only the reportable ones", () => {
    const every = Catalogue.sandnes().offerings.map((o, i) => enr(`e-${i}`, i + 1, o.id, "2024-02-01"))
    const t = Tables.fromDataset(year({ enrollments: every }), { policy })
    const reportable = Crosswalk.reportable()
    tableEqual(Indicator.compute(kprReportable, t, { by: ["offering", "kprService"] }).table, {
      offering: [...reportable.keys()],
      kprService: [...reportable.values()].map((s) => s.code),
      decisions: [...reportable.keys()].map(() => 1),
      incomplete: [...reportable.keys()].map(() => 1),
      incompleteRate: [...reportable.keys()].map(() => 1),
    })
    expect(every.length).toBeGreaterThan(reportable.size)
  })

  it("has a dimension for the service type, labelled with the code list's name", () => {
    expect(Dimension.canonical(["month", "kprService"])).toEqual(["kprService", "month"])
    expect(Labels.value("kprService", "9", "nb")).toBe("9 Støttekontakt")
    expect(Labels.dimension("kprService", "en")).toBe("KPR service type")
    expect(() => Indicator.compute(Indicators.catalogue.participation, tables, { by: ["kprService"] })).toThrow(
      /kprService/u,
    )
  })

  it("on the synthetic year: 24 Aktivitetskontakt decisions, all starting in January, none with its decision recorded; published in full", () => {
    const synthetic = Tables.fromDataset(generate({ policy }), { policy })
    tableEqual(Indicator.compute(kprReportable, synthetic, { by: ["kprService", "month"] }).table, {
      kprService: ["9"],
      month: ["2024-01"],
      decisions: [24],
      incomplete: [24],
      incompleteRate: [1],
    })
    const published = Publish.publish(Indicator.compute(kprReportable, synthetic, { by: ["month"], margins: true }), {
      tables: synthetic,
    })
    expect(published.table.objects()).toEqual([
      { month: "2024-01", decisions: 24, incomplete: 24, incompleteRate: 1, suppressed: null },
      { month: "(total)", decisions: 24, incomplete: 24, incompleteRate: 1, suppressed: null },
    ])
    expect(published.hidden).toEqual({ primary: 0, secondary: 0 })
  })

  it("on a small synthetic year, hides its 2 decisions and the total that would give them away", () => {
    const small = Tables.fromDataset(generate({ policy, seed: 2, year: 2024, citizens: 80 }), { policy })
    expect(Indicator.compute(kprReportable, small, { by: [] }).table.objects()).toEqual([
      { decisions: 2, incomplete: 2, incompleteRate: 1 },
    ])
    const published = Publish.publish(Indicator.compute(kprReportable, small, { by: ["kprService"], margins: true }), {
      tables: small,
    })
    expect(published.table.objects()).toEqual([
      { kprService: "9", decisions: null, incomplete: null, incompleteRate: null, suppressed: "primary" },
      { kprService: "(total)", decisions: null, incomplete: null, incompleteRate: null, suppressed: "primary" },
    ])
  })

  it("gives the table its arquero version gave, for every grouping of up to two dimensions", () => {
    agreesWithReference(kprReportable)
  })
})
