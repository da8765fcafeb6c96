// A grouping in canonical order: each dimension once, in Dimension.all's
// order, whatever order and repeats the caller gave, frozen or not, and
// always a list of its own that the caller's list does not share.
import { Redact } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AnalyticsError, Indicators, Dimension as PublicDimension, Query, Tables } from "../../src/index.js"
import { type Dimension, dimensions, inCanonicalOrder, requireBy } from "../../src/internal/dimensionList.js"
import { policy } from "../fixturePolicy.js"
import { att, year } from "../helpers.js"

describe("inCanonicalOrder", () => {
  it("gives each dimension once in canonical order, in a new list (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...dimensions), { maxLength: 10 }), fc.boolean(), (by, frozen) => {
        const given = frozen ? Object.freeze([...by]) : [...by]
        const got = inCanonicalOrder(given)
        expect(got).toEqual(dimensions.filter((d) => by.includes(d)))
        expect(got).not.toBe(given)
        expect(Object.isFrozen(got)).toBe(false)
        expect(given).toEqual(by)
      }),
    )
  })

  it("takes a list already in order as it is, and sorts one out of order or with a repeat", () => {
    expect(inCanonicalOrder(["offering", "month"])).toEqual(["offering", "month"])
    expect(inCanonicalOrder(["month", "offering"])).toEqual(["offering", "month"])
    expect(inCanonicalOrder(["month", "month"])).toEqual(["month"])
    expect(inCanonicalOrder([])).toEqual([])
  })
})

describe("inCanonicalOrder on a list that answers differently each time it is read", () => {
  // A getter that gives a dimension to the first `after` reads, then another name.
  const shifting = (good: string, bad: string, after: number): ReadonlyArray<Dimension> => {
    let reads = 0
    const list = ["x"]
    Object.defineProperty(list, 0, { get: () => (++reads > after ? bad : good), enumerable: true })
    return list as unknown as ReadonlyArray<Dimension>
  }

  it("takes a list of dimensions read once or refuses it cleanly, whatever the getters give (property)", () => {
    const element = fc.constantFrom<unknown>(
      ...dimensions,
      "citizen",
      "__proto__",
      "constructor",
      "01019012345",
      null,
      7,
      {},
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(element, element, fc.integer({ min: 0, max: 3 })), { maxLength: 6 }), (spec) => {
        // Each element answers `first` to its first `honest` reads, then `later`.
        const list: Array<unknown> = []
        spec.forEach(([first, later, honest], i) => {
          let reads = 0
          Object.defineProperty(list, i, { get: () => (reads++ < honest ? first : later), enumerable: true })
        })
        try {
          const got = PublicDimension.canonical(list as never)
          // Taken: only the package's own names, each once, in canonical order.
          expect(got).toEqual(dimensions.filter((d) => got.includes(d)))
        } catch (e) {
          // Refused: a clean error, with no identity number in it.
          expect(e).toBeInstanceOf(AnalyticsError)
          expect(Redact.containsNationalId((e as Error).message)).toBe(false)
        }
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
    )
  })

  it("writes only the package's own names, whatever a later read gives", () => {
    for (const bad of ["citizen", "__proto__", "constructor", "01019012345"])
      for (let after = 0; after < 6; after++) {
        const got = inCanonicalOrder(shifting("offering", bad, after))
        expect(
          got.every((d) => dimensions.includes(d)),
          `${bad} after ${after}`,
        ).toBe(true)
      }
  })

  it("is checked on a copy read once by requireBy, and a catalogue compute groups by that copy", () => {
    const checked = requireBy("test", shifting("department", "__proto__", 1))
    expect(checked).toEqual(["department"])
    expect(checked).toEqual(["department"])
    const tables = Tables.fromDataset(year({}), { policy })
    for (let after = 1; after < 6; after++) {
      const table = Indicators.catalogue.departmentContributions.compute(
        tables,
        shifting("department", "__proto__", after),
      )
      expect(table.columnNames()[0], `after ${after}`).toBe("department")
    }
  })

  it("groups a query by a dimension only, whatever a later read gives (Query.toArquero)", () => {
    const tables = Tables.fromDataset(
      year({ attendance: [att(1, "turgruppe", "2024-03-01"), att(2, "turgruppe", "2024-03-02")] }),
      { policy },
    )
    for (let after = 0; after < 6; after++) {
      let table: ReturnType<typeof Query.toArquero> | undefined
      try {
        table = Query.toArquero(Query.definitions.attendanceRate, tables, shifting("offering", "citizen", after))
      } catch {
        continue
      }
      expect(table.columnNames(), `after ${after}`).not.toContain("citizen")
    }
  })
})
