// Random publications of random small synthetic years, under every profile:
// the audit, reading the published file as anyone would, finds no count in
// the profile's small range that can be read or worked out (strict: 1–4;
// ssb: 1–3, GaussSuppression's maxN; rounding base 5: 1–4, base 3: 1–2).
// FUZZ_RUNS sets the number of runs (default 500). The years and their
// tables are made once; each run picks tables, groupings and a profile.
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Dimension } from "../../src/Dimension.js"
import { Audit, Export, Indicator, Indicators, Profile, Publish, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

const runs = Number(process.env.FUZZ_RUNS ?? 500)

const years = [3, 7, 11, 19, 23, 31].map((seed, i) => {
  const data = generate({ policy, seed, year: 2024, citizens: [8, 15, 25, 40, 12, 30][i]! })
  return Tables.fromDataset(data, {
    policy,
    period: { from: "2024-01-01", to: "2024-12-31" },
    capacity: { sandneshallen: 20, turgruppe: 12 },
  })
})
const counting = Indicators.all.filter((i) => i.measures.some((m) => m.kind === "persons" || m.of !== undefined))
const groupings: ReadonlyArray<ReadonlyArray<Dimension>> = [
  [],
  ["offering"],
  ["month"],
  ["category"],
  ["offering", "month"],
]
const table = fc.record({
  indicator: fc.constantFrom(...counting),
  by: fc.constantFrom(...groupings),
  margins: fc.boolean(),
})
const profiles: ReadonlyArray<Profile.Profile> = [
  { name: "strict", min: 1, max: 4 },
  { name: "ssb", maxN: 3 },
  { name: "rounding", base: 3 },
  { name: "rounding", base: 5 },
]
const formats = ["csv", "json", "arrow"] as const

// Results by (year, indicator, grouping, margins), computed once.
const computed = new Map<string, Indicator.Result>()
const result = (
  y: number,
  indicator: Indicators.IndicatorId | string,
  by: ReadonlyArray<Dimension>,
  margins: boolean,
) => {
  const key = `${y}|${indicator}|${by.join(",")}|${margins}`
  let r = computed.get(key)
  if (r === undefined) {
    const i = counting.find((x) => x.id === indicator)!
    r = Indicator.compute(i, years[y]!, { by: by.filter((d) => i.dimensions.includes(d)), margins })
    computed.set(key, r)
  }
  return r
}

const asFile = (published: ReadonlyArray<Publish.Published>, format: (typeof formats)[number]): Array<Audit.Source> =>
  format === "csv"
    ? [Audit.read(Export.tidy(published).toCSV(), "publication.csv")]
    : format === "json"
      ? [Audit.read(`{"indicators":[${published.map((p) => Export.toJson(p)).join(",")}]}`, "publication.json")]
      : published.map((p, i) => Audit.read(Export.toArrow(p), `table-${i}.arrow`))

describe("a whole publication, audited", () => {
  it(`gives away no small count, on ${runs} random publications of synthetic years under every profile`, () => {
    fc.assert(
      fc.property(
        fc.nat(years.length - 1),
        fc.uniqueArray(table, {
          minLength: 1,
          maxLength: 5,
          selector: (t) => `${t.indicator.id}|${t.by.join(",")}|${t.margins}`,
        }),
        fc.constantFrom(...profiles),
        fc.constantFrom(...formats),
        (y, picks, profile, format) => {
          const results = picks.map((t) => result(y, t.indicator.id, t.by, t.margins))
          const publication = Publish.publishAll(results, { tables: years[y]!, profile })
          // A file that names no profile is audited for the range the publication used.
          const audit = Audit.run(asFile(publication.tables, format), Profile.asRule(profile))
          if (audit.cells.total > 0) expect(audit.range).toEqual(Profile.smallRange(profile))
          expect(audit.findings.map((f) => Audit.describe(f, "en"))).toEqual([])
          if (profile.name === "rounding") {
            // Rounding hides nothing but statistics over fewer than `base` people.
            for (const t of publication.tables) {
              for (const [column, role] of Publish.rowsWithStates(t).flatMap((r) => [...r.hidden])) {
                expect([column, role]).toEqual([column, "primary"])
              }
            }
          }
        },
      ),
      { numRuns: runs },
    )
  })
})
