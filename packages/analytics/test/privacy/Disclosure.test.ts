// The issue "Disclosure control for the whole publication": the leaks the
// review found, each as a constructed year that the present method (kept in
// bench/legacy.ts) publishes with a small count readable, and the
// publication model does not; and the over-suppression of a 3×3 table.
import { describe, expect, it } from "vitest"
import { publishLegacy, suppress as suppressLegacy } from "../../bench/legacy.js"
import type { Result } from "../../src/Indicator.js"
import { Audit, Export, Indicator, Indicators, Profile, Publish, Suppression, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { att, fit, session, year } from "../helpers.js"

const period = { from: "2024-01-01", to: "2024-12-31" }

// The audit of a publication as its long CSV would be published.
const audit = (published: ReadonlyArray<Publish.Published>) =>
  Audit.run([Audit.read(Export.tidy(published).toCSV(), "publication.csv")])
const legacy = (results: ReadonlyArray<Result>) => results.map((r) => ({ ...publishLegacy(r), period }))
const found = (a: Audit.Result) =>
  a.findings.map((f) => `${f.what} [${f.pairs.map(([d, v]) => `${d}=${v}`).join(", ") || "total"}] = ${f.value}`)

describe("leak: nested counts (booked ⊇ present)", () => {
  // February: 15 citizens booked, 14 came at least once, citizen 15 never
  // did. March: 20 citizens, all present.
  const feb = Array.from({ length: 15 }, (_, k) => [
    att(k + 1, "sandneshallen", "2024-02-05", k === 14 ? "absent" : "present"),
    att(k + 1, "sandneshallen", "2024-02-12", k === 14 ? "no-show" : "present"),
  ]).flat()
  const mar = Array.from({ length: 20 }, (_, k) => att(k + 1, "sandneshallen", "2024-03-04"))
  const tables = Tables.fromDataset(
    year({
      attendance: [...feb, ...mar],
      sessions: [
        session("sandneshallen", "2024-02-05"),
        session("sandneshallen", "2024-02-12"),
        session("sandneshallen", "2024-03-04"),
      ],
    }),
    { policy },
  )
  const results = [
    Indicator.compute(Indicators.catalogue.attendanceRate, tables, { by: ["month"], margins: true }),
    Indicator.compute(Indicators.catalogue.participation, tables, { by: ["month"], margins: true }),
  ]

  it("the present method shows 15 booked and 14 present in February: 1 booked but never present", () => {
    const old = legacy(results)
    const feb0 = (t: Publish.Published) =>
      (t.table.objects() as Array<Record<string, unknown>>).find((r) => r.month === "2024-02")!
    expect([feb0(old[0]!).citizens, feb0(old[1]!).participants]).toEqual([15, 14])
    expect(found(audit(old))).toContain("bookedNeverPresent [month=2024-02] = 1")
  })

  it("the publication model hides one of them, and the audit finds nothing", () => {
    const pub = Publish.publishAll(results, { tables })
    const rows = pub.tables.map(
      (t) => (t.table.objects() as Array<Record<string, unknown>>).find((r) => r.month === "2024-02")!,
    )
    expect(rows[0]!.citizens === null || rows[1]!.participants === null).toBe(true)
    expect(found(audit(pub.tables))).toEqual([])
  })
})

describe("leak: complements within a row", () => {
  it("srsAlerts: 7 citizens with an SRS form and 5 with an alert reveal the 2 without", () => {
    const fitScores = Array.from({ length: 7 }, (_, k) => fit(k + 1, "2024-04-02", "SRS", k < 5 ? 30 : 38))
    const tables = Tables.fromDataset(year({ fitScores }), { policy })
    const result = Indicator.compute(Indicators.catalogue.srsAlerts, tables, { margins: true })
    const old = legacy([result])
    expect(old[0]!.table.objects()[0]).toMatchObject({ citizens: 7, citizensAlerted: 5 })
    expect(found(audit(old))).toContain("notAlerted [total] = 2")
    const now = Publish.publishAll([result], { tables })
    const row = now.tables[0]!.table.objects()[0] as Record<string, unknown>
    expect(row.citizens === null || row.citizensAlerted === null).toBe(true)
    expect(found(audit(now.tables))).toEqual([])
  })

  it("feedbackSummary: 8 responses of which 6 rated reveal the 2 without a rating", () => {
    const feedback = Array.from({ length: 8 }, (_, k) => ({
      id: `b-${k}`,
      source: "citizen",
      date: "2024-05-06",
      offeringId: "turgruppe",
      theme: "innhold",
      ...(k < 6 ? { rating: 5 } : {}),
    }))
    const tables = Tables.fromDataset(year({ feedback }), { policy })
    const result = Indicator.compute(Indicators.catalogue.feedbackSummary, tables, { margins: true })
    const old = legacy([result])
    expect((old[0]!.table.objects() as Array<Record<string, unknown>>).map((r) => [r.responses, r.rated])).toEqual([
      [8, 6],
      [8, 6],
    ])
    expect(found(audit(old))).toContain("unrated [source=citizen] = 2")
    const now = Publish.publishAll([result], { tables })
    for (const r of now.tables[0]!.table.objects() as Array<Record<string, unknown>>)
      expect(r.responses === null || r.rated === null).toBe(true)
    expect(found(audit(now.tables))).toEqual([])
  })
})

describe("over-suppression", () => {
  const withMargins = (cells: Array<Array<number>>): Suppression.Grid => ({
    cells,
    rowTotals: cells.map((r) => r.reduce((a, b) => a + b, 0)),
    columnTotals: cells[0]!.map((_, c) => cells.reduce((a, r) => a + r[c]!, 0)),
    grandTotal: cells.flat().reduce((a, b) => a + b, 0),
  })
  const hiddenInner = (pattern: Suppression.Pattern) =>
    pattern.states
      .slice(0, pattern.rows)
      .flatMap((r) => r.slice(0, pattern.columns))
      .filter((s) => s === "primary" || s === "secondary").length

  it("hides 4 cells of a 3×3 table with totals where the greedy smallest-first method hid 7", () => {
    // The 3 is primary. Smallest first, the old method hid 6 and 7 (its row
    // and column), then the cells those exposed: 7 of 9. Gaussian elimination
    // publishes large cells and totals first and closes a rectangle instead.
    const grid = withMargins([
      [13, 40, 7],
      [37, 10, 6],
      [33, 34, 3],
    ])
    expect(hiddenInner(suppressLegacy(grid))).toBe(7)
    const pattern = Suppression.suppress(grid, Profile.strictFrom(policy, "2024-12-31"))
    expect(hiddenInner(pattern)).toBe(4)
    expect(
      pattern.states.map((r) => r.map((s) => (s === "published" ? "." : s === "primary" ? "P" : "S")).join("")),
    ).toEqual(["S.S.", "....", "S.P.", "...."])
    expect(Suppression.exposed(pattern)).toEqual([])
  })
})

describe("counts that are not persons", () => {
  it("are never suppressed: sessions and places stay, beside hidden participants", () => {
    const tables = Tables.fromDataset(
      year({
        sessions: [session("turgruppe", "2024-02-07")],
        attendance: [att(1, "turgruppe", "2024-02-07"), att(2, "turgruppe", "2024-02-07")],
      }),
      { policy, capacity: { turgruppe: 12 } },
    )
    const shown = Publish.publish(
      Indicator.compute(Indicators.catalogue.capacityUse, tables, { by: ["offering"], margins: true }),
      { tables: tables },
    )
    const row = shown.table.objects()[0] as Record<string, unknown>
    expect(row).toMatchObject({
      offering: "turgruppe",
      sessions: 1,
      places: 12,
      citizens: null,
      present: null,
      perSession: null,
      use: null,
    })
  })
})
