import { existsSync, readFileSync } from "node:fs"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ServiceStatistics } from "../src/index.js"
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
      /tall\.csv:2: a quoted field is not closed/u,
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
