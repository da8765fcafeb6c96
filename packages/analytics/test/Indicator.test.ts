// The indicator constructors: the counts of an empty group are 0, each rate
// measure is numerator / denominator (null over 0), and `derive` sees the
// filled counts. Checked against hand computations on a counts table given
// directly, so that only the constructor is under test.
import * as aq from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AnalyticsError, Dimension, Indicator, Indicators, Tables } from "../src/index.js"
import { policy } from "./fixturePolicy.js"
import { att, tableEqual, year } from "./helpers.js"

const tables = Tables.fromDataset(
  year({
    attendance: [
      att(1, "turgruppe", "2024-02-07"),
      att(2, "turgruppe", "2024-02-07", "no-show"),
      att(1, "sandneshallen", "2024-03-04", "absent"),
    ],
  }),
  { policy },
)

const definition: Indicator.Definition = {
  numerator: { nb: "Møtt", en: "Present" },
  denominator: { nb: "Registrerte oppmøter", en: "Registered attendances" },
  unit: { nb: "andel", en: "share" },
  period: { nb: "Datoen for samlingen", en: "The session's date" },
}
const booked: Indicator.Measure = {
  column: "booked",
  label: { nb: "Registrert", en: "Booked" },
  kind: "count",
  unit: "attendances",
}
const present: Indicator.Measure = { ...booked, column: "present", label: { nb: "Møtt", en: "Present" } }
const absent: Indicator.Measure = { ...booked, column: "absent", label: { nb: "Ikke møtt", en: "Absent" } }
const share: Indicator.Measure = {
  column: "share",
  label: { nb: "Andel", en: "Share" },
  kind: "rate",
  unit: "share",
  numerator: "present",
  denominator: "booked",
}
// One group with counts, one where the join left them missing, one with a 0 denominator.
const given = aq.table({ offering: ["a", "b", "c"], booked: [4, null, 0], present: [3, undefined, 0] })
const plain = {
  id: "shareTest",
  name: { nb: "Andel møtt", en: "Share present" },
  definition,
  seed: Indicators.catalogue.attendanceRate.seed,
  measures: [booked, present, absent, share],
  headline: "share",
  counts: () => given,
}
const spec = { ...plain, derive: (filled: aq.ColumnTable) => filled.derive({ absent: "d => d.booked - d.present" }) }

describe("Indicator.rate", () => {
  it("fills missing counts with 0, derives from the filled counts, and divides (null over 0)", () => {
    const built = Indicator.rate(spec)
    tableEqual(Indicator.compute(built, tables, { by: ["offering"] }).table, {
      offering: ["a", "b", "c"],
      booked: [4, 0, 0],
      present: [3, 0, 0],
      absent: [1, 0, 0],
      share: [3 / 4, null, null],
    })
  })

  it("gives the standard dimensions grouped by offering unless told otherwise", () => {
    const built = Indicator.rate(spec)
    expect(built.dimensions).toEqual(Dimension.standard)
    expect(built.defaultBy).toEqual(["offering"])
    const own = Indicator.rate({ ...spec, dimensions: ["month"], defaultBy: [] })
    expect(own.dimensions).toEqual(["month"])
    expect(own.defaultBy).toEqual([])
  })

  it("computes from the records as the catalogue's attendance rate does", () => {
    const attendance = Indicator.rate({
      ...plain,
      measures: [booked, present, share],
      counts: (t, by) => t.attendance.groupby(...by).rollup({ booked: aq.op.count(), present: aq.op.sum("present") }),
    })
    const mine = Indicator.compute(attendance, tables, { by: ["offering"], margins: true }).table
    tableEqual(mine, {
      offering: ["sandneshallen", "turgruppe", "(total)"],
      booked: [1, 2, 3],
      present: [0, 1, 1],
      share: [0, 1 / 2, 1 / 3],
    })
    const theirs = Indicator.compute(Indicators.catalogue.attendanceRate, tables, { by: ["offering"], margins: true })
    expect(mine.array("share")).toEqual(theirs.table.array("rate"))
  })

  it("refuses an indicator without a rate, a rate over a column it does not have, or counts that are no function", () => {
    expect(() => Indicator.rate({ ...spec, measures: [booked, present], headline: "present" })).toThrow(
      /use Indicator\.count/u,
    )
    expect(() => Indicator.rate({ ...spec, measures: [booked, { ...share, numerator: "other" }] })).toThrow(
      /must name its numerator and denominator/u,
    )
    expect(() => Indicator.rate({ ...spec, counts: "no" as never })).toThrow(AnalyticsError)
    expect(() => Indicator.rate(null as never)).toThrow(AnalyticsError)
  })
})

