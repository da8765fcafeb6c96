// The SQL text itself: quoted identifiers, the dialect differences, and the
// names and values a description may not carry into SQL or arquero.
import { describe, expect, it } from "vitest"
import {
  Dialect,
  definitions,
  handWritten,
  handWrittenSql,
  type Query,
  toArquero,
  toSql,
} from "../../src/query/index.js"
import { syntheticYear, tablesOf } from "./synthetic.js"

const days = { from: 19723, to: 20088 }
const medianOf: Query = {
  id: "medianOf",
  dimensions: ["offering"],
  parts: [{ from: "attendance", where: [], aggregates: [{ kind: "median", as: "m", column: "day" }] }],
  derived: [],
  output: ["m"],
}
const tables = tablesOf(syntheticYear)

describe("Query.toSql", () => {
  it("quotes every identifier, so case and reserved words survive", () => {
    const sql = toSql(definitions.goalAttainment, ["month"], days, Dialect.duckdb)
    expect(sql).toContain(`MAX("order") OVER (PARTITION BY "enrollment")`)
    expect(sql).toContain(`"goalReached" = 'yes'`)
    expect(sql).toContain(`"day" BETWEEN 19723 AND 20088`)
    expect(toSql(definitions.attendanceRate, [], days, Dialect.postgres)).toContain(`AS "noShow"`)
    expect(toSql(definitions.kprReportable, ["kprService"], days, Dialect.postgres)).toContain(
      `("kprService" IS NOT NULL)`,
    )
  })

  it("keeps the dialects' differences to the median and the type names", () => {
    expect(toSql(medianOf, [], days, Dialect.duckdb)).toContain('median(CAST("day" AS DOUBLE))')
    expect(toSql(medianOf, [], days, Dialect.postgres)).toContain(
      'percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST("day" AS DOUBLE PRECISION))',
    )
    const withoutMedian = toSql(definitions.participation, ["offering"], days, Dialect.duckdb)
    expect(withoutMedian.replaceAll("VARCHAR", "TEXT").replaceAll("DOUBLE", "DOUBLE PRECISION")).toBe(
      toSql(definitions.participation, ["offering"], days, Dialect.postgres),
    )
  })

  it("keeps the dialects' differences to a first or last value by order", () => {
    expect(toSql(definitions.orsChange, [], days, Dialect.duckdb)).toContain(
      `arg_min("total", "order") AS "first", arg_max("total", "order") AS "last"`,
    )
    expect(toSql(definitions.orsChange, [], days, Dialect.postgres)).toContain(
      `(array_agg("total" ORDER BY "order"))[1] AS "first", (array_agg("total" ORDER BY "order" DESC))[1] AS "last"`,
    )
  })

  it("writes the hand-written SQL with the dialect's quantile and month, and only for the module's own indicators", () => {
    expect(handWrittenSql(handWritten.referralToStart, ["month"], days, Dialect.duckdb)).toContain(
      `quantile_cont(CAST("days" AS DOUBLE), 0.9)`,
    )
    expect(handWrittenSql(handWritten.referralToStart, ["month"], days, Dialect.postgres)).toContain(
      `to_char(DATE '1970-01-01' + CAST(f."first" AS INTEGER), 'YYYY-MM')`,
    )
    const forged = { ...handWritten.referralToStart, sql: () => "DROP TABLE attendance" }
    expect(() => handWrittenSql(forged, [], days, Dialect.duckdb)).toThrow(
      /Query.handWrittenSql could not use its arguments/u,
    )
    expect(() => handWrittenSql(handWritten.referralToStart, ["source"], days, Dialect.duckdb)).toThrow(
      /cannot be grouped by source/u,
    )
  })

  it("writes only day numbers into the hand-written SQL of the citizen-history indicators", () => {
    const byMonth = handWrittenSql(handWritten.communityTransition, ["month"], days, Dialect.postgres)
    expect(byMonth).toContain(`(VALUES (19723, 19753), (19754, 19782)`)
    expect(byMonth).toContain(`m."month" IS NOT DISTINCT FROM a."month"`)
    expect(handWrittenSql(handWritten.recoveryStart, ["year"], days, Dialect.duckdb)).toContain(
      `"offering" = 'recoveryhjelpa' AND "start" BETWEEN 19723 AND 20088`,
    )
    expect(handWrittenSql(handWritten.newReturning, ["year"], days, Dialect.duckdb)).toContain(
      `strftime(DATE '1970-01-01' + CAST(f."first" AS INTEGER), '%Y') = e."startYear"`,
    )
    expect(() => handWrittenSql(handWritten.recoveryStart, ["offering"], days, Dialect.duckdb)).toThrow(
      /cannot be grouped by offering/u,
    )
  })

  it("writes only day numbers and the model's fixed texts into the SQL of capacity use and department contributions", () => {
    // Capacities, departments and the required percentage are read from tables, never written in.
    const fixed = [
      "(unknown)",
      "lent-position",
      "transferred-budget-post",
      "1970-01-01",
      "%Y-%m",
      "%Y",
      "YYYY-MM",
      "YYYY",
    ]
    for (const q of [Dialect.duckdb, Dialect.postgres]) {
      for (const by of [[], ["department"], ["month"], ["year"]] as const) {
        const contributions = handWrittenSql(handWritten.departmentContributions, by, days, q)
        const capacity = handWrittenSql(handWritten.capacityUse, by, days, q)
        for (const sql of [contributions, capacity])
          for (const [, text] of sql.matchAll(/'([^']*)'/gu)) expect(fixed, sql).toContain(text)
        expect(contributions).toContain(`CROSS JOIN "parameters" AS p`)
        expect(capacity).toContain(`LEFT JOIN "offerings" AS o ON o."offering" = c."offering"`)
      }
    }
    expect(handWrittenSql(handWritten.departmentContributions, ["month"], days, Dialect.duckdb)).toContain(
      `(VALUES (19723, 19753), (19754, 19782)`,
    )
    expect(handWrittenSql(handWritten.departmentContributions, ["month", "year"], days, Dialect.duckdb)).toMatch(
      /AS "month", .* AS "year"/u,
    )
  })

  it("takes only the module's own dialects, and refuses what is no query", () => {
    const foreign = { ...Dialect.duckdb, quote: (name: string) => name }
    expect(() => toSql(definitions.participation, [], days, foreign)).toThrow(
      /the dialect must be Query.Dialect.duckdb or Query.Dialect.postgres/u,
    )
    expect(() => toSql(null as unknown as Query, [], days, Dialect.duckdb)).toThrow(
      /Query.toSql could not use its arguments/u,
    )
    expect(() => toSql(definitions.participation, [], { from: Number.NaN, to: 1 }, Dialect.duckdb)).toThrow(
      /Query.toSql/u,
    )
    expect(() => toArquero(null as unknown as Query, tables, [])).toThrow(
      /Query.toArquero could not use its arguments/u,
    )
  })

  it("joins parts on the dimensions with FULL JOIN … USING, and without dimensions with CROSS JOIN", () => {
    expect(toSql(definitions.participation, ["offering", "month"], days, Dialect.duckdb)).toContain(
      `FULL JOIN "p1" USING ("offering", "month")`,
    )
    expect(toSql(definitions.participation, [], days, Dialect.duckdb)).toContain(`"p0" CROSS JOIN "p1"`)
  })
})

