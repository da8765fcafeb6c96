// Comparing result tables from different engines: the same columns in the
// same order, the same rows after sorting by the dimensions, equal cells, and
// floating-point cells (rates, means, medians) equal to 1e-12 (relative to
// their size when above 1); two whole numbers must be equal.
import type { ColumnTable } from "arquero"
import { expect } from "vitest"
import type { Dimension } from "../../src/Dimension.js"

export const TOLERANCE = 1e-12

const rows = (table: ColumnTable, by: ReadonlyArray<Dimension>): Array<Record<string, unknown>> =>
  (by.length > 0 ? table.orderby(...by) : table).objects() as Array<Record<string, unknown>>

const close = (a: unknown, b: unknown): boolean =>
  a === b ||
  (typeof a === "number" &&
    typeof b === "number" &&
    !(Number.isInteger(a) && Number.isInteger(b)) &&
    Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b)))

/** Asserts that two tables are the same after canonical sorting; `what` names the case in the message. */
export const sameTable = (
  actual: ColumnTable,
  expected: ColumnTable,
  by: ReadonlyArray<Dimension>,
  what: string,
): void => {
  expect(actual.columnNames(), what).toEqual(expected.columnNames())
  const a = rows(actual, by)
  const e = rows(expected, by)
  expect(a.length, `${what}: rows`).toBe(e.length)
  a.forEach((row, i) => {
    for (const c of expected.columnNames()) {
      if (!close(row[c], e[i]![c]))
        expect({ row: i, column: c, value: row[c] }, what).toEqual({ row: i, column: c, value: e[i]![c] })
    }
  })
}

/** The groupings a test runs every described indicator with: none, each dimension alone, and two pairs. */
export const groupings = (dimensions: ReadonlyArray<Dimension>): Array<ReadonlyArray<Dimension>> => [
  [],
  ...dimensions.map((d) => [d]),
  ...([
    ["offering", "month"],
    ["category", "year"],
    ["source", "department"],
  ].filter((pair) => pair.every((d) => dimensions.includes(d as Dimension))) as Array<ReadonlyArray<Dimension>>),
]
