import { Catalogue } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Subject } from "../src/index.js"
import { nationalIdText } from "./nationalIds.js"

const catalogue = Catalogue.sandnes()

describe("Subject.decode", () => {
  it("accepts a core citizen record as the citizen", () => {
    const r = Subject.decode(
      {
        citizen: {
          id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
          birthYear: 1990,
          departments: ["psykisk-helse"],
          healthyLifeCentre: false,
          pathway: 2,
        },
        offering: "turgruppe",
      },
      catalogue,
    )
    expect(r.ok).toBe(true)
  })

  it("takes a birth date only in the years a birth year may be, as core does", () => {
    const withBirth = (birthDate: string) =>
      Subject.decode({ citizen: { birthDate, departments: ["rpha"] }, offering: "turgruppe" }, catalogue)
    const refused = withBirth("0001-01-01")
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.problems[0]).toMatchObject({
        pointer: "/citizen/birthDate",
        message: {
          en: "Expected a birth date from 1900 to 2100",
          nb: "Forventet en fødselsdato fra 1900 til 2100",
        },
      })
    fc.assert(
      fc.property(fc.date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10)
        const year = Number(iso.slice(0, 4))
        expect(withBirth(iso).ok).toBe(year >= 1900 && year <= 2100)
      }),
    )
  })

  it("reports every problem with a pointer, in both languages", () => {
    const r = Subject.decode(
      { citizen: { id: "anna", departments: ["rpha"] }, offering: "padel", fit: { ors: 41 }, extra: 1 },
      catalogue,
    )
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          code: "schema",
          pointer: "/extra",
          message: { en: "Unknown field: it is not allowed here", nb: "Ukjent felt: det er ikke tillatt her" },
        },
        {
          code: "schema",
          pointer: "/citizen/id",
          message: {
            en: "Expected a pseudonym: 32 lowercase hexadecimal characters",
            nb: "Forventet et pseudonym: 32 små heksadesimale tegn",
          },
        },
        {
          code: "schema",
          pointer: "/fit/ors",
          message: { en: "Expected a score from 0 to 40", nb: "Forventet en skår fra 0 til 40" },
        },
      ],
    })
    const unknown = Subject.decode({ citizen: { departments: ["rpha"] }, offering: "padel" }, catalogue)
    expect(unknown).toEqual({
      ok: false,
      problems: [
        {
          code: "unknown-name",
          pointer: "/offering",
          message: {
            en: 'Unknown offering "padel"; did you mean "padelgruppe"?',
            nb: "Ukjent tilbud «padel»; mente du «padelgruppe»?",
          },
        },
        {
          code: "missing-input",
          pointer: "/citizen",
          message: {
            en: 'The citizen needs "birthYear" or "birthDate"',
            nb: "Innbyggeren trenger «birthYear» eller «birthDate»",
          },
        },
      ],
    })
  })

  it("never echoes a national identity number put in any field", () => {
    const fields = [
      "offering",
      "citizen.id",
      "citizen.birthDate",
      "citizen.departments",
      "proposal.byDepartment",
      "enrollment.cohort",
    ]
    fc.assert(
      fc.property(fc.constantFrom(...fields), nationalIdText, (field, number) => {
        const input: Record<string, unknown> = {
          citizen: { birthYear: 1990, departments: [] },
          proposal: { requested: true, category: "everyday" },
          offering: "turgruppe",
          enrollment: { start: "2024-01-01" },
        }
        const [head, tail] = field.split(".") as [string, string | undefined]
        if (tail === undefined) input[head] = number
        else (input[head] as Record<string, unknown>)[tail] = tail === "departments" ? [number] : number
        const r = Subject.decode(input, catalogue)
        expect(r.ok).toBe(false)
        expect(JSON.stringify(r)).not.toContain(number)
      }),
    )
  })

  it("never throws, whatever it is given", () => {
    fc.assert(fc.property(fc.anything(), (u) => typeof Subject.decode(u, catalogue).ok === "boolean"))
  })
})

describe("Subject.make", () => {
  it("throws a SubjectError with every problem", () => {
    expect(() => Subject.make({ citizen: { departments: ["rhpa"] }, offering: "karategruppe" })).toThrow(
      [
        "The subject has 2 problem(s) / Situasjonen har 2 feil:",
        '  /citizen/departments/0: Unknown department "rhpa"; did you mean "rpha"? / Ukjent avdeling «rhpa»; mente du «rpha»?',
        '  /citizen: The citizen needs "birthYear" or "birthDate" / Innbyggeren trenger «birthYear» eller «birthDate»',
      ].join("\n"),
    )
  })
})
