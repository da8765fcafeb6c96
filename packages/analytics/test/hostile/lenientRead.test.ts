// The lenient readers of the data files (ServiceStatistics.read,
// RecoveryCollege.read, EvaluationPlan.read) on hostile files: one bad row
// costs that row only; a wrong header rejects every row by its line; an
// identity number in a bad cell or a heading is never shown; keys of
// Object.prototype are plain text; nothing the text holds makes them throw.
import { Redact } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { EvaluationPlan, RecoveryCollege, ServiceStatistics } from "../../src/index.js"
import { readCsvRecords } from "../../src/internal/csv.js"
import { valueOrThrow } from "../../src/internal/yearTable.js"
import { hostileTexts, thrown } from "./fixtures.js"

// One made-up identity number (1 January 1990), written four ways.
const forms = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45"] as const

const showsNoId = (text: string): void => {
  for (const id of forms) expect(text).not.toContain(id)
  expect(Redact.containsNationalId(text)).toBe(false)
}

const stats = "id,label_nb,label_en,unit,2020,2021"
const plan = "Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id"
const population = "municipality,year,population"

// The four readers, each with read and its strict twin parse (the population's twin is the Node readPopulation's core).
const readers = {
  Population: {
    file: "p.csv",
    read: RecoveryCollege.readPopulation,
    parse: (t: string, f: string) => valueOrThrow(RecoveryCollege.readPopulation(t, f)),
  },
  ServiceStatistics: { file: "s.csv", read: ServiceStatistics.read, parse: ServiceStatistics.parse },
  RecoveryCollege: { file: "rc.csv", read: RecoveryCollege.read, parse: RecoveryCollege.parse },
  EvaluationPlan: {
    file: "plan.csv",
    read: (t: string, f: string) => EvaluationPlan.read(t, f),
    parse: (t: string, f: string) => EvaluationPlan.parse(t, f),
  },
} as const

describe.each(forms)("an identity number written %s", (id) => {
  // Each reader, with the number in a cell that rejects its row, between two good rows. A
  // number cell holds it after a word: the plain form alone is a whole number.
  const cases = [
    ["a year cell", "ServiceStatistics", `${stats}\na,A,A,count,1,2\nb,B,B,count,nr ${id},2\nc,C,C,count,3,4\n`],
    ["a unit", "ServiceStatistics", `${stats}\na,A,A,count,1,2\nb,B,B,${id},1,2\nc,C,C,count,3,4\n`],
    ["a repeated id", "ServiceStatistics", `${stats}\n${id},A,A,count,1,2\n${id},B,B,count,1,2\nc,C,C,count,3,4\n`],
    ["a total", "RecoveryCollege", `municipality,2021,total\nTime,1,1\nKlepp,2,nr ${id}\nHå,3,3\n`],
    ["a repeated municipality", "RecoveryCollege", `municipality,2021\n${id},1\n${id},2\nHå,3\n`],
    ["an answer", "EvaluationPlan", `${plan}\nA,B,Ja,C,a\nD,E,${id},F,d\nG,H,Nei,I,g\n`],
    ["a population", "Population", `${population}\nTime,2021,1\nKlepp,2021,nr ${id}\nHå,2021,3\n`],
    ["a repeated municipality and year", "Population", `${population}\n${id},2021,1\n${id},2021,2\nHå,2021,3\n`],
  ] as const

  it.each(cases)("in %s rejects that row only, masked in read's problems and in parse's error", (_, name, text) => {
    const reader = readers[name]
    const { value, rejected } = reader.read(text, reader.file)
    const kept: ReadonlyArray<unknown> = Array.isArray(value)
      ? value
      : "series" in value
        ? value.series
        : (value as { readonly rows: ReadonlyArray<unknown> }).rows
    expect(kept).toHaveLength(2)
    expect(rejected.length).toBeGreaterThan(0)
    expect(new Set(rejected.map((p) => p.line)).size).toBe(1)
    showsNoId(JSON.stringify(rejected))
    expect(JSON.stringify(rejected)).toContain(Redact.MASK)
    const e = thrown(() => reader.parse(text, reader.file))
    expect(e.problems).toHaveLength(rejected.length)
    showsNoId(e.message)
    expect(e.message).toContain(Redact.MASK)
  })

  it("in a heading is never quoted, whatever else is wrong with the header", () => {
    const results = [
      ServiceStatistics.read(`id,label_nb,unit,${id},2021\na,A,count,x,1\n`, "s.csv"),
      ServiceStatistics.read(`id,label_nb,label_en,unit,${id}\na,A,A,count,1\n`, "s.csv"),
      RecoveryCollege.read(`municipality,${id}\nTime,1\n`, "rc.csv"),
      EvaluationPlan.read(`${id},Vurdering,Videreføres?,Hvem?\nA,B,Ja,C\n`, "plan.csv"),
    ]
    for (const { rejected } of results) {
      expect(rejected.length).toBeGreaterThan(0)
      const shown = JSON.stringify(rejected)
      showsNoId(shown)
      expect(shown).not.toContain(Redact.MASK)
    }
  })
})

