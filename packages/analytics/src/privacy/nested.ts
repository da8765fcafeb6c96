// Suppression of a two-way table whose cells are each broken down further in
// a list of their own (the rejected records of a file, by field). A list is
// suppressed as one column with its cell as the total, so that no small part
// of it is left to work out from the cell; a cell hidden in the table is
// hidden in its list too, and a total the list had to hide is hidden in the
// table, until the two agree. The lists share only their totals with the
// table, so a hidden total keeps every part of the whole system hidden.
import type { Profile } from "./Profile.js"
import { type Grid, hidden, type Pattern, suppress } from "./Suppression.js"

/** The breakdown of one cell of the table (row r, column c of the inner cells). */
export interface Breakdown {
  readonly at: readonly [number, number]
  readonly parts: ReadonlyArray<number>
}

export interface NestedPattern {
  readonly table: Pattern
  /** One pattern a breakdown, in order: rows are the parts, row `parts.length` the total. */
  readonly breakdowns: ReadonlyArray<Pattern>
}

const key = ([r, c]: readonly [number, number]) => `${r},${c}`

const cellOf = (grid: Grid, [r, c]: readonly [number, number]): number | null => grid.cells[r]?.[c] ?? null

export const suppressNested = (grid: Grid, breakdowns: ReadonlyArray<Breakdown>, profile: Profile): NestedPattern => {
  const forced = new Map((grid.primary ?? []).map((p) => [key(p), p] as const))
  // Each round hides at least one more cell of the table, so the rounds end.
  for (;;) {
    const table = suppress({ ...grid, primary: [...forced.values()] }, profile)
    const lists = breakdowns.map((b) => {
      const n = b.parts.length
      const totalHidden = hidden(table, b.at[0], b.at[1])
      return suppress(
        {
          cells: b.parts.map((v) => [v]),
          columnTotals: [cellOf(grid, b.at)],
          ...(totalHidden ? { primary: [[n, 0] as const] } : {}),
        },
        profile,
      )
    })
    let more = false
    breakdowns.forEach((b, i) => {
      if (hidden(lists[i]!, b.parts.length, 0) && !hidden(table, b.at[0], b.at[1])) {
        forced.set(key(b.at), b.at)
        more = true
      }
    })
    if (!more) return { table, breakdowns: lists }
  }
}
