// Shape checks of the suppression's inputs. A grid with a text where a count
// should be would compare false against the rule and leave a small count
// shown, so every value is checked before anything is suppressed.
import type { Grid, Pattern } from "../privacy/grid.js"
import { isNumber, reject, requireArray, requireRecord } from "./checks.js"

const isCount = (u: unknown): boolean => u === null || (typeof u === "number" && Number.isFinite(u))
const states = ["published", "primary", "secondary", "unpublished", "structural"]

const requireCounts = (name: string, what: string, u: unknown, length: number | undefined): void => {
  const list = requireArray(name, what, u)
  if (length !== undefined && list.length !== length)
    reject(name, { nb: `${what} må ha ${length} verdier`, en: `${what} must have ${length} entries` })
  if (!list.every(isCount))
    reject(name, {
      nb: `${what} må inneholde endelige tall eller null`,
      en: `${what} must hold finite numbers or null`,
    })
}

/** A two-way table of counts: rows of equal length, totals that fit them. */
export const requireGrid = (name: string, u: unknown): Grid => {
  const g = requireRecord(name, "the grid", u)
  const cells = requireArray(name, "grid.cells", g.cells)
  const C = cells.length === 0 ? undefined : requireArray(name, "grid.cells[0]", cells[0]).length
  for (const [r, row] of cells.entries()) requireCounts(name, `grid.cells[${r}]`, row, C)
  if (g.rowTotals !== undefined) requireCounts(name, "grid.rowTotals", g.rowTotals, cells.length)
  if (g.columnTotals !== undefined) requireCounts(name, "grid.columnTotals", g.columnTotals, C)
  if (g.grandTotal !== undefined && !isCount(g.grandTotal))
    reject(name, {
      nb: "grid.grandTotal må være et endelig tall eller null",
      en: "grid.grandTotal must be a finite number or null",
    })
  if (g.primary !== undefined) {
    for (const p of requireArray(name, "grid.primary", g.primary)) {
      if (!Array.isArray(p) || p.length !== 2 || !Number.isInteger(p[0]) || !Number.isInteger(p[1]))
        reject(name, {
          nb: "grid.primary må inneholde par [rad, kolonne] av heltall",
          en: "grid.primary must hold [row, column] pairs of whole numbers",
        })
    }
  }
  return u as Grid
}

/** The states of a suppressed grid, (rows + 1) × (columns + 1), totals included. */
export const requirePattern = (name: string, u: unknown): Pattern => {
  const p = requireRecord(name, "the pattern", u)
  const R = p.rows
  const C = p.columns
  if (!isNumber(R, Number.isInteger) || !isNumber(C, Number.isInteger) || R < 0 || C < 0) {
    reject(name, {
      nb: "pattern.rows og pattern.columns må være heltall på 0 eller mer",
      en: "pattern.rows and pattern.columns must be whole numbers of 0 or more",
    })
  }
  const lines = requireArray(name, "pattern.states", p.states)
  const ok =
    lines.length === (R as number) + 1 &&
    lines.every(
      (l) => Array.isArray(l) && l.length === (C as number) + 1 && l.every((s) => states.includes(s as string)),
    )
  if (!ok)
    reject(name, {
      nb: `pattern.states må være (rader + 1) × (kolonner + 1) tilstander: ${states.join(", ")}`,
      en: `pattern.states must be (rows + 1) × (columns + 1) states: ${states.join(", ")}`,
    })
  return u as Pattern
}
