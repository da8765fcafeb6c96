/**
 * Small-cell suppression of a two-way table with margins: primary
 * suppression of small counts and secondary suppression so that no hidden
 * cell can be worked out from the published cells and totals.
 *
 * The table is R rows × C columns, with a row total per row, a column total
 * per column and a grand total. Every row and column (totals included) is an
 * equation "the cells sum to the total". Think of rows and columns as nodes
 * and of each cell as an edge between its row and its column; the unknown
 * cells (hidden, or a total that is not published) form a graph. A hidden
 * cell can be derived from the equations — by subtraction along a line or by
 * any combination of lines — exactly when its edge is a bridge of that graph
 * (lies on no cycle). Secondary suppression therefore hides further cells
 * until no hidden cell is a bridge.
 *
 * @module
 */
import { guard } from "../internal/boundary.js"
import { requireRule } from "../internal/checks.js"
import { requireGrid, requirePattern } from "../internal/gridShapes.js"
import { AnalyticsError, bi } from "../internal/text.js"

/**
 * The small-cell rule: counts from `min` to `max` are hidden. The default
 * hides 1–4; zero is shown, as a known absence reveals no one.
 * @example
 * const strict: Suppression.Rule = { min: 1, max: 9 }
 * @category privacy
 */
export interface Rule {
  readonly min: number
  readonly max: number
}

/**
 * Counts of 1–4 are suppressed.
 * @example
 * Suppression.defaultRule.max // 4
 * @category privacy
 */
export const defaultRule: Rule = { min: 1, max: 4 }

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

const isHidden = (s: CellState) => s === "primary" || s === "secondary"
const isUnknown = (s: CellState) => isHidden(s) || s === "unpublished"

// Values of the extended (R+1)×(C+1) grid; null where not published or structural.
const extend = (grid: Grid): { values: Array<Array<number | null>>; states: Array<Array<CellState>>; R: number; C: number } => {
  const R = grid.cells.length
  const C = R === 0 ? (grid.columnTotals?.length ?? 0) : grid.cells[0]!.length
  const values: Array<Array<number | null>> = []
  const states: Array<Array<CellState>> = []
  for (let r = 0; r <= R; r++) {
    values.push([])
    states.push([])
    for (let c = 0; c <= C; c++) {
      const v =
        r < R && c < C ? (grid.cells[r]![c] ?? null)
        : r < R ? (grid.rowTotals?.[r] ?? null)
        : c < C ? (grid.columnTotals?.[c] ?? null)
        : (grid.grandTotal ?? null)
      values[r]!.push(v)
      states[r]!.push(v !== null ? "published" : r < R && c < C ? "structural" : "unpublished")
    }
  }
  return { values, states, R, C }
}

/**
 * The hidden positions that can be derived from what is published: the
 * bridges of the graph of unknown cells. Empty means the pattern is safe.
 * @example
 * Suppression.exposed(Suppression.suppress(grid)) // []
 * @category privacy
 */
export const exposed = guard("Suppression.exposed", bi("et mønster fra Suppression.suppress", "a pattern from Suppression.suppress"), (pattern: Pattern): Array<readonly [number, number]> => {
  const { rows: R, columns: C, states } = requirePattern("Suppression.exposed", pattern)
  // Nodes 0..R are rows (R = the totals row), R+1..R+C+1 are columns (last = totals column).
  const n = R + C + 2
  const adjacency: Array<Array<[number, number]>> = Array.from({ length: n }, () => [])
  const edges: Array<readonly [number, number]> = []
  for (let r = 0; r <= R; r++) {
    for (let c = 0; c <= C; c++) {
      if (!isUnknown(states[r]![c]!)) continue
      const e = edges.push([r, c]) - 1
      adjacency[r]!.push([R + 1 + c, e])
      adjacency[R + 1 + c]!.push([r, e])
    }
  }
  // Tarjan's bridge search, iterative so deep tables do not overflow the stack.
  const order = new Array<number>(n).fill(-1)
  const low = new Array<number>(n).fill(0)
  const bridges: Array<readonly [number, number]> = []
  let time = 0
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue
    const stack: Array<{ node: number; parentEdge: number; next: number }> = [{ node: root, parentEdge: -1, next: 0 }]
    order[root] = low[root] = time++
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const nbrs = adjacency[top.node]!
      if (top.next < nbrs.length) {
        const [to, e] = nbrs[top.next++]!
        if (e === top.parentEdge) continue
        if (order[to] === -1) {
          order[to] = low[to] = time++
          stack.push({ node: to, parentEdge: e, next: 0 })
        } else low[top.node] = Math.min(low[top.node]!, order[to]!)
      } else {
        stack.pop()
        const parent = stack[stack.length - 1]
        if (parent !== undefined) {
          low[parent.node] = Math.min(low[parent.node]!, low[top.node]!)
          if (low[top.node]! > order[parent.node]!) {
            const [r, c] = edges[top.parentEdge]!
            if (isHidden(states[r]![c]!)) bridges.push([r, c])
          }
        }
      }
    }
  }
  return bridges
})

/**
 * Suppresses a grid: hides counts within the rule (primary), then hides the
 * fewest and smallest further cells it can find (secondary) until no hidden
 * cell can be derived from the published ones. Inner cells are preferred to
 * totals, non-zero cells to zeros, small to large.
 * @example
 * const pattern = Suppression.suppress({ cells: [[3, 10], [7, 12]], rowTotals: [13, 19], columnTotals: [10, 22], grandTotal: 32 })
 * pattern.states[0] // ["primary", "secondary", "published"]
 * @category privacy
 */
