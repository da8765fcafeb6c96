/**
 * Builds the model matrix of a publication from inner cells and dimensions
 * with totals and hierarchies, in the manner of SSBtools' `ModelMatrix(...,
 * crossTable = TRUE)`.
 *
 * A dimension is one or more variables of the inner cells, finest first: a
 * flat dimension is one variable (`age`), a hierarchy several (`geo` within
 * `eu`). Its codes are the total (every inner cell) and every value of every
 * variable (the inner cells with that value). A published cell picks one code
 * per dimension and sums the inner cells that match all of them. By default
 * the publication is every combination of codes, the first dimension varying
 * slowest, as R's crossTable; or the cells can be listed (a formula's terms,
 * see {@link termCells}).
 *
 * @module
 */
import { AnalyticsError, type Bilingual } from "../../internal/text.js"
import { fromColumns, type ModelMatrix } from "./ModelMatrix.js"

/**
 * A dimension of the publication.
 * @example
 * const geo: CrossTable.Dimension = { name: "geo", variables: ["geo", "eu"] }
 * @category privacy
 */
export interface Dimension {
  /** Name used in the published cell labels. */
  readonly name: string
  /** Variables of the inner cells, finest first (default: `[name]`). */
  readonly variables?: ReadonlyArray<string>
  /** Code of the total (default "Total"); `null` for a dimension without a total. */
  readonly total?: string | null
  /** Every code in the order wanted; by default the total, then each variable from the coarsest, its values sorted. */
  readonly order?: ReadonlyArray<string>
}

/**
 * An inner cell: a value per variable (numbers are read as text).
 * @category privacy
 */
export type InnerCell = Readonly<Record<string, string | number>>

/**
 * A published cell: a code per dimension name.
 * @category privacy
 */
export type CellLabel = Readonly<Record<string, string>>

/**
 * The codes of one dimension with the inner rows each covers.
 * @category privacy
 */
export interface Code {
  readonly code: string
  readonly rows: ReadonlyArray<number>
}

/**
 * A publication: its model matrix and a label per published cell (column).
 * @category privacy
 */
export interface Table {
  readonly x: ModelMatrix
  readonly cells: ReadonlyArray<CellLabel>
}

/**
 * Options of {@link crossTable}.
 * @category privacy
 */
export interface TableOptions {
  /** The published cells, instead of every combination; a dimension left out means its total. */
  readonly cells?: ReadonlyArray<Readonly<Record<string, string>>>
  /** Leave out cells that no inner cell contributes to (default false, as R with `dimVar`). */
  readonly removeEmpty?: boolean
}

const fail = ({ nb, en }: Bilingual): never => {
  throw new AnalyticsError({ nb: nb, en: en })
}

// R sorts codes with the locale's collation (ICU), not by code points: "EU" < "Iceland" < "nonEU".
const collator = new Intl.Collator("en")

const variablesOf = (d: Dimension) => d.variables ?? [d.name]
const totalOf = (d: Dimension) => (d.total === undefined ? "Total" : d.total)

const valueAt = (cell: InnerCell, variable: string): string => {
  const v = cell[variable]
  if (v === undefined)
    fail({ nb: `indre celle uten variabelen «${variable}»`, en: `inner cell without variable "${variable}"` })
  return String(v)
}

/**
 * The codes of a dimension: the total and each value of each variable, with
 * the inner rows each covers, in the dimension's order.
 * @example
 * const inner = [{ geo: "Spain", eu: "EU" }, { geo: "Iceland", eu: "nonEU" }]
 * CrossTable.dimensionCodes(inner, { name: "geo", variables: ["geo", "eu"] }).map((c) => c.code)
 * // ["Total", "EU", "nonEU", "Iceland", "Spain"]
 * @category privacy
 */
