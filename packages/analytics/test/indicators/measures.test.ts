// The catalogue's measure builders: each kind's fixed parts, no key that was
// not given (an export writes every key), and keys in Measure's order.
import { describe, expect, it } from "vitest"
import { daysQuantiles, events, persons, share, statistic } from "../../src/indicators/measures.js"

const label = { nb: "Etikett", en: "Label" }

describe("measure builders", () => {
  it("write each kind with its fixed parts, in Measure's key order", () => {
    expect(JSON.stringify(persons("ended", label, "ended", "records"))).toBe(
      JSON.stringify({ column: "ended", label, kind: "persons", unit: "records", set: "ended" }),
    )
    expect(JSON.stringify(share("rate", label, "present", "booked"))).toBe(
      JSON.stringify({
        column: "rate",
        label,
        kind: "rate",
        unit: "share",
        numerator: "present",
        denominator: "booked",
      }),
    )
    expect(JSON.stringify(statistic("places", label, "places", []))).toBe(
      JSON.stringify({ column: "places", label, kind: "statistic", unit: "places", over: [] }),
    )
  })

  it("gives a count without people no `of` key at all", () => {
    expect(Object.keys(events("sessions", label, "sessions"))).toEqual(["column", "label", "kind", "unit"])
    expect(events("forms", label, "forms", "srsCitizens").of).toBe("srsCitizens")
  })

  it("gives the median and 90th percentile of days over one set", () => {
    expect(daysQuantiles("started").map((m) => [m.column, m.unit, m.over])).toEqual([
      ["median", "days", ["started"]],
      ["p90", "days", ["started"]],
    ])
  })
})
