import { tableFromIPC } from "@uwdata/flechette"
import * as aq from "arquero"
import { describe, expect, it } from "vitest"
import { Export, Indicator, Indicators, Provenance, Publish, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { p, twoSessions, year } from "../helpers.js"

const tables = Tables.fromDataset(twoSessions(), { policy })
const shown = Publish.publish(
  Indicator.compute(Indicators.catalogue.participation, tables, { by: ["offering"], margins: true }),
  { tables },
)

describe("Export of a published table that answers differently each time it is read", () => {
  it("writes the table as it was checked", () => {
    // The second read would give the table before suppression, small counts and all.
    const raw = Indicator.compute(Indicators.catalogue.participation, tables, { by: ["offering"], margins: true })
    for (const [key, later] of [
      ["table", raw.table],
      ["by", ["__proto__"]],
      ["states", "not states"],
    ] as const) {
      let reads = 0
      const given = Object.defineProperty({ ...shown }, key, {
        get: () => (reads++ === 0 ? shown[key] : later),
        enumerable: true,
      })
      expect(Export.toCsv(given), key).toBe(Export.toCsv(shown))
      reads = 0
      expect(Export.toJson(given), key).toBe(Export.toJson(shown))
      reads = 0
      expect(Export.tidy([given]).objects(), key).toEqual(Export.tidy([shown]).objects())
    }
  })

  it("refuses a notApplicable that is not true or false per row, naming it", () => {
    for (const bad of [[1], "yes"])
      expect(() => Export.toCsv({ ...shown, notApplicable: bad } as never)).toThrow(
        /published\.notApplicable must (hold true or false per row|be a list)/u,
      )
  })
})

describe("Export", () => {
  it("writes machine-readable CSV with hidden cells empty", () => {
    // The walking group (1 participant) is primary; with the total shown,
    // Sandneshallen must go too. Sessions are not about citizens: shown.
    expect(Export.toCsv(shown)).toBe(
      "offering,participants,attendances,sessions,suppressed\nsandneshallen,,,1,secondary\nturgruppe,,,1,primary\n(total),7,7,2,\n",
    )
  })

  it("writes labelled CSV in bokmål and English", () => {
    expect(Export.toCsv(shown, { labelled: true, lang: "nb" }).split("\n")[0]).toBe(
      "Tilbud,Deltakere,Oppmøter,Samlinger,Skjermet",
    )
    expect(Export.toCsv(shown, { labelled: true, lang: "en" }).split("\n")[3]).toBe("Total,7,7,2,")
  })

  it("writes JSON with the profile, the rows, the hidden cells and what the audit needs", () => {
    const json = JSON.parse(Export.toJson(shown)) as Record<string, unknown> & {
      rows: Array<Record<string, unknown>>
      states: Array<Record<string, string>>
    }
    expect(json.indicator).toBe("participation")
    expect(json.format).toBe("aktivitetsmodell-publication/1")
    expect(json.rule).toEqual({ min: 1, max: 4 })
    expect(json.profile).toEqual({ name: "strict", min: 1, max: 4 })
    expect(json.total).toBe("(total)")
    expect(json.measures).toEqual([
      { column: "participants", role: "persons", set: "present", family: "attendance" },
      { column: "attendances", role: "events", set: "present" },
      { column: "sessions", role: "free" },
    ])
    expect(json.rows[2]).toEqual({
      offering: "(total)",
      participants: 7,
      attendances: 7,
      sessions: 2,
      suppressed: null,
    })
    expect(json.states[1]).toEqual({ participants: "primary", attendances: "primary" })
  })

  it("writes Arrow that reads back to the same table, with the metadata in its schema", () => {
    const bytes = Export.toArrow(shown)
    const back = aq.fromArrow(bytes)
    expect(back.objects()).toEqual(shown.table.objects())
    const meta = JSON.parse(tableFromIPC(bytes).schema.metadata!.get("aktivitetsmodell")!) as Record<string, unknown>
    expect(meta.indicator).toBe("participation")
    expect(meta.states).toEqual(shown.states)
  })

  it("puts several tables in one long table", () => {
    const t = Export.tidy([shown])
    expect(t.numRows()).toBe(9)
    expect(t.columnNames()).toEqual([
      "indicator",
      "municipality",
      "offering",
      "category",
      "department",
      "kprService",
      "month",
      "year",
      "source",
      "measure",
      "value",
      "suppressed",
      "notApplicable",
      "role",
      "set",
      "period",
      "profile",
    ])
    // One row per cell, with why that cell is hidden: sessions are shown beside hidden participants.
    expect(t.objects().slice(3, 6)).toEqual([
      {
        indicator: "participation",
        municipality: null,
        offering: "turgruppe",
        category: null,
        department: null,
        kprService: null,
        month: null,
        year: null,
        source: null,
        measure: "participants",
        value: null,
        suppressed: "primary",
        notApplicable: false,
        role: "persons",
        set: "present",
        period: "2024-01-01/2024-12-31",
        profile: "strict 1-4",
      },
      {
        indicator: "participation",
        municipality: null,
        offering: "turgruppe",
        category: null,
        department: null,
        kprService: null,
        month: null,
        year: null,
        source: null,
        measure: "attendances",
        value: null,
        suppressed: "primary",
        notApplicable: false,
        role: "events",
        set: "present",
        period: "2024-01-01/2024-12-31",
        profile: "strict 1-4",
      },
      {
        indicator: "participation",
        municipality: null,
        offering: "turgruppe",
        category: null,
        department: null,
        kprService: null,
        month: null,
        year: null,
        source: null,
        measure: "sessions",
        value: 1,
        suppressed: null,
        notApplicable: false,
        role: "free",
        set: null,
        period: "2024-01-01/2024-12-31",
        profile: "strict 1-4",
      },
    ])
  })

  it("puts the provenance on every row of the long table when given one", () => {
    const provenance = Provenance.make(tables.period, {
      source: "årsrapport",
      synthetic: true,
      generatedAt: "2025-01-10T08:00:00Z",
      versions: { "@aktivitetsmodell/core": "9.9.9" },
    })
    const rows = Export.tidy([shown], provenance).objects() as Array<Record<string, unknown>>
    expect(rows).toHaveLength(9)
    for (const r of rows) {
      expect(r).toMatchObject({
        dataSource: "årsrapport",
        synthetic: true,
        generatedAt: "2025-01-10T08:00:00.000Z",
        policyHash: null,
      })
      expect(r.versions).toBe("@aktivitetsmodell/analytics 0.1.0; @aktivitetsmodell/core 9.9.9")
    }
  })
})

describe("Export of an indicator that does not apply everywhere", () => {
  // Helårsbading is open, for long-term participation: completion is not
  // defined there. Fifteen treatments at Mudo close in March, ten completed.
  const closed = (n: number, offeringId: string, status: "completed" | "withdrawn") => ({
    id: `e-${offeringId}-${n}`,
    citizenId: p(n),
    offeringId,
    start: "2024-02-01",
    status,
    closedOn: "2024-03-01",
  })
  const t = Tables.fromDataset(
    year({
      enrollments: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => closed(n, "individuell-trening-mudo", "completed")),
        ...[11, 12, 13, 14, 15].map((n) => closed(n, "individuell-trening-mudo", "withdrawn")),
        ...[16, 17, 18, 19, 20, 21].map((n) => closed(n, "helarsbading", "withdrawn")),
      ],
    }),
    { policy },
  )
  const completion = Publish.publish(
    Indicator.compute(Indicators.catalogue.completionRate, t, { by: ["offering"], margins: true }),
    { tables: t },
  )
  const at = (offering: string) =>
    (completion.table.objects() as Array<Record<string, unknown>>).findIndex((r) => r.offering === offering)

  it("publishes no number where it does not apply, and says so", () => {
    expect(completion.notApplicable).toEqual(
      completion.table.objects().map((r) => (r as Record<string, unknown>).offering === "helarsbading"),
    )
    expect(completion.table.objects()[at("helarsbading")]).toEqual({
      offering: "helarsbading",
      ended: null,
      completed: null,
      withdrawn: null,
      rate: null,
      suppressed: null,
    })
    // The total counts only what can be completed: 10 of 15, not 10 of 21.
    expect(completion.table.objects()[at("(total)")]).toMatchObject({
      ended: 15,
      completed: 10,
      withdrawn: 5,
      rate: 10 / 15,
    })
  })

  it("writes it as not applicable, not as 0 or a missing figure", () => {
    const rows = Export.tidy([completion]).objects() as Array<Record<string, unknown>>
    const bathing = rows.filter((r) => r.offering === "helarsbading")
    expect(bathing.map((r) => [r.measure, r.value, r.notApplicable])).toEqual([
      ["ended", null, true],
      ["completed", null, true],
      ["withdrawn", null, true],
      ["rate", null, true],
    ])
    expect(JSON.parse(Export.toJson(completion)).notApplicable[at("helarsbading")]).toBe(true)
    expect(Export.toCsv(completion, { labelled: true, lang: "nb" })).toContain(
      "Helårsbading,ikke relevant,ikke relevant,ikke relevant,ikke relevant,",
    )
  })
})
