/**
 * The model matrix that ties published cells to inner cells, as in
 * Statistics Norway's SSBtools/GaussSuppression: one row per inner cell (the
 * finest cells the data is counted in), one column per published cell, so that
 * the published values are `crossprod(x, innerValues)`. A column is stored
 * sparsely: the inner rows it sums, ascending, and the (small integer)
 * coefficient of each. Ordinary tables only have coefficients 1; the type
 * allows others (differences, weighted hierarchies) because the elimination
 * handles them exactly anyway.
 *
 * @module
 */
import { AnalyticsError, type Bilingual } from "../../internal/text.js"

/**
 * One published cell as a sparse column: the inner rows it sums, strictly
 * ascending, and the integer coefficient of each (none zero).
 * @category privacy
 */
export interface Column {
  readonly rows: ReadonlyArray<number>
  readonly values: ReadonlyArray<number>
}

/**
 * Inner cells × published cells, stored by column.
 * @example
 * // Two inner cells and three published cells: each inner cell and their total.
 * const x = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
 * ModelMatrix.crossprod(x, [4, 7]) // [4, 7, 11]
 * @category privacy
 */
export interface ModelMatrix {
  /** Number of inner cells (rows). */
  readonly nrow: number
  readonly columns: ReadonlyArray<Column>
}

const invalid = (text: Bilingual) => new AnalyticsError(text)

/**
 * A model matrix whose published cells are plain sums of inner cells, each
 * given as the set of inner row indices it adds up (in any order; duplicates
 * are not allowed).
 * @example
 * const x = ModelMatrix.fromRowSets(3, [[0, 1, 2], [2, 0]])
 * x.columns[1]!.rows // [0, 2]
 * @category privacy
 */
export const fromRowSets = (nrow: number, sets: ReadonlyArray<ReadonlyArray<number>>): ModelMatrix =>
  fromColumns(
    nrow,
    sets.map((set) => ({ rows: set, values: set.map(() => 1) })),
  )

/**
 * A model matrix from sparse columns. Rows are sorted and checked; zero
 * coefficients are dropped, so that a column's rows are exactly its support.
 * @example
 * const x = ModelMatrix.fromColumns(2, [{ rows: [1, 0], values: [1, -1] }])
 * x.columns[0] // { rows: [0, 1], values: [-1, 1] }
 * @category privacy
 */
export const fromColumns = (nrow: number, columns: ReadonlyArray<Column>): ModelMatrix => {
  if (!Number.isInteger(nrow) || nrow < 0)
    throw invalid({
      nb: `nrow må være et ikke-negativt heltall, fikk ${nrow}`,
      en: `nrow must be a non-negative integer, got ${nrow}`,
    })
  const out = columns.map((c, j) => {
    if (c.rows.length !== c.values.length)
      throw invalid({
        nb: `kolonne ${j}: rows og values har ulik lengde`,
        en: `column ${j}: rows and values differ in length`,
      })
    const order = c.rows.map((_, k) => k).sort((a, b) => c.rows[a]! - c.rows[b]!)
    const rows: Array<number> = []
    const values: Array<number> = []
    for (const k of order) {
      const r = c.rows[k]!
      const v = c.values[k]!
      if (!Number.isInteger(r) || r < 0 || r >= nrow)
        throw invalid({
          nb: `kolonne ${j}: rad ${r} utenfor 0..${nrow - 1}`,
          en: `column ${j}: row ${r} outside 0..${nrow - 1}`,
        })
      if (!Number.isSafeInteger(v))
        throw invalid({
          nb: `kolonne ${j}: koeffisientene må være heltall, fikk ${v}`,
          en: `column ${j}: coefficients must be integers, got ${v}`,
        })
      if (rows.length > 0 && rows[rows.length - 1] === r)
        throw invalid({ nb: `kolonne ${j}: rad ${r} er gitt to ganger`, en: `column ${j}: row ${r} given twice` })
      if (v !== 0) {
        rows.push(r)
        values.push(v)
      }
    }
    return { rows, values }
  })
  return { nrow, columns: out }
}

/**
 * A model matrix from a dense inner × published array (handy in tests and for
 * copying matrices printed by R).
 * @example
 * const x = ModelMatrix.fromDense([[1, 0, 1], [0, 1, 1]])
 * x.columns[2]!.rows // [0, 1]
 * @category privacy
 */