export const suppress = guard("Suppression.suppress", bi("en tabell { cells, rowTotals?, columnTotals?, grandTotal?, primary? } og { min, max }", "a grid { cells, rowTotals?, columnTotals?, grandTotal?, primary? } and { min, max }"), (grid: Grid, given: Rule = defaultRule): Pattern => {
  const rule = requireRule("Suppression.suppress", given)
  const { values, states, R, C } = extend(requireGrid("Suppression.suppress", grid))
  for (let r = 0; r <= R; r++) {
    for (let c = 0; c <= C; c++) {
      const v = values[r]![c]!
      if (v !== null && v >= rule.min && v <= rule.max) states[r]![c] = "primary"
    }
  }
  for (const [r, c] of grid.primary ?? []) if (states[r]?.[c] === "published") states[r]![c] = "primary"
  const pattern: Pattern = { rows: R, columns: C, states }
  // Cost of hiding a published position: totals last, zeros after non-zeros, then the smallest.
  const cost = (r: number, c: number): number => {
    const v = values[r]![c]!
    return (r === R || c === C ? 2e12 : 0) + (v === 0 ? 1e12 : 0) + (v ?? 0)
  }
  const cheapest = (candidates: ReadonlyArray<readonly [number, number]>): readonly [number, number] | undefined => {
    let best: readonly [number, number] | undefined
    for (const [r, c] of candidates) {
      if (states[r]![c] !== "published") continue
      if (best === undefined || cost(r, c) < cost(best[0], best[1])) best = [r, c]
    }
    return best
  }
  const unknownNeighbours = (node: "row" | "column", i: number) =>
    node === "row"
      ? Array.from({ length: C + 1 }, (_, c) => c).filter((c) => isUnknown(states[i]![c]!))
      : Array.from({ length: R + 1 }, (_, r) => r).filter((r) => isUnknown(states[r]![i]!))

  for (let guard = 0; guard <= (R + 1) * (C + 1); guard++) {
    const open = exposed(pattern)
    if (open.length === 0) return pattern
    const [r, c] = open[0]!
    let pick: readonly [number, number] | undefined
    // A line with a single unknown: hide the cheapest other cell of that line.
    if (unknownNeighbours("row", r).length === 1) pick = cheapest(Array.from({ length: C + 1 }, (_, j) => [r, j] as const))
    else if (unknownNeighbours("column", c).length === 1) pick = cheapest(Array.from({ length: R + 1 }, (_, i) => [i, c] as const))
    else {
      // Both lines have other unknowns: join the two sides of the bridge with one more hidden cell.
      const a = componentWithout(pattern, ["row", r], r, c)
      const b = componentWithout(pattern, ["column", c], r, c)
      const candidates: Array<readonly [number, number]> = []
      for (let i = 0; i <= R; i++) {
        for (let j = 0; j <= C; j++) if ((a.rows.has(i) && b.columns.has(j)) || (b.rows.has(i) && a.columns.has(j))) candidates.push([i, j])
      }
      pick = cheapest(candidates)
    }
    if (pick === undefined) break
    states[pick[0]]![pick[1]] = "secondary"
  }
  if (exposed(pattern).length > 0) {
    throw new AnalyticsError(
      bi(
        "Tabellen kan ikke skjermes slik at ingen skjulte celler kan regnes ut; publiser den uten summer",
        "The table cannot be suppressed so that no hidden cell can be derived; publish it without totals"
      )
    )
  }
  return pattern
})

// The rows and columns reachable from a node through unknown cells, without the edge (r0, c0).
const componentWithout = (
  pattern: Pattern,
  start: readonly ["row" | "column", number],
  r0: number,
  c0: number
): { rows: Set<number>; columns: Set<number> } => {
  const rows = new Set<number>(start[0] === "row" ? [start[1]] : [])
  const columns = new Set<number>(start[0] === "column" ? [start[1]] : [])
  const queue: Array<readonly ["row" | "column", number]> = [start]
  while (queue.length > 0) {
    const [kind, i] = queue.shift()!
    if (kind === "row") {
      for (let c = 0; c <= pattern.columns; c++) {
        if ((i === r0 && c === c0) || !isUnknown(pattern.states[i]![c]!) || columns.has(c)) continue
        columns.add(c)
        queue.push(["column", c])
      }
    } else {
      for (let r = 0; r <= pattern.rows; r++) {
        if ((r === r0 && i === c0) || !isUnknown(pattern.states[r]![i]!) || rows.has(r)) continue
        rows.add(r)
        queue.push(["row", r])
      }
    }
  }
  return { rows, columns }
}

/**
 * True when a position is hidden (primary or secondary).
 * @example
 * Suppression.hidden(pattern, 0, 1)
 * @category privacy
 */
export const hidden = guard(
  "Suppression.hidden",
  bi("et mønster fra Suppression.suppress, en rad og en kolonne", "a pattern from Suppression.suppress, a row and a column"),
  (pattern: Pattern, row: number, column: number): boolean => isHidden(requirePattern("Suppression.hidden", pattern).states[row]?.[column] ?? "published")
)
