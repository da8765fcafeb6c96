// Several municipalities in one set of tables (Tables.combine) on arquero,
// DuckDB and Postgres (PGlite): every described and hand-written indicator,
// by municipality, by municipality with each other dimension and over all
// of them, gives the same table on the three engines; also on small random
// countries (QUERY_RUNS, default 30). The Parquet layout gains a
// `municipality=` level and reads back to the same tables.
import { mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Dataset } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { benchYear } from "../../bench/input.js"
import { DuckDb } from "../../src/duckdb/index.js"
import { Dimension, Indicator, Indicators, Tables } from "../../src/index.js"
import { definitions, type HandWritten, handWritten, type Query, toArquero } from "../../src/query/index.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"
import { sameTable } from "./compare.js"
import { sqlEngines } from "./sqlEngines.js"
import { someCapacities } from "./synthetic.js"

const runs = Number(process.env.QUERY_RUNS ?? 30)
const engines = sqlEngines()

const named = (d: Dataset.Dataset, municipality: string): Dataset.Dataset => ({ ...d, municipality })

// Three municipalities of different sizes, the same offering ids in each, capacities differing.
const country = Tables.combine(
  [300, 120, 40].map((enrollments, i) =>
    Tables.fromDataset(named(benchYear({ enrollments, perEnrollment: 4, seed: 11 + i }), `${9001 + i}`), {
      policy,
      capacity: Object.fromEntries(Object.entries(someCapacities).map(([o, c]) => [o, c + i])),
    }),
  ),
)

const expectedOf = (query: Query | HandWritten, tables: Tables.Tables, by: ReadonlyArray<Dimension.Dimension>) =>
  "sql" in query
    ? Indicator.compute(Indicators.catalogue[query.id as Indicators.IndicatorId], tables, { by }).table
    : toArquero(query, tables, by)

const groupingsOf = (dimensions: ReadonlyArray<Dimension.Dimension>): Array<ReadonlyArray<Dimension.Dimension>> => [
  [],
  ["municipality"],
  ...dimensions.filter((d) => d !== "municipality").map((d) => ["municipality", d] as const),
]

const everyQuery: ReadonlyArray<Query | HandWritten> = [...Object.values(definitions), ...Object.values(handWritten)]

const folders: Array<string> = []
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true })
})

describe("several municipalities on arquero, DuckDB and Postgres", () => {
  it("give the same tables for every indicator by municipality, with each other dimension, and over all", async () => {
    await engines.load(country)
    let municipalitiesSeen = 0
    for (const query of everyQuery) {
      expect(query.dimensions, query.id).toContain("municipality")
      for (const by of groupingsOf(query.dimensions)) {
        const expected = expectedOf(query, country, by)
        await engines.agree(query, by, country, expected, `${query.id} by [${by}]`)
        if (by.length === 1) municipalitiesSeen = Math.max(municipalitiesSeen, expected.numRows())
      }
    }
    expect(municipalitiesSeen).toBe(3)
  })

  it(
    "give the same tables on small random countries",
    async () => {
      const country = fc.array(dataset, { minLength: 1, maxLength: 3 })
      // One other dimension beside municipality, or none.
      const drawn = fc.constantFrom<ReadonlyArray<Dimension.Dimension>>(
        [],
        ...Dimension.all.filter((d) => d !== "municipality").map((d) => [d]),
      )
      await fc.assert(
        fc.asyncProperty(country, drawn, async (years, other) => {
          const tables = Tables.combine(
            years.map((y, i) => Tables.fromDataset(named(y, String(1101 + i).padStart(4, "0")), { policy })),
          )
          await engines.load(tables)
          for (const query of everyQuery) {
            const by: ReadonlyArray<Dimension.Dimension> = [
              "municipality",
              ...other.filter((d) => query.dimensions.includes(d)),
            ]
            await engines.agree(query, by, tables, expectedOf(query, tables, by), `${query.id} by [${by}]`)
          }
        }),
        { numRuns: runs },
      )
    },
    60_000 + runs * 3_000,
  )

  it("are written to Parquet by year and municipality, and read back to the same tables", async () => {
    const folder = mkdtempSync(join(tmpdir(), "aktivitet-municipalities-"))
    folders.push(folder)
    await DuckDb.writeTables(country, folder)
    expect(readdirSync(join(folder, "attendance", "year=2024")).sort()).toEqual([
      "municipality=9001",
      "municipality=9002",
      "municipality=9003",
    ])
    expect(readdirSync(join(folder, "enrollments")).sort()).toEqual([
      "municipality=9001",
      "municipality=9002",
      "municipality=9003",
    ])
    expect(readdirSync(join(folder, "extensions"))).toEqual(["data.parquet"])
    const engine = await DuckDb.open({ threads: 1 })
    try {
      await engine.attach(folder, { period: country.period })
      for (const query of [definitions.participation, handWritten.capacityUse, handWritten.newReturning]) {
        const by: ReadonlyArray<Dimension.Dimension> = ["municipality", "offering"]
        sameTable(await engine.run(query, by), expectedOf(query, country, by), by, `${query.id} from Parquet`)
      }
    } finally {
      engine.close()
    }
  })

  it("a municipality number with a leading zero keeps it in Parquet", async () => {
    const folder = mkdtempSync(join(tmpdir(), "aktivitet-oslo-"))
    folders.push(folder)
    const tables = Tables.fromDataset(named(benchYear({ enrollments: 20, perEnrollment: 2, seed: 3 }), "0301"), {
      policy,
    })
    await DuckDb.writeTables(tables, folder)
    const engine = await DuckDb.open({ threads: 1 })
    try {
      await engine.attach(folder, { period: tables.period })
      const t = await engine.run(definitions.participation, ["municipality"])
      expect(t.array("municipality")).toEqual(["0301"])
    } finally {
      engine.close()
    }
  })
})
