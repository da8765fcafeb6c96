import { describe, expect, it } from "vitest"
import { suppressNested } from "../../src/privacy/nested.js"
import * as Profile from "../../src/privacy/Profile.js"
import * as Suppression from "../../src/privacy/Suppression.js"
import { policy } from "../fixturePolicy.js"

const strict = Profile.strictFrom(policy, "2024-12-31")
const [low, high] = Profile.smallRange(strict)
const small = low + 1 <= high ? low + 1 : low

// Two files: valid and rejected records, the records as row totals.
const grid = (rejected: number): Suppression.Grid => ({
  cells: [
    [100, rejected],
    [50, 10],
  ],
  rowTotals: [100 + rejected, 60],
  columnTotals: [150, rejected + 10],
  grandTotal: 160 + rejected,
})

describe("suppressNested", () => {
  it("hides a part of a cell's breakdown that its shown cell and the other parts would give away", () => {
    const { table, breakdowns } = suppressNested(
      grid(high + 5),
      [{ at: [0, 1], parts: [high + 5 - small, small] }],
      strict,
    )
    expect(Suppression.hidden(table, 0, 1)).toBe(false)
    expect(breakdowns[0]!.states.slice(0, 2).map((r) => r[0])).toEqual(["secondary", "primary"])
  })

  it("hides in the table a cell its breakdown had to hide, and keeps the table safe", () => {
    // One kind of problem of `small` records under a cell of more: the cell minus it is small.
    const { table, breakdowns } = suppressNested(grid(high + 5), [{ at: [0, 1], parts: [small] }], strict)
    expect(Suppression.hidden(breakdowns[0]!, 1, 0)).toBe(true)
    expect(Suppression.hidden(table, 0, 1)).toBe(true)
    expect(Suppression.exposed(table)).toEqual([])
  })

  it("leaves no hidden cell of the table to add up from the parts of its breakdown", () => {
    // A small count of valid records hides the rejected ones beside it; their parts must not add up to them.
    const { table, breakdowns } = suppressNested(
      { cells: [[small, 20]], rowTotals: [20 + small], columnTotals: [small, 20], grandTotal: 20 + small },
      [{ at: [0, 1], parts: [12, 8] }],
      strict,
    )
    expect(Suppression.hidden(table, 0, 0)).toBe(true)
    expect(Suppression.hidden(table, 0, 1)).toBe(true)
    expect(Suppression.hidden(breakdowns[0]!, 2, 0)).toBe(true)
    expect([0, 1].some((r) => Suppression.hidden(breakdowns[0]!, r, 0))).toBe(true)
  })
})
