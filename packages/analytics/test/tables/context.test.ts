import { Catalogue } from "@aktivitetsmodell/core"
import { describe, expect, it } from "vitest"
import { context, ORDER_SHIFT } from "../../src/tables/context.js"
import { policy } from "../fixturePolicy.js"
import { enr, year } from "../helpers.js"

const period = { from: "2024-01-01", to: "2024-12-31" }

describe("the tables' context", () => {
  it("fills in the catalogue's offerings the dataset lacks, the dataset's winning", () => {
    const catalogue = Catalogue.sandnes().offerings
    const own = { ...catalogue[0]!, name: { nb: "Eget navn", en: "Own name" } }
    const c = context(year({ offerings: [own] } as never), period, () => null, policy)
    expect(c.offerings.map((o) => o.id)).toEqual(catalogue.map((o) => o.id))
    expect(c.offerings[0]!.name.nb).toBe("Eget navn")
    expect(c.categoryOf(own.id)).toBe(own.category)
    expect([c.categoryOf(undefined), c.categoryOf("finnes-ikke")]).toEqual([null, null])
  })

  it("finds an enrollment's row and offering, -1 and none for an unknown one, and each referral's day", () => {
    const c = context(
      year({
        enrollments: [enr("n-1", 1, "sandneshallen", "2024-01-02"), enr("n-2", 2, "turgruppe", "2024-01-02")],
        referrals: [{ id: "r-1", date: "1970-01-11" }],
      }),
      period,
      () => null,
      policy,
    )
    expect([c.enrollmentOf("n-2"), c.enrollmentOf("n-2"), c.enrollmentOf("n-9"), c.enrollmentOf(undefined)]).toEqual([
      1, 1, -1, -1,
    ])
    expect([c.offeringOfEnrollment(0), c.offeringOfEnrollment(-1)]).toEqual(["sandneshallen", undefined])
    expect(c.referralDay.get("r-1")).toBe(10)
    expect(ORDER_SHIFT).toBe(2 ** 24)
  })
})