export const fromDense = (dense: ReadonlyArray<ReadonlyArray<number>>): ModelMatrix => {
  const ncol = dense[0]?.length ?? 0
  const columns: Array<Column> = []
  for (let j = 0; j < ncol; j++) {
    const rows: Array<number> = []
    const values: Array<number> = []
    dense.forEach((row, i) => {
      if (row.length !== ncol)
        throw invalid({
          nb: `rad ${i} har ${row.length} verdier, ventet ${ncol}`,
          en: `row ${i} has ${row.length} entries, expected ${ncol}`,
        })
      if (row[j] !== 0) {
        rows.push(i)
        values.push(row[j]!)
      }
    })
    columns.push({ rows, values })
  }
  return fromColumns(dense.length, columns)
}

/**
 * The published values: for every column, the coefficient-weighted sum of the
 * inner values (R's `crossprod(x, y)`).
 * @example
 * ModelMatrix.crossprod(ModelMatrix.fromRowSets(2, [[0], [0, 1]]), [3, 5]) // [3, 8]
 * @category privacy
 */
export const crossprod = (x: ModelMatrix, inner: ArrayLike<number>): Array<number> => {
  if (inner.length !== x.nrow)
    throw invalid({
      nb: `ventet ${x.nrow} indre verdier, fikk ${inner.length}`,
      en: `expected ${x.nrow} inner values, got ${inner.length}`,
    })
  return x.columns.map((c) => {
    let s = 0
    for (let k = 0; k < c.rows.length; k++) s += c.values[k]! * inner[c.rows[k]!]!
    return s
  })
}

/**
 * The inner vector `x %*% w`: for every inner row, the weighted sum over the
 * published cells that contain it.
 * @example
 * ModelMatrix.multiply(ModelMatrix.fromRowSets(2, [[0], [0, 1]]), [1, 10]) // [11, 10]
 * @category privacy
 */
export const multiply = (x: ModelMatrix, w: ArrayLike<number>): Array<number> => {
  if (w.length !== x.columns.length)
    throw invalid({
      nb: `ventet ${x.columns.length} vekter, fikk ${w.length}`,
      en: `expected ${x.columns.length} weights, got ${w.length}`,
    })
  const out = new Array<number>(x.nrow).fill(0)
  x.columns.forEach((c, j) => {
    for (let k = 0; k < c.rows.length; k++) out[c.rows[k]!]! += c.values[k]! * w[j]!
  })
  return out
}

/**
 * The sub-matrix of some columns, in the order given.
 * @example
 * ModelMatrix.select(ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]]), [2, 0]).columns.length // 2
 * @category privacy
 */
export const select = (x: ModelMatrix, columns: ReadonlyArray<number>): ModelMatrix => ({
  nrow: x.nrow,
  columns: columns.map((j) => {
    const c = x.columns[j]
    if (c === undefined) throw invalid({ nb: `kolonne ${j} finnes ikke`, en: `column ${j} does not exist` })
    return c
  }),
})

/**
 * A key that is equal for two columns exactly when they are equal (same rows,
 * same coefficients); used to find duplicated cells.
 * @example
 * ModelMatrix.columnKey({ rows: [0, 2], values: [1, 1] }) // "0:1,2:1"
 * @category privacy
 */
export const columnKey = (c: Column): string => {
  let s = ""
  for (let k = 0; k < c.rows.length; k++) s += `${(k ? "," : "") + c.rows[k]}:${c.values[k]}`
  return s
}

/**
 * For every inner row, a key that is equal for two rows exactly when they
 * enter the same published cells with the same coefficients.
 * @example
 * ModelMatrix.rowKeys(ModelMatrix.fromRowSets(3, [[0, 1], [2]])) // ["0:1", "0:1", "1:1"]
 * @category privacy
 */
export const rowKeys = (x: ModelMatrix): Array<string> => {
  const parts: Array<Array<string>> = Array.from({ length: x.nrow }, () => [])
  x.columns.forEach((c, j) => {
    for (let k = 0; k < c.rows.length; k++) parts[c.rows[k]!]!.push(`${j}:${c.values[k]}`)
  })
  return parts.map((p) => p.join(","))
}
