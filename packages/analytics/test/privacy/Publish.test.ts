import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Dimension, Indicator, Indicators, Profile, Publish, type Suppression, Tables } from "../../src/index.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"
import { att, enr, fit, session, tableEqual, year } from "../helpers.js"
import { revealedByAlgebra, revealedBySubtraction } from "./oracle.js"

/** The default profile of the fixture policy: strict, with its range. */
const strict = Profile.strictFrom(policy, "2024-12-31")

const closed = (id: string, c: number, offeringId: string, status: "completed" | "withdrawn") =>
  enr(id, c, offeringId, "2024-02-01", { closedOn: "2024-03-01", status })
const many = (from: number, n: number, offeringId: string, status: "completed" | "withdrawn") =>
  Array.from({ length: n }, (_, i) => closed(`${offeringId}-${status}-${i}`, from + i, offeringId, status))

// Mudo: 20 completed, 5 withdrawn. Yoga: 3 completed (small), 6 withdrawn.
// Walking group: 6 completed, 2 withdrawn (small complement). Padel: 7 and 7.
const tables = Tables.fromDataset(
  year({
    enrollments: [
      ...many(100, 20, "individuell-trening-mudo", "completed"),
      ...many(200, 5, "individuell-trening-mudo", "withdrawn"),
      ...many(300, 3, "mindfull-restorative-yoga", "completed"),
      ...many(400, 6, "mindfull-restorative-yoga", "withdrawn"),
      ...many(500, 6, "turgruppe", "completed"),
      ...many(600, 2, "turgruppe", "withdrawn"),
      ...many(700, 7, "padelgruppe", "completed"),
      ...many(800, 7, "padelgruppe", "withdrawn"),
    ],
  }),
  { policy },
)

// An object whose getter gives `first` to the first read and `later` to every other.
const shifting = <T extends object>(o: T, key: string, first: unknown, later: unknown): T => {
  let reads = 0
  return Object.defineProperty({ ...o }, key, { get: () => (reads++ === 0 ? first : later), enumerable: true })
}

describe("Publish.publish on a result that answers differently each time it is read", () => {
  it("publishes the result as it was checked", () => {
    const result = Indicator.compute(Indicators.catalogue.completionRate, tables, { by: ["offering"], margins: true })
    const expected = Publish.publish(result, { tables })
    for (const [key, later] of [
      ["by", ["__proto__"]],
      ["table", "d => (globalThis.__pwned = 1)"],
      ["indicator", { id: "__proto__" }],
    ] as const) {
      const one = Publish.publish(shifting(result, key, result[key], later), { tables })
      expect(one.by, key).toEqual(expected.by)
      expect(one.table.objects(), key).toEqual(expected.table.objects())
      const all = Publish.publishAll([shifting(result, key, result[key], later)], { tables })
      expect(all.tables[0]!.table.objects(), key).toEqual(expected.table.objects())
    }
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
  })

  it("refuses a notApplicable that is not true or false per row, naming it", () => {
    const result = Indicator.compute(Indicators.catalogue.completionRate, tables, { by: ["offering"] })
    for (const bad of [[1], "yes", [true, null]])
      expect(() => Publish.publish({ ...result, notApplicable: bad } as never, { tables })).toThrow(
        /the result\.notApplicable must (hold true or false per row|be a list)/u,
      )
  })
})

