// Arrow IPC tables (the layout `export --arrow` writes), crafted: one
// column of one table replaced by values of any type — texts holding
// identity numbers, non-finite and fractional numbers, nulls — and extra
// columns named after prototypes. Reading either takes the folder, every
// value of the schema's type, or refuses it naming the file, row and field
// in both languages; never the value, never an identity number, and no
// prototype changes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { float64, int32, tableFromArrays, tableToIPC, utf8 } from "@uwdata/flechette"
import * as fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { arrowFile, readArrow, writeArrow } from "../../src/duckdb/arrow.js"
import { Tables } from "../../src/index.js"
import { columnsOf, type TableName, tableNames } from "../../src/query/Schema.js"
import { policy } from "../fixturePolicy.js"

const runs = Math.min(Number(process.env.FUZZ_RUNS ?? 100), 2000)
const folder = mkdtempSync(join(tmpdir(), "aktivitet-arrow-hostile-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const tables = Tables.fromDataset(generate({ policy, seed: 2, citizens: 10 }), { policy })
const ids = ["01019012345", "010190 12345", "010190-12345"]

const value = fc.oneof(
  fc.constantFrom<unknown>(...ids, "__proto__", null, Number.NaN, Number.POSITIVE_INFINITY, 1.5, -3, 7, "tekst"),
  fc.integer(),
  fc.double(),
  fc.string(),
)
const tableName = fc.constantFrom(...tableNames.filter((t) => t !== "parameters"))

// Writes the layout, then replaces `column` of `table` by `values` (plus a __proto__ column).
const craft = (table: TableName, column: string, values: ReadonlyArray<unknown>) => {
  writeArrow(tables, folder)
  const columns = Object.fromEntries(columnsOf(table).map(([c]) => [c, values.map(() => null) as Array<unknown>]))
  Object.defineProperty(columns, "__proto__", { value: values.map(() => "x"), enumerable: true })
  // Every value of a column one Arrow type: texts stay texts, the rest numbers or null.
  const texts = values.some((v) => typeof v === "string")
  columns[column] = values.map((v) => (v === null ? null : texts ? String(v) : v))
  const arrowType = { integer: int32, double: float64, text: utf8 } as const
  const types = Object.fromEntries(
    Object.keys(columns).map((c) => {
      const schemaType = columnsOf(table).find(([name]) => name === c)?.[1] ?? "text"
      return [c, c === column ? (texts ? utf8() : float64()) : arrowType[schemaType]()]
    }),
  )
  writeFileSync(arrowFile(folder, table), tableToIPC(tableFromArrays(columns, { types }), { format: "file" })!)
}

describe("Arrow IPC tables, crafted", () => {
  it("are taken with values of the schema's type, or refused at the file, row and field, never showing a value", () => {
    fc.assert(
      fc.property(tableName, fc.nat(20), fc.array(value, { minLength: 1, maxLength: 6 }), (table, k, values) => {
        const columns = columnsOf(table)
        const [column, type] = columns[k % columns.length]!
        craft(table, column, values)
        try {
          const read = readArrow(folder)
          const got = Array.from(read[table as Exclude<TableName, "parameters">].array(column) as ArrayLike<unknown>)
          expect(got).toHaveLength(values.length)
          for (const v of got)
            if (v !== null) expect(type === "text" ? typeof v === "string" : Number.isFinite(v)).toBe(true)
        } catch (e) {
          const message = (e as Error).message
          expect(message).toMatch(new RegExp(`row \\d+, field ${column}: must be .* / .*rad \\d+, felt ${column}`, "u"))
          expect(Redact.containsNationalId(message)).toBe(false)
          for (const v of values) if (typeof v === "string" && v.length > 3) expect(message).not.toContain(v)
        }
        expect(({} as Record<string, unknown>).x).toBeUndefined()
      }),
      { numRuns: runs },
    )
  })
})