export const dimensionCodes = (inner: ReadonlyArray<InnerCell>, d: Dimension): Array<Code> => {
  const byCode = new Map<string, Array<number>>()
  const levels: Array<Array<string>> = []
  for (const variable of variablesOf(d)) {
    const values = new Map<string, Array<number>>()
    inner.forEach((cell, i) => {
      const v = valueAt(cell, variable)
      const rows = values.get(v)
      if (rows) rows.push(i)
      else values.set(v, [i])
    })
    for (const [code, rows] of values) {
      const existing = byCode.get(code)
      // One code for two variables is fine only when it means the same inner cells.
      if (existing && existing.join() !== rows.join())
        fail({
          nb: `dimensjon «${d.name}»: koden «${code}» betyr ulike celler i to variabler`,
          en: `dimension "${d.name}": code "${code}" means different cells in two variables`,
        })
      byCode.set(code, rows)
    }
    levels.push([...values.keys()].sort(collator.compare))
  }
  const total = totalOf(d)
  if (total !== null) {
    if (byCode.has(total))
      fail({
        nb: `dimensjon «${d.name}»: totalens kode «${total}» er også en verdi`,
        en: `dimension "${d.name}": the total's code "${total}" is also a value`,
      })
    byCode.set(
      total,
      inner.map((_, i) => i),
    )
  }
  let order: ReadonlyArray<string>
  if (d.order !== undefined) {
    order = d.order
    const missing = [...byCode.keys()].filter((c) => !order.includes(c))
    if (missing.length)
      fail({
        nb: `dimensjon «${d.name}»: rekkefølgen mangler ${missing.join(", ")}`,
        en: `dimension "${d.name}": order lacks ${missing.join(", ")}`,
      })
  } else {
    const seen = new Set<string>()
    order = [...(total === null ? [] : [total]), ...levels.reverse().flat()].filter((c) => {
      if (seen.has(c)) return false
      seen.add(c)
      return true
    })
  }
  return order.map((code) => {
    const rows = byCode.get(code)
    if (rows === undefined)
      return fail({
        nb: `dimensjon «${d.name}»: ukjent kode «${code}»`,
        en: `dimension "${d.name}": unknown code "${code}"`,
      })
    return { code, rows }
  })
}

const intersect = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): Array<number> => {
  const out: Array<number> = []
  let i = 0
  let k = 0
  while (i < a.length && k < b.length) {
    if (a[i]! < b[k]!) i++
    else if (a[i]! > b[k]!) k++
    else {
      out.push(a[i]!)
      i++
      k++
    }
  }
  return out
}

/**
 * The model matrix and cell labels of a publication: by default every
 * combination of the dimensions' codes (first dimension slowest).
 * @example
 * const inner = [{ age: "old", sex: "f" }, { age: "old", sex: "m" }, { age: "young", sex: "f" }]
 * const t = CrossTable.crossTable(inner, [{ name: "age" }, { name: "sex" }])
 * t.cells.length // 9: (Total, old, young) × (Total, f, m)
 * t.x.columns[4]!.rows // old × f: [0]
 * @category privacy
 */
export const crossTable = (
  inner: ReadonlyArray<InnerCell>,
  dimensions: ReadonlyArray<Dimension>,
  options: TableOptions = {},
): Table => {
  const codes = dimensions.map((d) => dimensionCodes(inner, d))
  const all = inner.map((_, i) => i)
  const lookup = codes.map((cs) => new Map(cs.map((c) => [c.code, c.rows])))
  let labels: Array<CellLabel>
  if (options.cells !== undefined) {
    const names = new Set(dimensions.map((d) => d.name))
    labels = options.cells.map((cell) => {
      for (const k of Object.keys(cell))
        if (!names.has(k))
          fail({ nb: `cellen nevner ukjent dimensjon «${k}»`, en: `cell names unknown dimension "${k}"` })
      return Object.fromEntries(
        dimensions.map((d) => {
          const code = cell[d.name] ?? totalOf(d)
          if (code === null)
            return fail({
              nb: `dimensjonen «${d.name}» har ingen total; hver celle må gi koden`,
              en: `dimension "${d.name}" has no total; every cell must give its code`,
            })
          return [d.name, code]
        }),
      )
    })
  } else {
    labels = [{}]
    dimensions.forEach((d, k) => {
      labels = labels.flatMap((l) => codes[k]!.map((c) => ({ ...l, [d.name]: c.code })))
    })
  }
  const sets = labels.map((label) =>
    dimensions.reduce<ReadonlyArray<number>>((rows, d, k) => {
      const r = lookup[k]!.get(label[d.name]!)
      if (r === undefined)
        return fail({
          nb: `dimensjon «${d.name}»: ukjent kode «${label[d.name]}»`,
          en: `dimension "${d.name}": unknown code "${label[d.name]}"`,
        })
      return r.length === inner.length ? rows : intersect(rows, r)
    }, all),
  )
  const keep = sets.map((s) => !options.removeEmpty || s.length > 0)
  const cols = sets.filter((_, j) => keep[j]).map((rows) => ({ rows, values: rows.map(() => 1) }))
  return { x: fromColumns(inner.length, cols), cells: labels.filter((_, j) => keep[j]) }
}

