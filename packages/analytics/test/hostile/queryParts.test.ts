// The parts of Query a caller reaches two levels down (Query.Schema,
// Query.Dialect, Query.handWritten.*.sql) refuse a bad argument with an
// AnalyticsError, as the functions one level down do, and cannot be changed.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AnalyticsError, Query, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { twoSessions } from "../helpers.js"

const tables = Tables.fromDataset(twoSessions(), { policy })
const days = { from: 0, to: 400 }

const refused = (f: () => unknown): void => {
  expect(f).toThrow(AnalyticsError)
}

describe("Query's parts, called with anything", () => {
  it("refuse what is no table, source or dialect with an AnalyticsError", () => {
    refused(() => Query.Dialect.requireDialect(null))
    refused(() => Query.Schema.columnsOf("nope" as never))
    refused(() => Query.Schema.columnsOf("constructor" as never))
    refused(() => Query.Schema.columnValues(null as never, "attendance"))
    refused(() => Query.Schema.rowCount({} as never, "attendance"))
    refused(() => Query.handWritten.referralToStart.sql(null as never, null as never, null as never))
    // A dialect of the caller's own, which could splice text into the SQL, is refused.
    const foreign = { ...Query.Dialect.duckdb, quote: (name: string) => name }
    refused(() => Query.handWritten.referralToStart.sql(["month"], days, foreign))
    expect(Query.handWritten.referralToStart.sql(["month"], days, Query.Dialect.duckdb)).toContain("SELECT")
    expect(Query.Schema.rowCount(tables, "attendance")).toBe(tables.attendance.numRows())
  })

  it("any argument gives an answer or an AnalyticsError, never another error (property)", () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.constantFrom<unknown>("attendance", "__proto__", tables, Query.Dialect.postgres),
    )
    fc.assert(
      fc.property(anything, anything, anything, (a, b, c) => {
        for (const f of [
          () => Query.Dialect.requireDialect(a),
          () => Query.Schema.columnsOf(a as never),
          () => Query.Schema.columnValues(a as never, b as never),
          () => Query.Schema.rowCount(a as never, b as never),
          () => Query.handWritten.capacityUse.sql(a as never, b as never, c as never),
        ]) {
          try {
            f()
          } catch (e) {
            expect(e).toBeInstanceOf(AnalyticsError)
          }
        }
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it("cannot be changed by a caller", () => {
    expect(() => {
      ;(Query.Dialect.duckdb as { quote: unknown }).quote = (s: string) => s
    }).toThrow(TypeError)
    expect(() => {
      ;(Query.handWritten as Record<string, unknown>).referralToStart = {}
    }).toThrow(TypeError)
  })
})
