import { readFileSync } from "node:fs"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { buildReport, RecoveryCollege } from "../src/index.js"
import { accountedFor, csvLine, fileOf } from "./dataFiles.js"
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

  it("refuses a population that names a municipality and year twice, so that no rate takes the last", () => {
    const rc = RecoveryCollege.parse("municipality,2024\nSandnes,10\n", "rc.csv")
    const twice = [
      { municipality: "Sandnes", year: 2024, population: 1000 },
      { municipality: "Sandnes", year: 2024, population: 10 },
    ]
    expect(() => RecoveryCollege.perThousand(rc, twice)).toThrow(
      /population\[1\] names a municipality and year that appear twice/u,
    )
    expect(RecoveryCollege.perThousand(rc, twice.slice(0, 1)).objects()[0]).toMatchObject({ perThousand: 10 })
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

describe("RecoveryCollege.read", () => {
  it("keeps the first row of a municipality named twice and rejects the later ones, saying so", () => {
    const text = "municipality,2020,2021,total\nSandnes,2,3,5\nSola,1,1,2\nSandnes,40,50,90\nSandnes,1,1,2\n"
    const { value, rejected } = RecoveryCollege.read(text, "rc.csv")
    expect(value.rows.map((r) => [r.municipality, r.values.get(2021), r.total])).toEqual([
      ["Sandnes", 3, 5],
      ["Sola", 1, 2],
    ])
    expect(rejected.map((p) => [p.line, p.field, p.message.en])).toEqual([
      [
        4,
        "municipality",
        '"Sandnes" also appears on line 2; a value of the column "municipality" may appear only once',
      ],
      [
        5,
        "municipality",
        '"Sandnes" also appears on line 2; a value of the column "municipality" may appear only once',
      ],
    ])
    expect(rejected[0]!.message.nb).toBe(
      "«Sandnes» står også på linje 2; en verdi i kolonnen «municipality» kan stå bare én gang",
    )
    // What read keeps, perThousand takes: one rate per municipality.
    const rates = RecoveryCollege.perThousand(value, [{ municipality: "Sandnes", year: 2021, population: 1000 }])
    expect(rates.objects().filter((r) => (r as { year: number }).year === 2021)).toHaveLength(2)
  })

  it("rejects a negative count or a total that is not a number, and keeps the rest", () => {
    const text = "municipality,2021,total\nTime,-3,\nKlepp,2,x\nHå,4,4\n"
    const { value, rejected } = RecoveryCollege.read(text, "rc.csv")
    expect(value.rows.map((r) => [r.municipality, r.values.get(2021), r.total])).toEqual([["Hå", 4, 4]])
    expect(rejected.map((p) => [p.line, p.field, p.message.en])).toEqual([
      [2, "2021", 'Expected a number or an empty cell, found "-3"'],
      [3, "total", 'Expected a number or an empty cell, found "x"'],
    ])
  })

  it("rejects every row when the header has no year, and keeps none", () => {
    const { value, rejected } = RecoveryCollege.read("municipality,total\nTime,3\nKlepp,2\n", "rc.csv")
    expect(value).toEqual({ years: [], rows: [] })
    expect(rejected.map((p) => [p.line, p.field, p.message.en])).toEqual([
      [2, "(header)", "The header row (line 1) is wrong, so no row can be read: No year columns (such as 2021)"],
      [3, "(header)", "The header row (line 1) is wrong, so no row can be read: No year columns (such as 2021)"],
    ])
    expect(() => RecoveryCollege.parse("municipality,total\nTime,3\n", "rc.csv")).toThrow(
      /rc\.csv:2, field \(header\): The header row \(line 1\) is wrong/u,
    )
  })

  it("keeps every valid row as written, never one name twice, and names every other row (property)", () => {
    const names = ["Sandnes", "Sola", "Time", "Andre", "Totalt", "__proto__", "constructor", "Ålgård"]
    const cell = fc.option(fc.integer({ min: 0, max: 500 }), { nil: null })
    const row = fc.record({
      kind: fc.constantFrom("valid", "valid", "valid", "negative", "total", "fields", "empty"),
      name: fc.constantFrom(...names),
      values: fc.tuple(cell, cell),
      total: cell,
      source: fc.constantFrom("", "seed line 150"),
      blankBefore: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const seen = new Set<string>()
        const valid: Array<unknown> = []
        const badAt: Array<number> = []
        const built = rows.map((r, i) => {
          const name = r.kind === "empty" ? "" : r.name
          const values = r.values.map((v) => (v === null ? "" : String(v)))
          if (r.kind === "negative") values[0] = "-1"
          const cells = [
            name,
            ...values,
            r.kind === "total" ? "mange" : r.total === null ? "" : String(r.total),
            r.source,
          ]
          const ok = r.kind === "valid" && !seen.has(name)
          if (r.kind !== "fields" && name !== "") seen.add(name)
          if (ok)
            valid.push({
              municipality: name,
              values: [
                [2020, r.values[0]],
                [2021, r.values[1]],
              ],
              total: r.total,
              ...(r.source === "" ? {} : { source: r.source }),
            })
          else badAt.push(i)
          return { line: csvLine(r.kind === "fields" ? cells.slice(0, 3) : cells), blankBefore: r.blankBefore }
        })
        const { text, lines } = fileOf("municipality,2020,2021,total,source", built)
        const { value, rejected } = RecoveryCollege.read(text, "rc.csv")
        expect(value.rows.map((r) => ({ ...r, values: [...r.values] }))).toEqual(valid)
        expect(new Set(value.rows.map((r) => r.municipality)).size).toBe(value.rows.length)
        accountedFor(
          value.rows.length,
          rejected,
          "rc.csv",
          lines,
          badAt.map((i) => lines[i]!),
        )
        if (rejected.length === 0) expect(RecoveryCollege.parse(text, "rc.csv")).toEqual(value)
        else expect(() => RecoveryCollege.parse(text, "rc.csv")).toThrow(/problem\(s\) in the data file/u)
      }),
    )
  })
})

describe("RecoveryCollege.readPopulation", () => {
  it("keeps the usable rows and names each other one at its line", () => {
    const text = [
      "municipality,year,population,note",
      "Sandnes,2021,1000,Kari Nordmann",
      "Sola,2021,mange,",
      "Time,21,500,",
      "Sandnes,2021,1200,",
      ",2021,10,",
      "Sola,2021,0,",
      "__proto__,2021,7,",
      "Sola,2022,300,",
    ].join("\n")
    const { value, rejected } = RecoveryCollege.readPopulation(text, "folketall.csv")
    expect(value).toEqual([
      { municipality: "Sandnes", year: 2021, population: 1000 },
      { municipality: "__proto__", year: 2021, population: 7 },
      { municipality: "Sola", year: 2022, population: 300 },
    ])
    expect(rejected.map((p) => `${p.line} ${p.field}: ${p.message.en}`)).toEqual([
      '3 population: Expected a whole population above 0, without separators, found "mange"',
      '4 year: Expected a year such as 2021, found "21"',
      '5 municipality: "Sandnes" "2021" also appears on line 2; each municipality and year may appear only once',
      "6 municipality: Empty municipality",
      // As in the year tables, a pair is given from its first row, even a rejected one.
      '7 municipality: "Sola" "2021" also appears on line 3; each municipality and year may appear only once',
      '7 population: Expected a whole population above 0, without separators, found "0"',
    ])
    // Free text in another column is neither read nor named.
    expect(JSON.stringify(rejected)).not.toContain("Kari")
    expect(({} as Record<string, unknown>).population).toBeUndefined()
  })

  it("refuses a population written with separators or decimals, and a row of the wrong width", () => {
    const text =
      "municipality,year,population\nSandnes,2024,1.000\nSola,2024,12,345\nTime,2024,1 500\nGjesdal,2024,2500\n"
    const { value, rejected } = RecoveryCollege.readPopulation(text, "p.csv")
    expect(value).toEqual([{ municipality: "Gjesdal", year: 2024, population: 2500 }])
    expect(rejected.map((p) => `${p.line} ${p.field}`)).toEqual(["2 population", "3 (row)", "4 population"])
  })

  it("rejects every row when a column is missing, and masks an identity number in a cell", () => {
    const missing = RecoveryCollege.readPopulation("municipality,year\nSandnes,2021\nSola,2021\n", "p.csv")
    expect(missing.value).toEqual([])
    expect(missing.rejected.map((p) => [p.line, p.field])).toEqual([
      [2, "population"],
      [3, "population"],
    ])
    const fnr = RecoveryCollege.readPopulation("municipality,year,population\nSandnes,2021,010190 12345\n", "p.csv")
    expect(fnr.rejected).toHaveLength(1)
    expect(JSON.stringify(fnr.rejected)).not.toMatch(/\d{6}.?\d{5}/u)
  })

  it("keeps every usable row as written and names every other row (property)", () => {
    const row = fc.record({
      kind: fc.constantFrom("valid", "valid", "valid", "year", "population", "zero", "empty"),
      name: fc.constantFrom("Sandnes", "Sola", "Time", "__proto__", "constructor", "Ålgård"),
      year: fc.integer({ min: 2019, max: 2022 }),
      population: fc.integer({ min: 1, max: 100_000 }),
      blankBefore: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const seen = new Set<string>()
        const valid: Array<unknown> = []
        const badAt: Array<number> = []
        const built = rows.map((r, i) => {
          const name = r.kind === "empty" ? "" : r.name
          const year = r.kind === "year" ? "år" : String(r.year)
          const population = r.kind === "population" ? "mange" : r.kind === "zero" ? "0" : String(r.population)
          // A pair counts as given from its first row with a name, valid or not.
          const key = `${name}|${year}`
          const repeated = name !== "" && seen.has(key)
          if (name !== "") seen.add(key)
          if (r.kind === "valid" && !repeated)
            valid.push({ municipality: name, year: r.year, population: r.population })
          else badAt.push(i)
          return { line: csvLine([name, year, population]), blankBefore: r.blankBefore }
        })
        const { text, lines } = fileOf("municipality,year,population", built)
        const { value, rejected } = RecoveryCollege.readPopulation(text, "p.csv")
        expect(value).toEqual(valid)
        accountedFor(
          value.length,
          rejected,
          "p.csv",
          lines,
          badAt.map((i) => lines[i]!),
        )
      }),
    )
  })
})