/**
 * Published cells of a formula-like list of terms: each term crosses some
 * dimensions (first slowest) and takes the total of the others; `[]` is the
 * grand total. Duplicates are dropped. For R's `~ a * b`: `[[], ["a"], ["b"], ["a", "b"]]`.
 * @example
 * const inner = [{ a: "1", b: "x" }, { a: "2", b: "y" }]
 * CrossTable.termCells(inner, [{ name: "a" }, { name: "b" }], [[], ["a"]])
 * // [{ a: "Total", b: "Total" }, { a: "1", b: "Total" }, { a: "2", b: "Total" }]
 * @category privacy
 */
export const termCells = (
  inner: ReadonlyArray<InnerCell>,
  dimensions: ReadonlyArray<Dimension>,
  terms: ReadonlyArray<ReadonlyArray<string>>,
): Array<CellLabel> => {
  const byName = new Map(dimensions.map((d) => [d.name, d]))
  const out: Array<CellLabel> = []
  const seen = new Set<string>()
  for (const term of terms) {
    let labels: Array<Record<string, string>> = [Object.fromEntries(dimensions.map((d) => [d.name, totalOf(d) ?? ""]))]
    for (const name of term) {
      const d =
        byName.get(name) ??
        fail({ nb: `leddet nevner ukjent dimensjon «${name}»`, en: `term names unknown dimension "${name}"` })
      const total = totalOf(d)
      const codes = dimensionCodes(inner, d).filter((c) => c.code !== total)
      labels = labels.flatMap((l) => codes.map((c) => ({ ...l, [name]: c.code })))
    }
    for (const l of labels) {
      const key = JSON.stringify(l)
      if (!seen.has(key)) {
        seen.add(key)
        out.push(l)
      }
    }
  }
  return out
}

/**
 * Adds the missing combinations of the dimensions as inner cells with
 * frequency 0, as GaussSuppression's `extend0` does, so that an empty cell of
 * the table is a known zero the algorithm can protect. Existing cells keep
 * their place; the new ones follow, in R's order (every combination of each
 * dimension's values in order of first appearance, the first dimension
 * varying fastest).
 * @example
 * const inner = [{ age: "old", sex: "f", n: 3 }, { age: "young", sex: "m", n: 2 }]
 * CrossTable.extend0(inner, [{ name: "age" }, { name: "sex" }], "n").length // 4
 * @category privacy
 */
export const extend0 = <C extends InnerCell>(
  inner: ReadonlyArray<C>,
  dimensions: ReadonlyArray<Dimension>,
  freqVar: string,
): Array<InnerCell> => {
  const tuples = dimensions.map((d) => {
    const vars = variablesOf(d)
    const seen = new Map<string, Record<string, string>>()
    for (const cell of inner) {
      const t = Object.fromEntries(vars.map((v) => [v, valueAt(cell, v)]))
      const key = JSON.stringify(vars.map((v) => t[v]))
      if (!seen.has(key)) seen.set(key, t)
    }
    return [...seen.values()]
  })
  const keyOf = (cell: InnerCell) => JSON.stringify(dimensions.map((d) => variablesOf(d).map((v) => valueAt(cell, v))))
  const present = new Set(inner.map(keyOf))
  let combos: Array<Record<string, string>> = [{}]
  // First dimension fastest: build from the last dimension outwards.
  for (let k = dimensions.length - 1; k >= 0; k--) {
    combos = combos.flatMap((c) => tuples[k]!.map((t) => ({ ...c, ...t })))
  }
  const added = combos.filter((c) => !present.has(keyOf(c))).map((c) => ({ ...c, [freqVar]: 0 }))
  return [...inner, ...added]
}