describe("Indicator.compute's row order", () => {
  it("sorts by the dimensions as arquero's orderby does, whatever order the counts came in, ties in row order", () => {
    const rows = aq.table({
      offering: ["b", "a", null, "a", "b"],
      booked: [1, 2, 3, 4, 5],
      present: [1, 1, 1, 1, 1],
      absent: [0, 1, 2, 3, 4],
      share: [1, 0.5, 1 / 3, 0.25, 0.2],
    })
    // An indicator whose compute gives an ordered table, as orderby on it gives.
    const raw = rows.orderby(aq.desc("booked"))
    const direct = { ...Indicator.rate({ ...plain, counts: () => rows }), compute: () => raw }
    const r = Indicator.compute(direct, tables, { by: ["offering"] }).table
    expect(Array.from(r.array("booked") as ArrayLike<number>)).toEqual(
      Array.from(raw.orderby("offering").array("booked") as ArrayLike<number>),
    )
    expect(Array.from(r.array("offering") as ArrayLike<string>)).toEqual(["(unknown)", "a", "a", "b", "b"])
  })
})

describe("Indicator.count", () => {
  it("fills missing counts with 0 and adds no rate", () => {
    const built = Indicator.count({ ...plain, measures: [booked, present], headline: "present" })
    tableEqual(Indicator.compute(built, tables, { by: ["offering"] }).table, {
      offering: ["a", "b", "c"],
      booked: [4, 0, 0],
      present: [3, 0, 0],
    })
  })

  it("refuses a measure of kind rate", () => {
    expect(() => Indicator.count(spec)).toThrow(/use Indicator\.rate/u)
  })
})

// Without `derive`, the filled counts and the rates are written as one table;
// with an identity `derive`, they take the straightforward way (a filled
// table, then one with the rates). Both must give the same table, column for
// column, on random counts: missing and typed counts, a rate that replaces a
// column, a rate over an earlier rate, and tables filtered or ordered.
describe("Indicator.rate without derive", () => {
  const count = (column: string): Indicator.Measure => ({ ...booked, column })
  const rate = (column: string, numerator: string, denominator: string): Indicator.Measure => ({
    ...share,
    column,
    numerator,
    denominator,
  })
  const measures = [
    count("booked"),
    count("present"),
    rate("share", "present", "booked"),
    rate("ratio", "share", "booked"),
  ]
  const value = fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constantFrom(null, undefined, Number.NaN))
  const counts = fc.integer({ min: 0, max: 6 }).chain((n) =>
    fc.record({
      offering: fc.array(fc.constantFrom("a", "b", null), { minLength: n, maxLength: n }),
      booked: fc.array(value, { minLength: n, maxLength: n }),
      present: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
      share: fc.array(value, { minLength: n, maxLength: n }),
      extra: fc.array(fc.integer(), { minLength: n, maxLength: n }),
      typed: fc.boolean(),
      shape: fc.constantFrom("plain", "filtered", "ordered"),
    }),
  )

  it("gives the table the straightforward way gives, raw and computed", () => {
    fc.assert(
      fc.property(counts, fc.boolean(), (c, withShare) => {
        let raw = aq.table({
          offering: c.offering,
          ...(withShare ? { share: c.share } : {}),
          booked: c.booked,
          present: c.typed ? Int32Array.from(c.present) : c.present,
          extra: Float64Array.from(c.extra),
        })
        if (c.shape === "filtered") raw = raw.filter("d => d.extra > 0")
        if (c.shape === "ordered") raw = raw.orderby("extra")
        const base = { ...plain, id: "fusedRates", measures, counts: () => raw }
        const fast = Indicator.rate(base)
        const straight = Indicator.rate({ ...base, derive: (t: aq.ColumnTable) => t })
        const a = fast.compute(tables, ["offering"])
        const b = straight.compute(tables, ["offering"])
        expect(a.columnNames()).toEqual(b.columnNames())
        expect(a.objects()).toEqual(b.objects())
        const r = Indicator.compute(fast, tables, { by: ["offering"] }).table
        const s = Indicator.compute(straight, tables, { by: ["offering"] }).table
        expect(r.columnNames()).toEqual(s.columnNames())
        expect(r.objects()).toEqual(s.objects())
      }),
      { numRuns: 300 },
    )
  })
})

