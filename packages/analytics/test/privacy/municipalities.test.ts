/**
 * Disclosure control by municipality: several municipalities in one set of
 * tables (Tables.combine), every indicator published by municipality with
 * the country's total row, together under the strict profile. Small counts
 * of a municipality are hidden, and the audit, reading the published file
 * back, can work none of them out from the total and the other
 * municipalities. Published apart (by municipality without margins, and the
 * country's figure on its own), the same counts leak, and the audit says so.
 */
import { generate, municipalities } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { Audit, Export, Indicator, Indicators, Profile, Publish, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

const plan = municipalities({ count: 12, citizens: 200, seed: 9 })
const country = Tables.combine(
  plan.map((m) =>
    Tables.fromDataset(generate({ policy, seed: m.seed, citizens: m.citizens, municipality: m.municipality }), {
      policy,
    }),
  ),
)
const profile = Profile.strictFrom(policy, country.period.to)
const indicators = [Indicators.catalogue.participation, Indicators.catalogue.completionRate]

describe("disclosure control by municipality", () => {
  it("hides small counts of a municipality, and no count of 1–4 can be worked out from the country's total", () => {
    const results = indicators.map((i) => Indicator.compute(i, country, { by: ["municipality"], margins: true }))
    const publication = Publish.publishAll(results, { profile })
    const rows = publication.tables[0]!.table.objects() as Array<Record<string, unknown>>
    // One row per municipality and the country's total.
    expect(rows).toHaveLength(plan.length + 1)
    expect(publication.tables.reduce((n, p) => n + p.hidden.primary, 0)).toBeGreaterThan(0)
    for (const p of publication.tables)
      for (const r of p.table.objects() as Array<Record<string, unknown>>)
        for (const m of p.indicator.measures.filter((x) => x.kind === "persons")) {
          const v = r[m.column]
          if (typeof v === "number") expect(v === 0 || v > 4, `${p.indicator.id} ${m.column}`).toBe(true)
        }
    const audit = Audit.run([Audit.read(Export.tidy(publication.tables).toCSV(), "kommuner.csv")])
    expect(audit.findings).toEqual([])
  })

  it("published apart, the country's total gives a municipality's small count away, and the audit finds it", () => {
    // Two municipalities of some size and one very small one.
    const three = Tables.combine(
      [
        { municipality: "9101", citizens: 150, seed: 1 },
        { municipality: "9102", citizens: 120, seed: 2 },
        { municipality: "9103", citizens: 4, seed: 3 },
      ].map((m) => Tables.fromDataset(generate({ policy, ...m }), { policy })),
    )
    const byMunicipality = Publish.publish(
      Indicator.compute(Indicators.catalogue.participation, three, { by: ["municipality"] }),
      { profile },
    )
    const whole = Publish.publish(Indicator.compute(Indicators.catalogue.participation, three, { by: [] }), {
      profile,
    })
    // Only the small municipality's participants are hidden: the country's total gives them away.
    expect(byMunicipality.states.map((s) => s.participants ?? null)).toEqual([null, null, "primary"])
    const audit = Audit.run([
      Audit.read(Export.tidy([byMunicipality]).toCSV(), "kommuner.csv"),
      Audit.read(Export.tidy([whole]).toCSV(), "landet.csv"),
    ])
    expect(audit.findings.length).toBeGreaterThan(0)
  })
})