describe("keys of Object.prototype and code in a data file", () => {
  it.each(hostileTexts.filter((t) => !/[\r\n]/u.test(t)))("%s as an id or a municipality is plain text", (text) => {
    const csvCell = `"${text.replace(/"/gu, '""')}"`
    const s = ServiceStatistics.read(`${stats}\n${csvCell},A,A,count,1,2\n${csvCell},B,B,count,3,4\n`, "s.csv")
    expect(s.value.series.map((x) => [x.id, x.values.get(2021)])).toEqual([[text.trim(), 2]])
    expect(s.rejected.map((p) => [p.line, p.field])).toEqual([[3, "id"]])
    const rc = RecoveryCollege.read(`municipality,2021,total\n${csvCell},1,\nSola,2,2\n${csvCell},3,3\n`, "rc.csv")
    expect(rc.value.rows.map((r) => [r.municipality, r.total])).toEqual([
      [text.trim(), null],
      ["Sola", 2],
    ])
    expect(rc.rejected.map((p) => p.line)).toEqual([4])
    const p = EvaluationPlan.read(`${plan}\n${csvCell},${csvCell},Ja,${csvCell},${csvCell}\n`, "plan.csv")
    expect(p.value.rows.map((r) => [r.id, r.measure.nb, r.continue])).toEqual([[text, text, "yes"]])
    expect(p.rejected).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
  })

  it("an answer named like a key of Object.prototype is an unknown answer", () => {
    for (const answer of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const { value, rejected } = EvaluationPlan.read(`${plan}\nA,B,${answer},C,a\n`, "plan.csv")
      expect(value.rows).toEqual([])
      expect(rejected.map((p) => [p.line, p.field])).toEqual([[2, "Videreføres?"]])
    }
  })

  it("a heading __proto__ stays a text column and gives the rows no prototype's keys", () => {
    const { value, rejected } = RecoveryCollege.read("municipality,__proto__,2021,constructor\nTime,x,1,y\n", "rc.csv")
    expect(rejected).toEqual([])
    expect(value.rows.map((r) => [r.municipality, r.total, r.source])).toEqual([["Time", null, undefined]])
  })
})

describe("whatever the text holds", () => {
  const piece = fc.constantFrom(
    stats,
    plan,
    "municipality,2021,total",
    "a,A,A,count,1,2",
    "Time,1,1",
    "A,B,Ja,C,a",
    population,
    "Time,2021,1",
    '"',
    '""',
    ",",
    "\r\n",
    "\n",
    "\r",
    "\uFEFF",
    "__proto__",
    forms[0],
  )

  it("the readers never throw, and every problem names a line where a record starts (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 30 }), (parts) => {
        const text = parts.join("")
        const starts = new Set(readCsvRecords(text).map((r) => r.line))
        for (const { read, file } of Object.values(readers)) {
          const { value, rejected } = read(text, file)
          expect(value).toBeDefined()
          for (const p of rejected) expect(starts.has(p.line) || (starts.size === 0 && p.line === 1)).toBe(true)
          showsNoId(JSON.stringify(rejected))
        }
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
    )
  })

  it("one stray quote costs one record, and reading goes on after it", () => {
    const rows = Array.from({ length: 50 }, (_, i) => `m${i},M,M,count,${i},${i}`)
    rows[10] = `m10,"M,M,count,10,10`
    const { value, rejected } = ServiceStatistics.read(`${stats}\n${rows.join("\n")}\n`, "s.csv")
    expect(value.series).toHaveLength(49)
    expect(rejected.map((p) => [p.line, p.field])).toEqual([[12, "(row)"]])
  })

  it("a file of quotes that open again and again is read in one pass, each record accounted for", () => {
    // Each line closes the quote the line before opened and opens another: one record that never ends.
    const text = `${stats}\n${'x",y,"\n'.repeat(50_000)}`
    const started = Date.now()
    const { value, rejected } = ServiceStatistics.read(text, "s.csv")
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(value.series).toEqual([])
    expect(rejected.map((p) => [p.line, p.field])).toEqual([[2, "(row)"]])
  })
})
