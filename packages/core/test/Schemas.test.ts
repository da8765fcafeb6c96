import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  Citizen,
  Enrollment,
  Feedback,
  FitScore,
  Problems,
  Referral,
  ResourceContribution,
  Session,
} from "../src/index.js"
import * as arb from "./arbitraries.js"

const cases = [
  ["Citizen", Citizen.Citizen, arb.citizen],
  ["Referral", Referral.Referral, arb.referral],
  ["Enrollment", Enrollment.Enrollment, arb.enrollment],
  ["Attendance", Session.Attendance, arb.attendance],
  ["FitScore", FitScore.FitScore, arb.fitScore],
  ["Feedback", Feedback.Feedback, arb.feedback],
  ["ResourceContribution", ResourceContribution.ResourceContribution, arb.contribution],
] as const

const problems = (schema: Schema.Top, input: unknown) => {
  const r = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(input, {
    errors: "all",
    onExcessProperty: "error",
  })
  return Result.isSuccess(r) ? [] : Problems.of(r.failure.issue).map((p) => ({ path: p.path.join("."), ...p.message }))
}

describe("entity schemas", () => {
  for (const [name, schema, arbitrary] of cases) {
    it(`${name}: generated records decode, and encode → decode round-trips`, () => {
      const codec = schema as unknown as Schema.Codec<unknown, unknown>
      fc.assert(
        fc.property(arbitrary, (record) => {
          const decoded = Schema.decodeUnknownSync(codec)(record)
          expect(Schema.decodeUnknownSync(codec)(Schema.encodeSync(codec)(decoded))).toEqual(decoded)
        }),
      )
    })
  }

  it("a citizen with a bad pseudonym, pathway and birth date reports each field in both languages", () => {
    expect(
      problems(Citizen.Citizen, {
        id: "12345678901",
        birthYear: 1990,
        birthDate: "1990-02-30",
        departments: ["Psykisk helse"],
        healthyLifeCentre: "no",
        pathway: 4,
      }),
    ).toEqual([
      {
        path: "id",
        en: "Expected a pseudonym: 32 lowercase hexadecimal characters",
        nb: "Forventet et pseudonym: 32 små heksadesimale tegn",
      },
      {
        path: "birthDate",
        en: "Expected an existing calendar date as YYYY-MM-DD",
        nb: "Forventet en gyldig dato på formen ÅÅÅÅ-MM-DD",
      },
      {
        path: "departments.0",
        en: "Expected an identifier of lowercase letters, digits and hyphens (such as psykisk-helse)",
        nb: "Forventet en identifikator med små bokstaver, sifre og bindestrek (som psykisk-helse)",
      },
      { path: "healthyLifeCentre", en: "Expected boolean", nb: "Forventet sann/usann" },
      { path: "pathway", en: "Expected pathway 1, 2 or 3", nb: "Forventet hovedforløp 1, 2 eller 3" },
    ])
  })

  it("a citizen whose birth date is outside the birth year is rejected", () => {
    expect(
      problems(Citizen.Citizen, {
        id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        birthYear: 1991,
        birthDate: "1990-05-01",
        departments: [],
        healthyLifeCentre: true,
        pathway: 1,
      }),
    ).toEqual([
      { path: "", en: "Expected birthDate to fall in birthYear", nb: "Forventet at birthDate er i birthYear" },
    ])
  })

  it("a FIT form whose total is not the sum of its items, or whose items exceed 10, is rejected", () => {
    const base = { id: "o-1", citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", date: "2024-02-05", instrument: "ORS" }
    expect(problems(FitScore.FitScore, { ...base, items: [5, 5, 5, 5], total: 21 })).toEqual([
      {
        path: "",
        en: "Expected total to equal the sum of the four items",
        nb: "Forventet at total er summen av de fire leddene",
      },
    ])
    expect(problems(FitScore.FitScore, { ...base, items: [11, 5, 5, 5], total: 26 })).toEqual([
      { path: "items.0", en: "Expected a number from 0 to 10", nb: "Forventet et tall fra 0 til 10" },
    ])
  })

  it("unknown fields and missing ones are both reported, nothing is dropped", () => {
    expect(
      problems(Referral.Referral, {
        id: "r-1",
        citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        therapistId: "s-2",
        date: "2024-01-08",
        nationalId: "x",
      }),
    ).toEqual([
      { path: "nationalId", en: "Expected no excess property", nb: "Ukjent felt: det er ikke tillatt her" },
      { path: "offeringId", en: "Missing key", nb: "Mangler felt" },
    ])
  })

  it("an enrollment status outside the model is named with the allowed values", () => {
    const r = problems(Enrollment.Enrollment, {
      id: "n",
      citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      offeringId: "turgruppe",
      start: "2024-01-01",
      status: "paused",
    })
    expect(r).toEqual([
      {
        path: "status",
        en: 'Expected "ongoing" | "completed" | "withdrawn"',
        nb: "Forventet én av «ongoing» (pågår), «completed» (fullført) eller «withdrawn» (avbrutt)",
      },
    ])
  })
})
