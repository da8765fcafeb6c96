import { existsSync, readFileSync } from "node:fs"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ServiceStatistics } from "../src/index.js"
import { accountedFor, csvLine, fileOf } from "./dataFiles.js"
import { columnsEqual } from "./helpers.js"

const file = new URL("../../../examples/data/service-statistics-2017-2021.csv", import.meta.url)
const shipped = ServiceStatistics.parse(readFileSync(file, "utf8"), "service-statistics-2017-2021.csv")
const series = (id: string) => shipped.series.find((s) => s.id === id)!

describe("ServiceStatistics.parse", () => {
  it("reads the shipped 2017–2021 series as the seed prints them, with missing figures missing", () => {
    expect(shipped.years).toEqual([2017, 2018, 2019, 2020, 2021])
    expect([...series("new-cases").values.values()]).toEqual([null, null, null, 966, 1585])
    expect([...series("rph-citizens").values.values()]).toEqual([300, 404, 863, 636, 1001])
    expect([...series("info-help-contacts").values.values()]).toEqual([null, 1003, 1428, 1530, 2649])
    expect([...series("recovery-help").values.values()]).toEqual([null, null, null, 22, 130])
    expect([...series("sick-leave").values.values()]).toEqual([8.3, 9.3, 8.2, 8.2, 8.6])
    expect(series("sick-leave").unit).toBe("percent")
  })

  // The seed lives outside the repository; when it is at hand, every figure of lines 38–55 must match it.
  const seed = new URL(
    "../../../docs/sources/ (Resultatvurdering Mestringsenheten 2021, med Jæren Recovery College)",
    import.meta.url,
  )
  it.skipIf(!existsSync(seed))(
    "matches every figure of Resultatvurdering Mestringsenheten 2021, med Jæren Recovery College lines 38–55",
    () => {
      const lines = readFileSync(seed, "utf8").split("\n").slice(37, 55)
      const figures = lines.map((l) =>
        l
          .split("\t")
          .slice(1)
          .map((c) => c.trim()),
      )
      const ids = [
        "new-cases",
        "extensions",
        "rph-citizens",
        "lar-citizens",
        "fact-citizens",
        "mo-centre-contacts",
        "info-help-contacts",
        "overdose-deaths",
        "course-participants",
        "pro-service",
        "activity-contact-decisions",
        "housing-waiting-list",
        "compulsory-placements",
        "pregnant-measures",
        "tsb-citizens",
        "emergency-nights",
        "individual-plans",
        "complaints",
      ]
      ids.forEach((id, i) => {
        const printed = figures[i]!.map((c) => (c === "" ? null : Number(c.split("/")[0])))
        expect([...series(id).values.values()], id).toEqual(printed)
      })
      expect(figures[9]!.slice(3)).toEqual(["13/22", "12/130"])
    },
  )

  it("names the file, line and field of every bad cell, in English and bokmål", () => {
    const bad = "id,label_nb,label_en,unit,2020,2021\na,A,A,count,12a,3\nb,B,B,persons,1,2\na,A,A,count,1\n"
    try {
      ServiceStatistics.parse(bad, "tall.csv")
      expect.unreachable()
    } catch (e) {
      const message = String((e as Error).message)
      expect(message).toContain('tall.csv:2, field 2020: Expected a number or an empty cell, found "12a"')
      expect(message).toContain("tall.csv:2, felt 2020: Forventet et tall eller en tom celle, fant «12a»")
      expect(message).toContain("tall.csv:4, field (row): Expected 6 fields, found 5")
    }
    expect(() => ServiceStatistics.parse("id,label_nb,label_en,unit,2020\nb,B,B,persons,1\n", "tall.csv")).toThrow(
      /tall\.csv:2, field unit: Unknown unit "persons"/u,
    )
    expect(() => ServiceStatistics.parse("id,label_nb,unit,2020\n", "tall.csv")).toThrow(
      /tall\.csv:1, field label_en: Missing the column "label_en"/u,
    )
    expect(() => ServiceStatistics.parse('id,label_nb,label_en,unit,2020\n"a,A', "tall.csv")).toThrow(
      /tall\.csv:2, field \(row\): A quoted field is not closed/u,
    )
  })
})

