import * as aq from "arquero"
import { describe, expect, it } from "vitest"
import { Export, Indicator, Indicators, Publish, Tables } from "../../src/index.js"
import { att, session, year } from "../helpers.js"

const tables = Tables.fromDataset(
  year({
    sessions: [session("sandneshallen", "2024-02-05"), session("turgruppe", "2024-02-07")],
    attendance: [
      ...[1, 2, 3, 4, 5, 6].map((c) => att(c, "sandneshallen", "2024-02-05")),
      att(7, "turgruppe", "2024-02-07"),
      att(8, "turgruppe", "2024-02-07", "absent")
    ]
  })
)
const shown = Publish.publish(Indicator.compute(Indicators.catalogue.participation, tables, { by: ["offering"], margins: true }))

describe("Export", () => {
  it("writes machine-readable CSV with hidden cells empty", () => {
    // The walking group (1 participant) is primary; with the total shown, Sandneshallen must go too.
    expect(Export.toCsv(shown)).toBe(
      "offering,participants,attendances,sessions,suppressed\nsandneshallen,,,,secondary\nturgruppe,,,,primary\n(total),7,7,2,\n"
    )
  })

  it("writes labelled CSV in bokmål and English", () => {
    expect(Export.toCsv(shown, { labelled: true, lang: "nb" }).split("\n")[0]).toBe("Tilbud,Deltakere,Oppmøter,Samlinger,Skjermet")
    expect(Export.toCsv(shown, { labelled: true, lang: "en" }).split("\n")[3]).toBe("Total,7,7,2,")
  })

  it("writes JSON with the rule and the rows", () => {
    const json = JSON.parse(Export.toJson(shown)) as { indicator: string; rule: unknown; rows: Array<Record<string, unknown>> }
    expect(json.indicator).toBe("participation")
    expect(json.rule).toEqual({ min: 1, max: 4 })
    expect(json.rows[2]).toEqual({ offering: "(total)", participants: 7, attendances: 7, sessions: 2, suppressed: null })
  })

  it("writes Arrow that reads back to the same table", () => {
    const back = aq.fromArrow(Export.toArrow(shown))
    expect(back.objects()).toEqual(shown.table.objects())
  })

  it("puts several tables in one long table", () => {
    const t = Export.tidy([shown])
    expect(t.numRows()).toBe(9)
    expect(t.columnNames()).toEqual(["indicator", "offering", "category", "department", "month", "year", "source", "measure", "value", "suppressed"])
  })
})
