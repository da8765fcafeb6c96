/**
 * Small-cell suppression of a two-way table with margins, as a thin adapter
 * over the one method of the package: the table becomes a model matrix
 * (inner cells; row, column and grand totals as their sums), small counts
 * are primary, and secondary cells are chosen by Gaussian elimination
 * (`gauss.runGaussSuppression`, Statistics Norway's GaussSuppression) with
 * its default candidate order: large cells and totals are published first,
 * so the small inner cells near the primary ones are the ones hidden.
 *
 * `exposed` checks a pattern independently: a hidden cell can be worked out
 * exactly when its column is a linear combination of the published ones
 * (`gauss.derivable`, exact rational elimination).
 *
 * @module
 */
import { guard } from "../internal/boundary.js"
import { reject, requireRecord, requireRule } from "../internal/checks.js"
import { requireGrid, requirePattern } from "../internal/gridShapes.js"

import { candidatesDefault } from "./gauss/Candidates.js"
import { derivable } from "./gauss/Derivable.js"
import { runGaussSuppression } from "./gauss/GaussSuppression.js"
import { type Column, fromColumns } from "./gauss/ModelMatrix.js"
import { type Profile, requireProfile } from "./Profile.js"

/**
 * The small-cell rule: counts from `min` to `max` are hidden; zero is shown,
 * as a known absence reveals no one. The policy tree holds the range in force
 * (`privacy.strict-min`, `privacy.strict-max`); `Profile.strictFrom` reads it.
 * @example
 * const strict: Suppression.Rule = Profile.asRule(Profile.strictFrom(policy, "2024-12-31")) // { min: 1, max: 4 }
 * @category privacy
 */
export interface Rule {
  readonly min: number
  readonly max: number
}

export type { CellState, Grid, Pattern } from "./grid.js"

import type { CellState, Grid, Pattern } from "./grid.js"

const isHidden = (s: CellState) => s === "primary" || s === "secondary"

// The model matrix of an (R+1)×(C+1) grid: inner rows are the inner cells
// that exist; every position is the sum of the inner cells it covers.
const model = (R: number, C: number, exists: (r: number, c: number) => boolean) => {
  const row = new Map<string, number>()
  let nrow = 0
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (exists(r, c)) row.set(`${r},${c}`, nrow++)
  const column = (r: number, c: number): Column => {
    const rows: Array<number> = []
    for (let i = 0; i < R; i++) {
      if (r < R && i !== r) continue
      for (let j = 0; j < C; j++) {
        if (c < C && j !== c) continue
        const k = row.get(`${i},${j}`)
        if (k !== undefined) rows.push(k)
      }
    }
    return { rows, values: rows.map(() => 1) }
  }
  return { nrow, column }
}

/**
 * The hidden positions that can be derived from what is published (known
 * zeros included). Empty means the pattern is safe.
 * @example
 * Suppression.exposed(Suppression.suppress(grid, strict)) // []
 * @category privacy
 */
export const exposed = guard(
  "Suppression.exposed",
  { nb: "et mønster fra Suppression.suppress", en: "a pattern from Suppression.suppress" },
  (pattern: Pattern): Array<readonly [number, number]> => {
    const { rows: R, columns: C, states } = requirePattern("Suppression.exposed", pattern)
    const { nrow, column } = model(R, C, (r, c) => states[r]![c] !== "structural")
    const positions: Array<readonly [number, number]> = []
    for (let r = 0; r <= R; r++)
      for (let c = 0; c <= C; c++) if (states[r]![c] === "published" || isHidden(states[r]![c]!)) positions.push([r, c])
    const x = fromColumns(
      nrow,
      positions.map(([r, c]) => column(r, c)),
    )
    const published = positions.flatMap(([r, c], j) => (states[r]![c] === "published" ? [j] : []))
    const hidden = positions.flatMap(([r, c], j) => (isHidden(states[r]![c]!) ? [j] : []))
    const found = derivable(x, published, hidden)
    return hidden.filter((_, k) => found[k]).map((j) => positions[j]!)
  },
)

