import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { RecoveryCollege } from "../src/index.js"

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
