import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Batch, Referral } from "../src/index.js"
import * as arb from "./arbitraries.js"

const good = {
  id: "r-1",
  citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  therapistId: "s-2",
  offeringId: "turgruppe",
  date: "2024-01-08",
}

describe("Batch.decode", () => {
  it("splits valid and rejected records, keeping the index and every field's problem", () => {
    const result = Batch.decode(Referral.Referral, [good, { ...good, id: "", date: "2024-13-01" }, good])
    expect(result.valid).toHaveLength(2)
    expect(result.rejected).toEqual([
      {
        index: 1,
        record: { ...good, id: "", date: "2024-13-01" },
        problems: [
          {
            code: "schema",
            pointer: "/id",
            path: ["id"],
            field: "id",
            message: {
              en: "Expected an identifier of 1–64 letters, digits, '_', '-', '.' or ':'",
              nb: "Forventet en identifikator på 1–64 tegn: bokstaver, sifre, '_', '-', '.' eller ':'",
            },
          },
          {
            code: "schema",
            pointer: "/date",
            path: ["date"],
            field: "date",
            message: {
              en: "Expected an existing calendar date as YYYY-MM-DD",
              nb: "Forventet en gyldig dato på formen ÅÅÅÅ-MM-DD",
            },
          },
        ],
      },
    ])
    expect(Batch.report(result)).toBe(
      "record 2, field id: Expected an identifier of 1–64 letters, digits, '_', '-', '.' or ':'\nrecord 2, field date: Expected an existing calendar date as YYYY-MM-DD",
    )
    expect(Batch.report(result, "nb")).toContain("post 2, felt date: Forventet en gyldig dato på formen ÅÅÅÅ-MM-DD")
  })

  it("valid + rejected always equals the input, for any mix of good and junk records", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arb.referral, fc.anything())), (records) => {
        const r = Batch.decodeEntity("referrals", records)
        expect(r.valid.length + r.rejected.length).toBe(records.length)
        expect(r.total).toBe(records.length)
        const rejectedIdx = new Set(r.rejected.map((x) => x.index))
        expect(rejectedIdx.size).toBe(r.rejected.length)
        for (const x of r.rejected) expect(x.problems.length).toBeGreaterThan(0)
      }),
    )
  })

  it("decodeStrings parses numbers and booleans strictly instead of coercing", () => {
    const r = Batch.decodeStrings("citizens", [
      {
        id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        birthYear: "1990",
        departments: ["rpha"],
        healthyLifeCentre: "false",
        pathway: "2",
      },
      {
        id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        birthYear: "19 90",
        departments: [],
        healthyLifeCentre: "ja",
        pathway: "2",
      },
    ])
    expect(r.valid).toEqual([
      {
        id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        birthYear: 1990,
        departments: ["rpha"],
        healthyLifeCentre: false,
        pathway: 2,
      },
    ])
    expect(r.rejected[0]?.problems.map((p) => [p.field, p.message.nb])).toEqual([
      ["birthYear", "Forventet et tall skrevet som tekst"],
      ["healthyLifeCentre", "Forventet én av «true» (sann) eller «false» (usann)"],
    ])
  })
})