// A table an indicator gives already sorted, with exactly its columns and no
// missing value, is the result as it stands; any other is sorted and cleaned.
// Both must give what sorting and cleaning by hand gives.
describe("Indicator.compute on a table that is tidy already", () => {
  const direct = (raw: aq.ColumnTable): Indicator.Indicator => ({
    ...Indicator.count({ ...plain, measures: [booked, present], headline: "present" }),
    compute: () => raw,
  })
  const byHand = (raw: aq.ColumnTable): Array<Record<string, unknown>> =>
    (raw.orderby("offering").objects() as Array<Record<string, unknown>>).map((row) => {
      const missing = (v: unknown) => v === undefined || v === null || Number.isNaN(v)
      return {
        offering: missing(row.offering) ? "(unknown)" : row.offering,
        booked: missing(row.booked) ? null : row.booked,
        present: missing(row.present) ? null : row.present,
      }
    })

  it("returns a sorted table with exactly its columns and no missing value as it stands", () => {
    const raw = aq.table({ offering: ["a", "b"], booked: [2, 1], present: [null, 1] })
    expect(Indicator.compute(direct(raw), tables, { by: ["offering"] }).table).toBe(raw)
  })

  it("writes a new table when the rows are out of order, a value is missing, or a column is extra or typed", () => {
    const cases = [
      aq.table({ offering: ["b", "a"], booked: [2, 1], present: [1, 1] }),
      aq.table({ offering: [null, "a"], booked: [2, 1], present: [1, 1] }),
      aq.table({ offering: ["a", "b"], booked: [Number.NaN, 1], present: [1, 1] }),
      aq.table({ offering: ["a", "b"], booked: [undefined, 1], present: [1, 1] }),
      aq.table({ offering: ["a", "b"], booked: [2, 1], present: [1, 1], extra: [0, 0] }),
      aq.table({ offering: ["a", "b"], present: [1, 1], booked: [2, 1] }),
      aq.table({ offering: ["a", "b"], booked: Float64Array.of(2, 1), present: [1, 1] }),
    ]
    for (const raw of cases) {
      const r = Indicator.compute(direct(raw), tables, { by: ["offering"] }).table
      expect(r).not.toBe(raw)
      expect(r.columnNames()).toEqual(["offering", "booked", "present"])
      expect(r.objects()).toEqual(byHand(raw))
    }
  })

  it("gives what sorting and cleaning by hand gives, on random tables", () => {
    const value = fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom(null, undefined, Number.NaN))
    const raws = fc.integer({ min: 0, max: 6 }).chain((n) =>
      fc.record({
        offering: fc.array(fc.constantFrom("a", "b", "c", null, undefined), { minLength: n, maxLength: n }),
        booked: fc.array(value, { minLength: n, maxLength: n }),
        present: fc.array(value, { minLength: n, maxLength: n }),
        sorted: fc.boolean(),
        order: fc.constantFrom("offering-first", "measures-first"),
      }),
    )
    fc.assert(
      fc.property(raws, (c) => {
        let raw =
          c.order === "offering-first"
            ? aq.table({ offering: c.offering, booked: c.booked, present: c.present })
            : aq.table({ booked: c.booked, present: c.present, offering: c.offering })
        if (c.sorted) raw = raw.orderby("offering").reify()
        const r = Indicator.compute(direct(raw), tables, { by: ["offering"] }).table
        expect(r.columnNames()).toEqual(["offering", "booked", "present"])
        expect(r.objects()).toEqual(byHand(raw))
      }),
      { numRuns: 300 },
    )
  })
})
