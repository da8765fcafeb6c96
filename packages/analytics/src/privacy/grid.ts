// The types of a two-way table and its suppression pattern, apart from
// Suppression.ts so that the shape checks read them without an import loop.
// Suppression.ts re-exports them.

/**
 * What happened to a cell: shown, hidden because small (`primary`), hidden so
 * that another cannot be derived (`secondary`), or a total that is not
 * published at all (`unpublished`). `structural` is a cell that has no row
 * in the table (nothing happened there); it counts as a shown zero.
 * @category privacy
 */
export type CellState = "published" | "primary" | "secondary" | "unpublished" | "structural"

/**
 * A two-way table of counts. A margin given as `null` (or left out) is not
 * published; a cell given as `null` is structural (no such row).
 * @example
 * const grid: Suppression.Grid = { cells: [[3, 10], [7, 12]], rowTotals: [13, 19], columnTotals: [10, 22], grandTotal: 32 }
 * @category models
 */
export interface Grid {
  readonly cells: ReadonlyArray<ReadonlyArray<number | null>>
  readonly rowTotals?: ReadonlyArray<number | null>
  readonly columnTotals?: ReadonlyArray<number | null>
  readonly grandTotal?: number | null
  /** Further positions to hide as primary, in the extended coordinates of {@link Pattern}. */
  readonly primary?: ReadonlyArray<readonly [number, number]>
}

/**
 * The states of every position of a grid, totals included: `states[r][c]`
 * for r ≤ R, c ≤ C, where row R holds the column totals and column C the row
 * totals (so `states[R][C]` is the grand total).
 * @category models
 */
export interface Pattern {
  readonly rows: number
  readonly columns: number
  readonly states: ReadonlyArray<ReadonlyArray<CellState>>
}