describe("ServiceStatistics.read", () => {
  const header = "id,label_nb,label_en,unit,2020,2021"

  it("keeps the good rows around a bad one, and names each bad row's line and field", () => {
    const text = `${header}\na,A,A,count,1,2\nb,B,B,count,12a,3\nc,C,C,persons,1,2\nd,D,D,count,5\na,A2,A2,count,7,8\ne,E,E,percent,8.5,"9,5"\n`
    const { value, rejected } = ServiceStatistics.read(text, "tall.csv")
    expect(value.years).toEqual([2020, 2021])
    expect(value.series.map((s) => [s.id, s.label.nb, [...s.values]])).toEqual([
      [
        "a",
        "A",
        [
          [2020, 1],
          [2021, 2],
        ],
      ],
      [
        "e",
        "E",
        [
          [2020, 8.5],
          [2021, 9.5],
        ],
      ],
    ])
    expect(rejected.map((p) => [p.line, p.field, p.message.en])).toEqual([
      [3, "2020", 'Expected a number or an empty cell, found "12a"'],
      [4, "unit", 'Unknown unit "persons"; expected count, activities, percent or fte'],
      [5, "(row)", "Expected 6 fields, found 5"],
      [6, "id", '"a" also appears on line 2; a value of the column "id" may appear only once'],
    ])
    expect(rejected[0]!.message.nb).toBe("Forventet et tall eller en tom celle, fant «12a»")
    expect(rejected.every((p) => p.file === "tall.csv")).toBe(true)
  })

  it("names every problem of a row, not only the first", () => {
    const { value, rejected } = ServiceStatistics.read(`${header}\n,X,X,kilos,x,-\n`, "tall.csv")
    expect(value.series).toEqual([])
    expect(rejected.map((p) => p.field)).toEqual(["id", "2020", "2021", "unit"])
    expect(new Set(rejected.map((p) => p.line))).toEqual(new Set([2]))
  })

  it("rejects every row, each at its own line, when the header is wrong, and keeps none", () => {
    for (const head of [
      "id,label_nb,unit,2020,2021",
      "id,label_nb,label_en,unit",
      "id,label_nb,label_en,unit,2020,2020",
    ]) {
      const { value, rejected } = ServiceStatistics.read(`${head}\na,A,A,count,1,2\n\nb,B,B,count,3,4\n`, "tall.csv")
      expect(value).toEqual({ years: [], series: [] })
      expect([...new Set(rejected.map((p) => p.line))]).toEqual([2, 4])
      for (const p of rejected)
        expect(p.message.en).toMatch(/^The header row \(line 1\) is wrong, so no row can be read: /u)
    }
    const missing = ServiceStatistics.read("id,label_nb,unit,2020\na,A,count,1\n", "tall.csv").rejected
    expect(missing.map((p) => [p.line, p.field, p.message.en])).toEqual([
      [2, "label_en", 'The header row (line 1) is wrong, so no row can be read: Missing the column "label_en"'],
    ])
    expect(missing[0]!.message.nb).toBe(
      "Overskriftsraden (linje 1) er feil, så ingen rad kan leses: Mangler kolonnen «label_en»",
    )
  })

  it("names a wrong header or an empty file at the header's line when there is no row to reject", () => {
    expect(ServiceStatistics.read("", "tall.csv")).toEqual({
      value: { years: [], series: [] },
      rejected: [
        { file: "tall.csv", line: 1, field: "(header)", message: { nb: "Filen er tom", en: "The file is empty" } },
      ],
    })
    expect(ServiceStatistics.read("\n\nid,label_nb,unit,2020\n", "tall.csv").rejected).toEqual([
      {
        file: "tall.csv",
        line: 3,
        field: "label_en",
        message: { nb: "Mangler kolonnen «label_en»", en: 'Missing the column "label_en"' },
      },
    ])
    expect(() => ServiceStatistics.parse("", "tall.csv")).toThrow(/tall\.csv:1, field \(header\): The file is empty/u)
  })

  it("rejects the row of a quote that never closes and reads the lines after it", () => {
    const text = `${header}\na,A,A,count,1,2\n"b,B,B,count,3,4\nc,C,C,count,5,6\n`
    const { value, rejected } = ServiceStatistics.read(text, "tall.csv")
    expect(value.series.map((s) => s.id)).toEqual(["a", "c"])
    expect(rejected.map((p) => [p.line, p.field, p.message.en])).toEqual([[3, "(row)", "A quoted field is not closed"]])
    const head = ServiceStatistics.read(`"id,label_nb\na,A,A,count,1,2\n`, "tall.csv").rejected
    expect(head.map((p) => [p.line, p.field])).toEqual([[2, "(header)"]])
  })

  it("parse is read made strict: the same series when nothing is rejected, else every problem of read", () => {
    const good = `${header}\na,A,A,count,1,2\n`
    expect(ServiceStatistics.parse(good, "tall.csv")).toEqual(ServiceStatistics.read(good, "tall.csv").value)
    const bad = `${header}\na,A,A,count,1,2\nb,B,B,kilos,x,2\n`
    const e = (() => {
      try {
        ServiceStatistics.parse(bad, "tall.csv")
      } catch (err) {
        return err as ServiceStatistics.DataFileError
      }
      throw new Error("expected a DataFileError")
    })()
    expect(e).toBeInstanceOf(ServiceStatistics.DataFileError)
    expect(e.problems.map((p) => [p.line, p.field, p.message])).toEqual(
      ServiceStatistics.read(bad, "tall.csv").rejected.map((p) => [p.line, p.field, p.message]),
    )
  })

  it("throws only for arguments that are not texts", () => {
    expect(() => ServiceStatistics.read(7 as never, "tall.csv")).toThrow(
      /ServiceStatistics\.read: text must be a text/u,
    )
    expect(() => ServiceStatistics.read("", null as never)).toThrow(/ServiceStatistics\.read: file must be a text/u)
  })

  it("keeps every valid row as written and names every other by its line (property)", () => {
    const cell = fc.option(fc.integer({ min: -500, max: 5000 }), { nil: null })
    const row = fc.record({
      kind: fc.constantFrom("valid", "valid", "valid", "number", "unit", "fields", "emptyId", "repeat"),
      label: fc.string({ maxLength: 12 }),
      values: fc.tuple(cell, cell),
      pick: fc.nat(),
      blankBefore: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.boolean(), (rows, openLast) => {
        const seen: Array<string> = []
        const valid: Array<[string, string, Array<[number, number | null]>]> = []
        const badAt: Array<number> = []
        const built = rows.map((r, i) => {
          const repeats = r.kind === "repeat" && seen.length > 0
          const id = repeats ? seen[r.pick % seen.length]! : r.kind === "emptyId" ? "" : `m-${i}`
          const cells = [id, r.label, r.label, r.kind === "unit" ? "persons" : "count"]
          cells.push(...r.values.map((v) => (v === null ? "" : String(v))))
          if (r.kind === "number") cells[4] = "12a"
          if (r.kind !== "fields" && id !== "" && !seen.includes(id)) seen.push(id)
          const ok = r.kind === "valid" || (r.kind === "repeat" && !repeats)
          if (ok)
            valid.push([id, r.label.trim(), [2020, 2021].map((y, k) => [y, r.values[k]!] as [number, number | null])])
          else badAt.push(i)
          return { line: csvLine(r.kind === "fields" ? cells.slice(0, 5) : cells), blankBefore: r.blankBefore }
        })
        if (openLast) {
          built.push({ line: '"open,A,A,count,1,2', blankBefore: false })
          badAt.push(built.length - 1)
        }
        const { text, lines } = fileOf(header, built)
        const { value, rejected } = ServiceStatistics.read(text, "tall.csv")
        expect(value.series.map((s) => [s.id, s.label.nb, [...s.values]])).toEqual(valid)
        expect(value.series.map((s) => s.label.en)).toEqual(valid.map(([, label]) => label))
        accountedFor(
          value.series.length,
          rejected,
          "tall.csv",
          lines,
          badAt.map((i) => lines[i]!),
        )
        if (rejected.length === 0) expect(ServiceStatistics.parse(text, "tall.csv")).toEqual(value)
        else expect(() => ServiceStatistics.parse(text, "tall.csv")).toThrow(ServiceStatistics.DataFileError)
      }),
    )
  })
})

