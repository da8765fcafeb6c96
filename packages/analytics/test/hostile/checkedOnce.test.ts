// Results and published tables whose fields answer differently from one
// read to the next: Publish and Export read each field once, check it, and
// use only what they checked. A getter that turns hostile after the check
// changes nothing; one that is hostile from the start is refused, with no
// identity number in the message, or taken as the valid value it gives.
import { Redact } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AnalyticsError, Export, Indicator, Indicators, Publish, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { twoSessions } from "../helpers.js"

const tables = Tables.fromDataset(twoSessions(), { policy })
const result = Indicator.compute(Indicators.catalogue.participation, tables, { by: ["offering"], margins: true })
const shown = Publish.publish(result, { tables })

// What a getter may turn to: names that are prototype keys, code, an identity number, wrong kinds, the raw table.
const hostile = fc.constantFrom<unknown>(
  "__proto__",
  ["__proto__"],
  ["constructor"],
  "d => (globalThis.__pwned = 1)",
  "01019012345",
  ["01019012345"],
  null,
  undefined,
  7,
  {},
  [],
  [1],
  result.table,
  { id: "__proto__" },
)

// `o` with `key` a getter that gives the true value to the first `honest` reads, then `later`.
const shifting = <T extends object>(o: T, key: keyof T & string, honest: number, later: unknown): T => {
  let reads = 0
  const value = o[key]
  return Object.defineProperty({ ...o }, key, { get: () => (reads++ < honest ? value : later), enumerable: true })
}

// Runs `f`: the same answer as the plain object when the check saw the true value, else a clean refusal or a valid answer.
const holds = <A>(f: () => A, want: A, checkedTrue: boolean): void => {
  let got: A
  try {
    got = f()
  } catch (e) {
    expect(e).toBeInstanceOf(AnalyticsError)
    expect(checkedTrue, (e as Error).message).toBe(false)
    expect(Redact.containsNationalId((e as Error).message)).toBe(false)
    return
  }
  if (checkedTrue) expect(got).toEqual(want)
}

const untouched = (): void => {
  expect(Object.keys(Object.prototype)).toEqual([])
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
}

describe("Publish and Export on objects that answer differently each time they are read (property)", () => {
  it("Publish.publish publishes what it checked", () => {
    const want = shown.table.objects()
    fc.assert(
      fc.property(
        fc.constantFrom("indicator", "by", "table", "margins", "notApplicable") as fc.Arbitrary<keyof typeof result>,
        fc.integer({ min: 0, max: 3 }),
        hostile,
        (key, honest, later) => {
          const given = shifting(result, key, honest, later)
          holds(() => Publish.publish(given, { tables }).table.objects(), want, honest > 0)
          untouched()
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    )
  })

  it("Export writes what it checked", () => {
    const csv = Export.toCsv(shown)
    const json = Export.toJson(shown)
    fc.assert(
      fc.property(
        fc.constantFrom(
          "indicator",
          "by",
          "table",
          "states",
          "hidden",
          "rule",
          "profile",
          "notApplicable",
        ) as fc.Arbitrary<keyof typeof shown>,
        fc.integer({ min: 0, max: 3 }),
        hostile,
        (key, honest, later) => {
          holds(() => Export.toCsv(shifting(shown, key, honest, later)), csv, honest > 0)
          holds(() => Export.toJson(shifting(shown, key, honest, later)), json, honest > 0)
          untouched()
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    )
  })
})
