// The two-way method the package used before the publication model (kept
// for the regression tests and the disclosure benchmark, which compare the
// two): each table on its own, a row hidden when one of its person counts is
// 1–4 or when a rate between two person counts has a small complement; then
// further rows, the smallest first, until no hidden cell is a bridge in the
// graph of unknown cells of the two-way table. Not exported by the package.
import * as aq from "arquero"
import { TOTAL } from "../src/Dimension.js"
import type { Indicator, Result } from "../src/Indicator.js"
import type { Published } from "../src/privacy/Publication.js"
import type { CellState, Grid, Pattern, Rule } from "../src/privacy/Suppression.js"

const isHidden = (s: CellState) => s === "primary" || s === "secondary"
const isUnknown = (s: CellState) => isHidden(s) || s === "unpublished"
// Values of the extended (R+1)×(C+1) grid; null where not published or structural.
const extend = (
  grid: Grid,
): { values: Array<Array<number | null>>; states: Array<Array<CellState>>; R: number; C: number } => {
  const R = grid.cells.length
  const C = R === 0 ? (grid.columnTotals?.length ?? 0) : grid.cells[0]!.length
  const values: Array<Array<number | null>> = []
  const states: Array<Array<CellState>> = []
  for (let r = 0; r <= R; r++) {
    values.push([])
    states.push([])
    for (let c = 0; c <= C; c++) {
      const v =
        r < R && c < C
          ? (grid.cells[r]![c] ?? null)
          : r < R
            ? (grid.rowTotals?.[r] ?? null)
            : c < C
              ? (grid.columnTotals?.[c] ?? null)
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
export const exposed = (pattern: Pattern): Array<readonly [number, number]> => {
  const { rows: R, columns: C, states } = pattern
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
}
export const suppress = (grid: Grid, rule: Rule = { min: 1, max: 4 }): Pattern => {
  const { values, states, R, C } = extend(grid)
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
    if (unknownNeighbours("row", r).length === 1)
      pick = cheapest(Array.from({ length: C + 1 }, (_, j) => [r, j] as const))
    else if (unknownNeighbours("column", c).length === 1)
      pick = cheapest(Array.from({ length: R + 1 }, (_, i) => [i, c] as const))
    else {
      // Both lines have other unknowns: join the two sides of the bridge with one more hidden cell.
      const a = componentWithout(pattern, ["row", r], r, c)
      const b = componentWithout(pattern, ["column", c], r, c)
      const candidates: Array<readonly [number, number]> = []
      for (let i = 0; i <= R; i++) {
        for (let j = 0; j <= C; j++)
          if ((a.rows.has(i) && b.columns.has(j)) || (b.rows.has(i) && a.columns.has(j))) candidates.push([i, j])
      }
      pick = cheapest(candidates)
    }
    if (pick === undefined) break
    states[pick[0]]![pick[1]] = "secondary"
  }
  if (exposed(pattern).length > 0) {
    throw new Error("The table cannot be suppressed so that no hidden cell can be derived")
  }
  return pattern
}

// The rows and columns reachable from a node through unknown cells, without the edge (r0, c0).
const componentWithout = (
  pattern: Pattern,
  start: readonly ["row" | "column", number],
  r0: number,
  c0: number,
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

type Row = Record<string, unknown>
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null)

// A row is small when a count of persons in it, or the complement of a rate
// between two such counts (those who did not), falls within the rule.
const isSmall = (indicator: Indicator, row: Row, rule: Rule): boolean => {
  const within = (v: number | null) => v !== null && v >= rule.min && v <= rule.max
  const persons = new Set(indicator.measures.filter((m) => m.kind === "persons").map((m) => m.column))
  for (const m of indicator.measures) {
    if (m.kind === "persons" && within(num(row[m.column]))) return true
    if (
      m.kind === "rate" &&
      m.numerator !== undefined &&
      m.denominator !== undefined &&
      persons.has(m.numerator) &&
      persons.has(m.denominator)
    ) {
      const n = num(row[m.numerator])
      const d = num(row[m.denominator])
      if (n !== null && d !== null && within(d - n)) return true
    }
  }
  return false
}

/** The old Publish.publish: one table at a time, whole rows hidden. */
export const publishLegacy = (result: Result, rule: Rule = { min: 1, max: 4 }): Published => {
  const { indicator, by } = result
  if (by.length > 2) throw new Error("at most two dimensions")
  const rows = result.table.objects() as Array<Row>
  const headline = indicator.measures.find((m) => m.kind === "persons")
  const states: Array<CellState> = rows.map(() => "published")
  if (headline !== undefined && rows.length > 0) {
    const [d1, d2] = by
    const rowKeys = d1 === undefined ? [""] : [...new Set(rows.map((r) => String(r[d1])).filter((v) => v !== TOTAL))]
    const colKeys = d2 === undefined ? [""] : [...new Set(rows.map((r) => String(r[d2])).filter((v) => v !== TOTAL))]
    const R = rowKeys.length
    const C = colKeys.length
    if (R === 0 || C === 0) {
      rows.forEach((row, k) => {
        if (isSmall(indicator, row, rule)) states[k] = "primary"
      })
      return finishLegacy(result, rule, rows, states)
    }
    const position = (row: Row): readonly [number, number] => {
      const a = d1 === undefined ? "" : String(row[d1])
      const b = d2 === undefined ? "" : String(row[d2])
      const i = a === TOTAL ? R : rowKeys.indexOf(a)
      const j = d2 === undefined ? 0 : b === TOTAL ? C : colKeys.indexOf(b)
      return [i, j]
    }
    const values: Array<Array<number | null>> = Array.from({ length: R + 1 }, () =>
      new Array<number | null>(C + 1).fill(null),
    )
    const primary: Array<readonly [number, number]> = []
    const positions = rows.map(position)
    rows.forEach((row, k) => {
      const [i, j] = positions[k]!
      values[i]![j] = num(row[headline.column]) ?? 0
      if (isSmall(indicator, row, rule)) primary.push([i, j])
    })
    const grid: Grid = {
      cells: values.slice(0, R).map((line) => line.slice(0, C)),
      rowTotals: values.slice(0, R).map((line) => line[C] ?? null),
      columnTotals: values[R]!.slice(0, C),
      grandTotal: values[R]![C] ?? null,
      primary,
    }
    const pattern = suppress(grid, rule)
    positions.forEach(([i, j], k) => {
      states[k] = pattern.states[i]![j]!
    })
  }
  return finishLegacy(result, rule, rows, states)
}

const finishLegacy = (
  result: Result,
  rule: Rule,
  rows: ReadonlyArray<Row>,
  states: ReadonlyArray<CellState>,
): Published => {
  const { indicator, by } = result
  const hide = (k: number) => states[k] === "primary" || states[k] === "secondary"
  const columns: Record<string, Array<unknown>> = Object.create(null)
  for (const d of by) columns[d] = rows.map((r) => r[d])
  for (const m of indicator.measures) columns[m.column] = rows.map((r, k) => (hide(k) ? null : (r[m.column] ?? null)))
  columns.suppressed = rows.map((_, k) => (hide(k) ? states[k] : null))
  const rowStates = rows.map((_, k) =>
    hide(k) ? Object.fromEntries(indicator.measures.map((m) => [m.column, states[k] as "primary" | "secondary"])) : {},
  )
  const counting = indicator.measures.filter(
    (m) => m.kind === "persons" || (m.kind === "count" && m.of !== undefined),
  ).length
  return {
    indicator,
    by,
    margins: result.margins,
    rule,
    profile: { name: "strict", min: rule.min, max: rule.max },
    period: null,
    table: aq.table(columns),
    states: rowStates,
    hidden: {
      primary: states.filter((s) => s === "primary").length * counting,
      secondary: states.filter((s) => s === "secondary").length * counting,
    },
  }
}