describe("Publish.publish", () => {
  it("hides small counts and small complements, then enough cells that the total gives nothing away", () => {
    const shown = Publish.publish(
      Indicator.compute(Indicators.catalogue.completionRate, tables, { by: ["offering"], margins: true }),
      { tables: tables },
    )
    // Yoga (3 completed) and the walking group (2 withdrawn) are primary. Their
    // other part goes too (ended − completed would give it), and then the four
    // hidden cells form a square with the totals: none can be worked out.
    // Who ended (9 and 8) stays shown: it reveals only the sum of two hidden cells.
    tableEqual(shown.table, {
      offering: ["individuell-trening-mudo", "mindfull-restorative-yoga", "padelgruppe", "turgruppe", "(total)"],
      ended: [25, 9, 14, 8, 56],
      completed: [20, null, 7, null, 36],
      withdrawn: [5, null, 7, null, 20],
      rate: [0.8, null, 0.5, null, 36 / 56],
      suppressed: [null, "primary", null, "primary", null],
    })
    expect(shown.states[1]).toEqual({ completed: "primary", withdrawn: "secondary", rate: "primary" })
    expect(shown.states[3]).toEqual({ completed: "secondary", withdrawn: "primary", rate: "secondary" })
    expect(shown.hidden).toEqual({ primary: 2, secondary: 2 })
  })

  it("hides a second row when only one is small", () => {
    const onlyYoga = Tables.fromDataset(
      year({
        enrollments: [
          ...many(100, 20, "individuell-trening-mudo", "completed"),
          ...many(300, 3, "mindfull-restorative-yoga", "completed"),
          ...many(700, 7, "padelgruppe", "completed"),
        ],
      }),
      { policy },
    )
    const shown = Publish.publish(
      Indicator.compute(Indicators.catalogue.completionRate, onlyYoga, { by: ["offering"], margins: true }),
      { tables: onlyYoga },
    )
    // Padel (7) is the smallest other row, so it is hidden too; the total stays.
    expect(Array.from(shown.table.array("suppressed"))).toEqual([null, "primary", "secondary", null])
    expect(Array.from(shown.table.array("ended"))).toEqual([20, null, null, 30])
  })

  it("shows indicators without person counts whole", () => {
    const shown = Publish.publish(Indicator.compute(Indicators.catalogue.departmentContributions, tables), {
      tables: tables,
    })
    expect(shown.hidden).toEqual({ primary: 0, secondary: 0 })
  })

  it("hides a small total that has no rows under it", () => {
    // One citizen with one ORS score in each of two offerings: no offering has
    // two scores, so only the total row exists, and it counts one person.
    const shown = Publish.publish(
      Indicator.compute(
        Indicators.catalogue.orsChange,
        Tables.fromDataset(
          year({
            enrollments: [enr("n-1", 1, "turgruppe", "2024-01-01"), enr("n-2", 1, "kreativ-gruppe", "2024-01-01")],
            fitScores: [fit(1, "2024-02-01", "ORS", 10, "n-1"), fit(1, "2024-03-01", "ORS", 20, "n-2")],
          }),
          { policy },
        ),
        { by: ["offering"], margins: true },
      ),
      { profile: strict },
    )
    // The counts of 1 and what is computed over them are hidden; zeros are shown.
    expect(shown.table.objects()).toEqual([
      {
        offering: "(total)",
        citizens: null,
        meanChange: null,
        improved: null,
        improvedRate: null,
        clinicalStart: null,
        recovered: 0,
        recoveredRate: null,
        deteriorated: 0,
        deterioratedRate: null,
        suppressed: "primary",
      },
    ])
  })

  it("publishes tables of three dimensions too: the model has no limit of two", () => {
    const r = Indicator.compute(Indicators.catalogue.attendanceRate, tables, { by: ["offering", "month", "year"] })
    expect(Publish.publish(r, { tables }).table.numRows()).toBe(r.table.numRows())
  })

  it("shows counts that are not about citizens whole, beside hidden counts of people", () => {
    const t = Tables.fromDataset(
      year({
        sessions: [session("turgruppe", "2024-02-07"), session("turgruppe", "2024-02-14")],
        attendance: [att(7, "turgruppe", "2024-02-07")],
      }),
      { policy },
    )
    const shown = Publish.publish(
      Indicator.compute(Indicators.catalogue.participation, t, { by: ["offering"], margins: true }),
      { tables: t },
    )
    const row = shown.table.objects()[0] as Record<string, unknown>
    expect(row).toMatchObject({ offering: "turgruppe", participants: null, attendances: null, sessions: 2 })
    expect(shown.states[0]).toEqual({ participants: "primary", attendances: "primary" })
  })

  // The attacker knows the published rows, the totals and that missing rows are zero.
  const patternOf = (shown: Publish.Published, column: string): Suppression.Pattern => {
    const rows = shown.table.objects() as Array<Record<string, unknown>>
    const [d1, d2] = shown.by
    const keys = (d: Dimension.Dimension | undefined) =>
      d === undefined ? [""] : [...new Set(rows.map((r) => String(r[d])).filter((v) => v !== Dimension.TOTAL))]
    const rk = keys(d1)
    const ck = keys(d2)
    const R = rk.length
    const C = ck.length
    const states: Array<Array<Suppression.CellState>> = Array.from({ length: R + 1 }, (_, i) =>
      Array.from({ length: C + 1 }, (_, j): Suppression.CellState => (i < R && j < C ? "structural" : "unpublished")),
    )
    rows.forEach((r, k) => {
      const a = d1 === undefined ? "" : String(r[d1])
      const b = d2 === undefined ? "" : String(r[d2])
      const i = a === Dimension.TOTAL ? R : rk.indexOf(a)
      const j = d2 === undefined ? 0 : b === Dimension.TOTAL ? C : ck.indexOf(b)
      // A row where the indicator does not apply counts in no total: it hides nothing.
      states[i]![j] = shown.notApplicable?.[k] === true ? "structural" : r[column] === null ? "primary" : "published"
    })
    return { rows: R, columns: C, states }
  }

  it("never shows a count of 1–4 persons and never lets a hidden one be worked out, on random years", () => {
    const publishable = Indicators.all.filter((i) => i.measures.some((m) => m.kind === "persons"))
    const grouping = fc
      .constantFrom(...publishable)
      .chain((indicator) =>
        fc.subarray([...indicator.dimensions], { minLength: 0, maxLength: 2 }).map((by) => ({ indicator, by })),
      )
    fc.assert(
      fc.property(dataset, grouping, fc.boolean(), (data, { indicator, by }, margins) => {
        const t = Tables.fromDataset(data, { policy })
        const shown = Publish.publish(Indicator.compute(indicator, t, { by, margins }), { tables: t })
        for (const m of indicator.measures.filter((x) => x.kind === "persons")) {
          const where = `${indicator.id}.${m.column} by [${by.join(", ")}]${margins ? " with margins" : ""}`
          for (const v of Array.from(shown.table.array(m.column) as ArrayLike<number | null>))
            expect(v === null || v === 0 || v >= 5, `${where}: ${v}`).toBe(true)
          const pattern = patternOf(shown, m.column)
          // With only total rows there are no rows to subtract (and no equations to use).
          if (pattern.rows === 0 || pattern.columns === 0) continue
          expect(revealedBySubtraction(pattern), where).toEqual([])
          expect(revealedByAlgebra(pattern), where).toEqual([])
        }
      }),
      { numRuns: 150 },
    )
  })
})