/**
 * Suppresses a grid: hides counts within the rule (primary), then hides as
 * few further cells as Gaussian elimination needs (secondary), preferring
 * small inner cells to large ones and to totals, so that no hidden cell can
 * be derived from the published ones. With the `ssb` profile zeros are
 * primary too (GaussSuppression's protectZeros).
 * @example
 * const strict = Profile.strictFrom(policy, "2024-12-31") // the policy's range, 1–4
 * const pattern = Suppression.suppress({ cells: [[3, 10], [7, 12]], rowTotals: [13, 19], columnTotals: [10, 22], grandTotal: 32 }, strict)
 * pattern.states[0] // ["primary", "secondary", "published"]
 * @category privacy
 */
export const suppress = guard(
  "Suppression.suppress",
  {
    nb: "en tabell { cells, rowTotals?, columnTotals?, grandTotal?, primary? } og { min, max } eller en profil",
    en: "a grid { cells, rowTotals?, columnTotals?, grandTotal?, primary? } and { min, max } or a profile",
  },
  (grid: Grid, given: Rule | Profile): Pattern => {
    const name = "Suppression.suppress"
    const g = requireGrid(name, grid)
    // The range is the policy's, never a copy here: a caller passes what the policy tree holds.
    if (given === undefined)
      reject(name, {
        nb: "trenger en regel { min, max } eller en profil, fra regelverket: Profile.strictFrom(policy, dato)",
        en: "needs a rule { min, max } or a profile, from the policy: Profile.strictFrom(policy, date)",
      })
    const isProfile = Object.hasOwn(requireRecord(name, "rule", given), "name")
    const profile: Profile = isProfile ? requireProfile(name, given) : { name: "strict", ...requireRule(name, given) }
    const [min, max] =
      profile.name === "strict"
        ? [profile.min, profile.max]
        : profile.name === "ssb"
          ? [1, profile.maxN]
          : [1, profile.base - 1]
    const zeros = profile.name === "ssb"
    const R = g.cells.length
    const C = R === 0 ? (g.columnTotals?.length ?? 0) : g.cells[0]!.length
    const value = (r: number, c: number): number | null =>
      r < R && c < C
        ? (g.cells[r]![c] ?? null)
        : r < R
          ? (g.rowTotals?.[r] ?? null)
          : c < C
            ? (g.columnTotals?.[c] ?? null)
            : (g.grandTotal ?? null)
    const states: Array<Array<CellState>> = []
    const positions: Array<readonly [number, number]> = []
    for (let r = 0; r <= R; r++) {
      states.push([])
      for (let c = 0; c <= C; c++) {
        const v = value(r, c)
        states[r]!.push(v !== null ? "published" : r < R && c < C ? "structural" : "unpublished")
        if (v !== null) positions.push([r, c])
      }
    }
    const { nrow, column } = model(R, C, (r, c) => value(r, c) !== null)
    const x = fromColumns(
      nrow,
      positions.map(([r, c]) => column(r, c)),
    )
    const freq = positions.map(([r, c]) => value(r, c)!)
    const forced = new Set((g.primary ?? []).map(([r, c]) => `${r},${c}`))
    const primary = positions.map(
      ([r, c], j) =>
        (freq[j]! >= min && freq[j]! <= max && (freq[j] !== 0 || min === 0)) ||
        (zeros && freq[j] === 0) ||
        forced.has(`${r},${c}`),
    )
    if (primary.some(Boolean)) {
      const innerFreq: Array<number> = []
      for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (value(r, c) !== null) innerFreq.push(value(r, c)!)
      const candidates = candidatesDefault(freq, x).filter((j) => !primary[j])
      const r = runGaussSuppression({
        x,
        candidates,
        primary,
        ...(zeros ? { singleton: innerFreq.map((v) => v === 0) } : {}),
        singletonMethod: zeros ? "anySum" : "none",
      })
      const secondary = new Set(r.secondary)
      positions.forEach(([i, j], k) => {
        if (primary[k]) states[i]![j] = "primary"
        else if (secondary.has(k)) states[i]![j] = "secondary"
      })
    }
    return { rows: R, columns: C, states }
  },
)

/**
 * True when a position is hidden (primary or secondary).
 * @example
 * Suppression.hidden(pattern, 0, 1)
 * @category privacy
 */
export const hidden = guard(
  "Suppression.hidden",
  {
    nb: "et mønster fra Suppression.suppress, en rad og en kolonne",
    en: "a pattern from Suppression.suppress, a row and a column",
  },
  (pattern: Pattern, row: number, column: number): boolean =>
    isHidden(requirePattern("Suppression.hidden", pattern).states[row]?.[column] ?? "published"),
)
