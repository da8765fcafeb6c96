import { tableFromIPC } from "@uwdata/flechette"
import * as aq from "arquero"
import { describe, expect, it } from "vitest"
import { Export, Indicator, Indicators, Publish, Tables } from "../../src/index.js"
import { att, session, year } from "../helpers.js"
import { policy } from "../fixturePolicy.js"

const tables = Tables.fromDataset(
  year({
    sessions: [session("sandneshallen", "2024-02-05"), session("turgruppe", "2024-02-07")],
    attendance: [
      ...[1, 2, 3, 4, 5, 6].map((c) => att(c, "sandneshallen", "2024-02-05")),
      att(7, "turgruppe", "2024-02-07"),
      att(8, "turgruppe", "2024-02-07", "absent")
    ]
  })
, { policy })
const shown = Publish.publish(Indicator.compute(Indicators.catalogue.participation, tables, { by: ["offering"], margins: true }), { tables })

describe("Export", () => {
  it("writes machine-readable CSV with hidden cells empty", () => {
    // The walking group (1 participant) is primary; with the total shown,
    // Sandneshallen must go too. Sessions are not about citizens: shown.
    expect(Export.toCsv(shown)).toBe(
      "offering,participants,attendances,sessions,suppressed\nsandneshallen,,,1,secondary\nturgruppe,,,1,primary\n(total),7,7,2,\n"
    )
  })

  it("writes labelled CSV in bokmål and English", () => {
    expect(Export.toCsv(shown, { labelled: true, lang: "nb" }).split("\n")[0]).toBe("Tilbud,Deltakere,Oppmøter,Samlinger,Skjermet")
    expect(Export.toCsv(shown, { labelled: true, lang: "en" }).split("\n")[3]).toBe("Total,7,7,2,")
  })

  it("writes JSON with the profile, the rows, the hidden cells and what the audit needs", () => {
    const json = JSON.parse(Export.toJson(shown)) as Record<string, unknown> & { rows: Array<Record<string, unknown>>; states: Array<Record<string, string>> }
    expect(json.indicator).toBe("participation")
    expect(json.format).toBe("aktivitetsmodell-publication/1")
    expect(json.rule).toEqual({ min: 1, max: 4 })
    expect(json.profile).toEqual({ name: "strict", min: 1, max: 4 })
    expect(json.total).toBe("(total)")
    expect(json.measures).toEqual([
      { column: "participants", role: "persons", set: "present", family: "attendance" },
      { column: "attendances", role: "events", set: "present" },
      { column: "sessions", role: "free" }
    ])
    expect(json.rows[2]).toEqual({ offering: "(total)", participants: 7, attendances: 7, sessions: 2, suppressed: null })
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
    expect(t.columnNames()).toEqual(["indicator", "offering", "category", "department", "kprService", "month", "year", "source", "measure", "value", "suppressed", "role", "set", "period", "profile"])
    // One row per cell, with why that cell is hidden: sessions are shown beside hidden participants.
    expect(t.objects().slice(3, 6)).toEqual([
      { indicator: "participation", offering: "turgruppe", category: null, department: null, kprService: null, month: null, year: null, source: null, measure: "participants", value: null, suppressed: "primary", role: "persons", set: "present", period: "2024-01-01/2024-12-31", profile: "strict 1-4" },
      { indicator: "participation", offering: "turgruppe", category: null, department: null, kprService: null, month: null, year: null, source: null, measure: "attendances", value: null, suppressed: "primary", role: "events", set: "present", period: "2024-01-01/2024-12-31", profile: "strict 1-4" },
      { indicator: "participation", offering: "turgruppe", category: null, department: null, kprService: null, month: null, year: null, source: null, measure: "sessions", value: 1, suppressed: null, role: "free", set: null, period: "2024-01-01/2024-12-31", profile: "strict 1-4" }
    ])
  })
})
