import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Profile, Suppression } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { revealedByAlgebra, revealedBySubtraction } from "./oracle.js"

const withMargins = (cells: Array<Array<number>>): Suppression.Grid => ({
  cells,
  rowTotals: cells.map((row) => row.reduce((a, b) => a + b, 0)),
  columnTotals: cells[0]!.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0)),
  grandTotal: cells.flat().reduce((a, b) => a + b, 0),
})
// The policy's range, as a report reads it; a test that means another passes its own.
const strict = Profile.strictFrom(policy, "2024-12-31")
const suppress = (grid: Suppression.Grid, rule: Suppression.Rule | Profile.Profile = strict) =>
  Suppression.suppress(grid, rule)

const states = (p: Suppression.Pattern) =>
  p.states.map((row) =>
    row
      .map((s) =>
        s === "published" ? "." : s === "primary" ? "P" : s === "secondary" ? "S" : s === "unpublished" ? "-" : "0",
      )
      .join(""),
  )

describe("Suppression.suppress", () => {
  it("hides a small cell and the smallest cell that would give it away in its row and column", () => {
    // 3 is primary; 7 (its column) and 10 (its row) are the cheapest complements, and 12 closes the square.
    const p = suppress(
      withMargins([
        [3, 10],
        [7, 12],
      ]),
    )
    expect(states(p)).toEqual(["PS.", "SS.", "..."])
    expect(Suppression.exposed(p)).toEqual([])
  })

  it("leaves a table without small counts untouched", () => {
    expect(
      states(
        suppress(
          withMargins([
            [5, 10],
            [7, 12],
          ]),
        ),
      ),
    ).toEqual(["...", "...", "..."])
  })

  it("shows zeros and hides totals that are small themselves", () => {
    expect(
      states(
        suppress(
          withMargins([
            [0, 2],
            [0, 2],
          ]),
        ),
      ),
    ).toEqual([".PP", ".PP", ".PP"])
  })

  it("needs two hidden cells in a one-way table with a total", () => {
    // Rows 2, 9, 30 with a grand total 41: hiding 2 alone is undone by 41 − 9 − 30.
    const p = suppress({ cells: [[2], [9], [30]], columnTotals: [41] })
    expect(states(p)).toEqual(["P-", "S-", ".-", ".-"])
  })

  it("needs no second cell when no total is published", () => {
    expect(states(suppress({ cells: [[2], [9], [30]] }))).toEqual(["P-", ".-", ".-", "--"])
  })

  it("joins two protected blocks linked by a single hidden cell", () => {
    // Two 2×2 blocks of small counts and a small cell linking them: that cell
    // is on no cycle, so the sum of rows 0–1 minus columns 0–1 reveals it.
    const cells = [
      [1, 2, 50, 60],
      [3, 4, 1, 70],
      [80, 90, 2, 3],
      [95, 85, 4, 1],
    ]
    const p = suppress(withMargins(cells))
    expect(Suppression.hidden(p, 1, 2)).toBe(true)
    expect(Suppression.exposed(p)).toEqual([])
    expect(revealedByAlgebra(p)).toEqual([])
  })

  it("never reveals a hidden cell, by subtraction or by any combination of rows and columns", () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }))
    const grid = fc
      .integer({ min: 1, max: 6 })
      .chain((r) =>
        fc
          .integer({ min: 1, max: 6 })
          .chain((c) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
      )
    const margins = fc.record({ rows: fc.boolean(), columns: fc.boolean(), grand: fc.boolean() })
    const rule = fc.integer({ min: 1, max: 3 }).chain((min) => fc.integer({ min, max: 9 }).map((max) => ({ min, max })))
    fc.assert(
      fc.property(grid, margins, rule, (cells, m, r) => {
        const full = withMargins(cells)
        const published: Suppression.Grid = {
          cells,
          ...(m.rows ? { rowTotals: full.rowTotals! } : {}),
          ...(m.columns ? { columnTotals: full.columnTotals! } : {}),
          ...(m.grand ? { grandTotal: full.grandTotal! } : {}),
        }
        const p = suppress(published, r)
        // Every small count is hidden…
        cells.forEach((row, i) => {
          row.forEach((v, j) => {
            if (v >= r.min && v <= r.max) expect(Suppression.hidden(p, i, j)).toBe(true)
          })
        })
        // …and none can be worked out again.
        expect(revealedBySubtraction(p)).toEqual([])
        expect(revealedByAlgebra(p)).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it("agrees with the algebra about which patterns are exposed", () => {
    // Random hide/show patterns, not made by suppress: the bridge test and rank test must agree.
    const states = fc.integer({ min: 1, max: 5 }).chain((r) =>
      fc.integer({ min: 1, max: 5 }).chain((c) =>
        fc
          .array(
            fc.array(fc.constantFrom<Suppression.CellState>("published", "primary", "unpublished", "secondary"), {
              minLength: c + 1,
              maxLength: c + 1,
            }),
            { minLength: r + 1, maxLength: r + 1 },
          )
          .map((s) => ({ rows: r, columns: c, states: s })),
      ),
    )
    fc.assert(
      fc.property(states, (p) => {
        const key = (xs: ReadonlyArray<readonly [number, number]>) => xs.map(([a, b]) => `${a},${b}`).sort()
        expect(key(Suppression.exposed(p))).toEqual(key(revealedByAlgebra(p)))
      }),
      { numRuns: 300 },
    )
  })
})
