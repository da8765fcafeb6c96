import { IsoDate } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Parameters } from "../src/index.js"

const file = "parameters/fit/ors-cutoff.json"
const base = {
  label: { nb: "grense", en: "cutoff" },
  description: { nb: "D", en: "D" },
  type: "number",
  datedBy: "session-date",
  source: { url: "https://example.org/x" },
  values: [{ from: "2023-03-09", value: 25 }],
}

describe("Parameters", () => {
  it("takes its name from its path", () => {
    expect(Parameters.nameOf("parameters/offerings/turgruppe/cohort-length.json")).toBe(
      "offerings.turgruppe.cohort-length",
    )
  })

  it("decodes a parameter and finds the value in force on a date", () => {
    const { parameter } = Parameters.decode(
      {
        ...base,
        values: [
          { from: "2023-03-09", value: 25 },
          { from: "2025-01-01", value: 23 },
        ],
      },
      file,
    )
    expect(parameter?.name).toBe("fit.ors-cutoff")
    expect(Parameters.entryOn(parameter!, "2023-03-08")).toBeUndefined()
    expect(Parameters.entryOn(parameter!, "2024-12-31")?.value).toBe(25)
    expect(Parameters.entryOn(parameter!, "2025-01-01")?.value).toBe(23)
  })

  it("checks values against the type, in both languages", () => {
    const { findings } = Parameters.decode(
      { ...base, type: "duration", values: [{ from: "2023-03-09", value: "2 months" }] },
      file,
    )
    expect(findings.map((f) => [f.pointer, f.message])).toEqual([
      [
        "/values/0/value",
        {
          en: 'Expected a duration such as "P2M" (2 months) or "P4W" (4 weeks), as the parameter\'s type says',
          nb: "Forventet en varighet som «P2M» (2 måneder) eller «P4W» (4 uker), slik parameterens type sier",
        },
      ],
    ])
  })

  it("refuses a count below 0 or with a fraction, keeps 0, and leaves other numbers alone", () => {
    const values = [-6, 0, 4.5, 6].map((value, i) => ({ from: `202${i}-07-01`, value }))
    const found = (name: string) =>
      Parameters.decode({ ...base, values }, `parameters/${name}.json`).findings.map((f) => [f.pointer, f.message.en])
    expect(found("offerings/mindfull-restorative-yoga/sessions")).toEqual([
      ["/values/0/value", "Expected a whole number of sessions, 0 or more (0 means no limit), got -6"],
      ["/values/2/value", "Expected a whole number of sessions, 0 or more (0 means no limit), got 4.5"],
    ])
    expect(found("offerings/individuell-trening-mudo/sessions-per-week").map(([p]) => p)).toEqual([
      "/values/0/value",
      "/values/2/value",
    ])
    expect(
      Parameters.decode({ ...base, values }, "parameters/treatment/max-extensions.json").findings[1]?.message,
    ).toEqual({
      nb: "Forventet et helt antall forlengelser, 0 eller flere (0 betyr ingen forlengelse), fikk 4,5",
      en: "Expected a whole number of extensions, 0 or more (0 means no extension), got 4.5",
    })
    // A cutoff, a price or a cohort's length is not a count.
    expect(found("fit/ors-cutoff")).toEqual([])
    expect(found("offerings/price-nok")).toEqual([])
    expect(found("offerings/turgruppe/cohort-length")).toEqual([])
  })

  it("rejects a source without a seed section or a link", () => {
    const { findings } = Parameters.decode(
      { ...base, source: { document: "Mestringsenhetens modell for aktivitet" } },
      file,
    )
    expect(findings.map((f) => `${f.pointer}: ${f.message.en}`)).toEqual([
      '/source: A source needs "document" and "section", or "url"',
    ])
  })

  it("picks the last entry on or before the date, for any dated values", () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((d) => IsoDate.addDays("2023-01-01", d))
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 6 }), day, (dates, date) => {
        const values = [...dates].sort().map((from, i) => ({ from, value: i }))
        const found = Parameters.entryOn({ values }, date)
        const expected = values.filter((v) => v.from <= date).at(-1)
        expect(found).toEqual(expected)
      }),
    )
  })

  it("never throws, whatever JSON it is given", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (u) => Array.isArray(Parameters.decode(u, file).findings)))
  })
})