describe("ServiceStatistics.changes", () => {
  it("reports level, change and percentage change, and no change across a missing year", () => {
    const t = ServiceStatistics.changes(shipped).filter(
      (d: { measure: string }) => d.measure === "new-cases" || d.measure === "rph-citizens",
    )
    columnsEqual(t, {
      measure: [
        "new-cases",
        "new-cases",
        "new-cases",
        "new-cases",
        "new-cases",
        "rph-citizens",
        "rph-citizens",
        "rph-citizens",
        "rph-citizens",
        "rph-citizens",
      ],
      year: [2017, 2018, 2019, 2020, 2021, 2017, 2018, 2019, 2020, 2021],
      level: [null, null, null, 966, 1585, 300, 404, 863, 636, 1001],
      change: [null, null, null, null, 619, null, 104, 459, -227, 365],
      changePercent: [
        null,
        null,
        null,
        null,
        (619 / 966) * 100,
        null,
        (104 / 300) * 100,
        (459 / 404) * 100,
        (-227 / 863) * 100,
        (365 / 636) * 100,
      ],
    })
  })

  it("never fills a missing figure and computes change only between adjacent known years", () => {
    const cell = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null, freq: 3 })
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (values) => {
        const years = values.map((_, i) => 2015 + i)
        const csv = `id,label_nb,label_en,unit,${years.join(",")}\nx,X,X,count,${values.map((v) => (v === null ? "" : String(v))).join(",")}\n`
        const rows = ServiceStatistics.changes(ServiceStatistics.parse(csv, "x.csv")).objects() as Array<{
          level: number | null
          change: number | null
          changePercent: number | null
        }>
        rows.forEach((r, i) => {
          expect(r.level).toBe(values[i])
          const before = i > 0 ? values[i - 1]! : null
          expect(r.change).toBe(values[i] !== null && before !== null ? values[i]! - before : null)
          if (r.changePercent !== null) expect(r.changePercent).toBeCloseTo((r.change! / before!) * 100, 10)
          else expect(r.change === null || before === 0).toBe(true)
        })
      }),
    )
  })
})