describe("a description that names something outside the whitelist", () => {
  const base = definitions.attendanceRate
  const part = base.parts[0]!
  const variants: Array<[string, Query]> = [
    [
      "a column the table lacks",
      {
        ...base,
        parts: [{ ...part, aggregates: [{ kind: "sum", as: "x", column: 'citizen"; DROP TABLE attendance; --' }] }],
        output: ["x"],
      },
    ],
    [
      "an inherited key as a column",
      { ...base, parts: [{ ...part, aggregates: [{ kind: "sum", as: "x", column: "constructor" }] }], output: ["x"] },
    ],
    [
      "a measure name that is no plain name",
      { ...base, parts: [{ ...part, aggregates: [{ kind: "count", as: "x) || process.exit(1) || (y" }] }], output: [] },
    ],
    [
      "a measure named __proto__",
      { ...base, parts: [{ ...part, aggregates: [{ kind: "count", as: "__proto__" }] }], output: [] },
    ],
    [
      "a text value with a quote",
      {
        ...base,
        parts: [{ ...part, where: [{ kind: "compare", column: "offering", op: "=", value: "x' OR '1'='1" }] }],
      },
    ],
    [
      "a value that is not finite",
      { ...base, parts: [{ ...part, where: [{ kind: "compare", column: "day", op: ">", value: Number.NaN }] }] },
    ],
    ["an unknown table", { ...base, parts: [{ ...part, from: "pg_shadow" as "attendance" }] }],
    [
      "an operator of its own",
      { ...base, parts: [{ ...part, where: [{ kind: "compare", column: "day", op: "; --" as "=", value: 1 }] }] },
    ],
    ["an output that is no measure", { ...base, output: ["citizen"] }],
    [
      "an entity column the table lacks",
      { ...base, parts: [{ ...part, per: { column: "nobody", aggregates: [], derived: [], having: [] } }] },
    ],
    [
      "a measure over entities reading a table column",
      {
        ...base,
        parts: [
          { ...part, per: { column: "citizen", aggregates: [{ kind: "count", as: "n" }], derived: [], having: [] } },
        ],
      },
    ],
    [
      "a period condition per entity",
      {
        ...base,
        parts: [
          {
            ...part,
            per: {
              column: "citizen",
              aggregates: [{ kind: "count", as: "n" }],
              derived: [],
              having: [{ kind: "inPeriod", column: "n" }],
            },
          },
        ],
      },
    ],
    [
      "a first value by a column the table lacks",
      {
        ...base,
        parts: [
          {
            ...part,
            per: {
              column: "citizen",
              aggregates: [{ kind: "first", as: "f", column: "day", order: "nothing" }],
              derived: [],
              having: [],
            },
          },
        ],
      },
    ],
  ]
  for (const [what, query] of variants) {
    it(`is refused by both compilers: ${what}`, () => {
      expect(() => toSql(query, [], days, Dialect.duckdb)).toThrow(/Query attendanceRate/u)
      expect(() => toArquero(query, tables, [])).toThrow(/Query attendanceRate/u)
    })
  }

  it("and a grouping the indicator does not allow is refused", () => {
    expect(() => toSql(definitions.attendanceRate, ["source"], days, Dialect.duckdb)).toThrow(
      /cannot be grouped by source/u,
    )
    expect(() => toArquero(definitions.attendanceRate, tables, ["__proto__" as "offering"])).toThrow(
      /cannot be grouped/u,
    )
  })
})
