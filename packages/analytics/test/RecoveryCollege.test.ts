import { readFileSync } from "node:fs"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { buildReport, RecoveryCollege } from "../src/index.js"
import { policy } from "./fixturePolicy.js"
import { twoSessions } from "./helpers.js"

const text = readFileSync(
  new URL("../../../examples/data/recovery-college-participants-2019-2021.csv", import.meta.url),
  "utf8",
)
const rc = RecoveryCollege.parse(text, "recovery-college-participants-2019-2021.csv")

describe("RecoveryCollege", () => {
  it("reads the shipped table, whose rows and columns add up as in the seed", () => {
    expect(rc.years).toEqual([2019, 2020, 2021])
    for (const row of rc.rows) expect([...row.values.values()].reduce((a, b) => a! + b!, 0)).toBe(row.total)
    const municipalities = rc.rows.filter((r) => r.municipality !== "Totalt")
    const total = rc.rows.find((r) => r.municipality === "Totalt")!
    for (const year of rc.years)
      expect(municipalities.reduce((a, r) => a + r.values.get(year)!, 0)).toBe(total.values.get(year))
    expect(rc.rows.find((r) => r.municipality === "Sandnes")!.values.get(2021)).toBe(47)
  })

  it("gives participants per 1,000 inhabitants where the population is known", () => {
    // MADE-UP population figures, for the arithmetic only — not real inhabitants.
    const madeUp = [
      { municipality: "Sandnes", year: 2021, population: 47_000 },
      { municipality: "Sola", year: 2021, population: 20_000 },
    ]
    const rows = (RecoveryCollege.perThousand(rc, madeUp).objects() as Array<Record<string, unknown>>).filter(
      (d) => d.year === 2021 && ["Sandnes", "Sola", "Andre"].includes(d.municipality as string),
    )
    expect(rows).toEqual([
      { municipality: "Sandnes", year: 2021, participants: 47, population: 47_000, perThousand: 1 },
      { municipality: "Sola", year: 2021, participants: 20, population: 20_000, perThousand: 1 },
      { municipality: "Andre", year: 2021, participants: 4, population: null, perThousand: null },
    ])
  })

  it("refuses participants that name one municipality twice, so that no rate is shown under the other row", () => {
    const twice = {
      years: [2021],
      rows: [
        { municipality: "Sandnes", values: new Map([[2021, 2]]), total: null },
        { municipality: "Sandnes", values: new Map([[2021, 50]]), total: null },
      ],
    }
    const population = [{ municipality: "Sandnes", year: 2021, population: 1000 }]
    expect(() => RecoveryCollege.perThousand(twice, population)).toThrow(
      /participants.rows\[1\] names a municipality that appears twice/u,
    )
    // The report's section reads the rates the same way.
    expect(() => buildReport(twoSessions(), { policy, year: 2024, recoveryCollege: twice, population })).toThrow(
      /appears twice/u,
    )
  })

  it("gives one rate per row and year, or refuses a list whose names repeat (property)", () => {
    const row = fc.record({
      municipality: fc.constantFrom("Sandnes", "Sola", "Time", "Andre"),
      value: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const given = {
          years: [2021],
          rows: rows.map((r) => ({ municipality: r.municipality, values: new Map([[2021, r.value]]), total: null })),
        }
        const population = [{ municipality: "Sandnes", year: 2021, population: 1000 }]
        const names = rows.map((r) => r.municipality)
        if (new Set(names).size < names.length) {
          expect(() => RecoveryCollege.perThousand(given, population)).toThrow(/appears twice/u)
          return
        }
        const out = RecoveryCollege.perThousand(given, population).objects() as Array<Record<string, unknown>>
        expect(out.map((r) => r.municipality)).toEqual(names)
        for (const [i, r] of out.entries()) expect(r.participants).toBe(rows[i]!.value)
      }),
    )
  })

  it("refuses a population of zero or less", () => {
    expect(() => RecoveryCollege.perThousand(rc, [{ municipality: "Time", year: 2020, population: 0 }])).toThrow(
      /Invalid population for Time 2020/u,
    )
  })

  it("refuses negative participants with the file, line and field", () => {
    expect(() => RecoveryCollege.parse("municipality,2020\nTime,-3\n", "rc.csv")).toThrow(
      /rc\.csv:2, field 2020: Expected a number or an empty cell, found "-3"/u,
    )
  })
})
