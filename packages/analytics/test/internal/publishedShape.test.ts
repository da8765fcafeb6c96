// The check of a published table handed back to Export: every field that
// goes out as it stands (margins, rule, period, the hidden cells of each
// row) must be what Publish.publish makes, or the table is refused with no
// identity number in the message. Export.tidy also refuses a table whose
// texts would carry one.
import { Redact } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AnalyticsError, Export, Indicator, Indicators, Publish, Tables } from "../../src/index.js"
import { requirePublished } from "../../src/internal/publishedShape.js"
import { policy } from "../fixturePolicy.js"
import { twoSessions } from "../helpers.js"

const tables = Tables.fromDataset(twoSessions(), { policy })
const result = Indicator.compute(Indicators.catalogue.participation, tables, { by: ["offering"], margins: true })
const shown = Publish.publish(result, { tables })
const id = "01019012345"

// Every way Export takes a published table.
const exports: ReadonlyArray<[string, (p: unknown) => unknown]> = [
  ["metadata", (p) => Export.metadata(p as never)],
  ["toCsv", (p) => Export.toCsv(p as never)],
  ["toJson", (p) => Export.toJson(p as never)],
  ["toArrow", (p) => Export.toArrow(p as never)],
  ["tidy", (p) => Export.tidy([p as never]).objects()],
]

const refused = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(AnalyticsError)
    const message = (e as Error).message
    expect(Redact.containsNationalId(message)).toBe(false)
    return message
  }
  throw new Error("not refused")
}

describe("requirePublished", () => {
  it("gives back what Publish.publish made, field by field", () => {
    const p = requirePublished("test", shown)
    expect(p).toEqual(shown)
    expect(p.states).not.toBe(shown.states)
    expect(p.period).not.toBe(shown.period)
  })

  it("takes a publication without a period", () => {
    expect(requirePublished("test", { ...shown, period: null }).period).toBeNull()
  })

  const cases: ReadonlyArray<[string, Partial<Record<keyof typeof shown, unknown>>, RegExp]> = [
    ["margins as a text", { margins: id }, /margins must be true or false/u],
    ["margins missing", { margins: undefined }, /margins must be true or false/u],
    ["a period with an identity number", { period: { from: id, to: "2024-12-31" } }, /period must be null/u],
    ["a period that is a number", { period: 7 }, /published.period/u],
    ["a period the wrong way round", { period: { from: "2024-12-31", to: "2024-01-01" } }, /period must be null/u],
    ["a rule with an identity number", { rule: { min: id, max: 4 } }, /rule must be/u],
    ["a rule that is not a range", { rule: { min: 5, max: 1 } }, /rule must be/u],
    [
      "hidden cells with an identity number",
      { states: shown.states.map(() => ({ participants: id })) },
      /published.states/u,
    ],
    ["hidden cells as objects", { states: shown.states.map(() => ({ participants: { a: 1 } })) }, /published.states/u],
    [
      "hidden cells of a column that is no measure",
      { states: shown.states.map(() => ({ offering: "primary" })) },
      /published.states/u,
    ],
    [
      "hidden cells under __proto__",
      { states: shown.states.map(() => JSON.parse('{"__proto__":"primary"}')) },
      /published.states/u,
    ],
    ["one row of hidden cells too few", { states: shown.states.slice(1) }, /one object of hidden cells per row/u],
    ["hidden cells that are not a list", { states: "primary" }, /published.states/u],
  ]
  for (const [name, change, message] of cases)
    it(`refuses ${name}, in every export`, () => {
      for (const [, f] of exports) expect(refused(() => f({ ...shown, ...change }))).toMatch(message)
    })

  it("reads a field once: a period that turns to an identity number after the check is not written", () => {
    let reads = 0
    const period = Object.defineProperty({ to: "2024-12-31" }, "from", {
      get: () => (reads++ === 0 ? "2024-01-01" : id),
      enumerable: true,
    })
    const rows = Export.tidy([{ ...shown, period } as never]).objects() as Array<{ period: string }>
    expect(rows.every((r) => r.period === "2024-01-01/2024-12-31")).toBe(true)
    expect(reads).toBe(1)
  })
})

describe("Export.tidy", () => {
  it("refuses a table whose cells carry an identity number", () => {
    const table = shown.table.derive({ offering: () => "01019012345" })
    expect(refused(() => Export.tidy([{ ...shown, table }]))).toMatch(/Export.tidy contains 9 possible identifier/u)
  })

  it("writes a provenance whose source names an identity number with the number masked", () => {
    const provenance = {
      source: `eksport-${id}.csv`,
      synthetic: false,
      generatedAt: "2026-12-01T00:00:00.000Z",
      versions: { analytics: "1.0.0" },
      period: { from: "2024-01-01", to: "2024-12-31" },
      policyHash: null,
    }
    const rows = Export.tidy([shown], provenance as never).objects() as Array<{ dataSource: string }>
    expect(rows.every((r) => r.dataSource === `eksport-${Redact.MASK}.csv`)).toBe(true)
  })
})

describe("requirePublished on any field changed to anything (property)", () => {
  const keys = ["margins", "rule", "period", "states", "hidden", "by"] as const
  const anything = fc.oneof(
    fc.constantFrom<unknown>(id, "__proto__", "primary", null, undefined, true, 7, [], {}),
    fc.anything(),
    fc.array(fc.dictionary(fc.constantFrom("participants", "attendances", "__proto__", "x"), fc.anything())),
  )
  it("a changed table is written only with what Publish could have made; otherwise refused cleanly", () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), anything, (key, value) => {
        const given = { ...shown, [key]: value }
        let p: ReturnType<typeof requirePublished>
        try {
          p = requirePublished("test", given)
        } catch (e) {
          expect(e).toBeInstanceOf(AnalyticsError)
          expect(Redact.containsNationalId((e as Error).message)).toBe(false)
          return
        }
        expect(typeof p.margins).toBe("boolean")
        expect(p.states).toHaveLength(p.table.numRows())
        for (const row of p.states)
          for (const [k, v] of Object.entries(row)) {
            expect(["participants", "attendances", "sessions"]).toContain(k)
            expect(["primary", "secondary"]).toContain(v)
          }
        for (const [, f] of exports) {
          const out = f(p)
          const text = out instanceof Uint8Array ? new TextDecoder().decode(out) : JSON.stringify(out)
          expect(Redact.containsNationalId(text)).toBe(false)
        }
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    )
  })
})
