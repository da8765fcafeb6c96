// An attacker's view of a suppressed table, written independently of the
// suppression code: which hidden cells follow from the published ones.
import type { Suppression } from "../../src/index.js"

const unknown = (s: Suppression.CellState) => s === "primary" || s === "secondary" || s === "unpublished"
const hiddenState = (s: Suppression.CellState) => s === "primary" || s === "secondary"

/** Hidden cells that a single subtraction along one row or column reveals. */
export const revealedBySubtraction = (pattern: Suppression.Pattern): Array<[number, number]> => {
  const { rows: R, columns: C, states } = pattern
  const out: Array<[number, number]> = []
  for (let r = 0; r <= R; r++) {
    const line = Array.from({ length: C + 1 }, (_, c) => [r, c] as [number, number]).filter(([i, j]) =>
      unknown(states[i]![j]!),
    )
    if (line.length === 1 && hiddenState(states[line[0]![0]]![line[0]![1]]!)) out.push(line[0]!)
  }
  for (let c = 0; c <= C; c++) {
    const line = Array.from({ length: R + 1 }, (_, r) => [r, c] as [number, number]).filter(([i, j]) =>
      unknown(states[i]![j]!),
    )
    if (line.length === 1 && hiddenState(states[line[0]![0]]![line[0]![1]]!)) out.push(line[0]!)
  }
  return out
}

// Rank of a matrix by Gaussian elimination (entries are small integers, so a tolerance is safe).
const rank = (rows: Array<Array<number>>): number => {
  const m = rows.map((r) => [...r])
  let rk = 0
  const width = m[0]?.length ?? 0
  for (let col = 0; col < width && rk < m.length; col++) {
    let pivot = -1
    for (let i = rk; i < m.length; i++) if (Math.abs(m[i]![col]!) > 1e-9) pivot = i
    if (pivot < 0) continue
    ;[m[rk], m[pivot]] = [m[pivot]!, m[rk]!]
    for (let i = 0; i < m.length; i++) {
      if (i === rk) continue
      const f = m[i]![col]! / m[rk]![col]!
      if (f !== 0) for (let j = col; j < width; j++) m[i]![j]! -= f * m[rk]![j]!
    }
    rk++
  }
  return rk
}

/**
 * Hidden cells determined by any linear combination of the table's
 * equations (each row and column sums to its total): x is determined exactly
 * when adding the unit vector of x to the equations does not raise their rank.
 */
export const revealedByAlgebra = (pattern: Suppression.Pattern): Array<[number, number]> => {
  const { rows: R, columns: C, states } = pattern
  const vars: Array<[number, number]> = []
  for (let r = 0; r <= R; r++) for (let c = 0; c <= C; c++) if (unknown(states[r]![c]!)) vars.push([r, c])
  if (vars.length === 0) return []
  const index = new Map(vars.map(([r, c], i) => [`${r},${c}`, i]))
  const equations: Array<Array<number>> = []
  // Row r: the cells of columns 0..C-1 minus the total in column C is zero (row R is the totals row).
  for (let r = 0; r <= R; r++) {
    const eq = new Array<number>(vars.length).fill(0)
    for (let c = 0; c <= C; c++) {
      const i = index.get(`${r},${c}`)
      if (i !== undefined) eq[i] = c === C ? -1 : 1
    }
    equations.push(eq)
  }
  for (let c = 0; c <= C; c++) {
    const eq = new Array<number>(vars.length).fill(0)
    for (let r = 0; r <= R; r++) {
      const i = index.get(`${r},${c}`)
      if (i !== undefined) eq[i] = r === R ? -1 : 1
    }
    equations.push(eq)
  }
  const base = rank(equations)
  return vars.filter(([r, c], i) => {
    if (!hiddenState(states[r]![c]!)) return false
    const unit = new Array<number>(vars.length).fill(0)
    unit[i] = 1
    return rank([...equations, unit]) === base
  })
}
