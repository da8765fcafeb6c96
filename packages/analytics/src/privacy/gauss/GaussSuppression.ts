/**
 * Secondary cell suppression by Gaussian elimination, ported from
 * `SSBtools::GaussSuppression` (Statistics Norway; the engine of the R
 * package GaussSuppression; Langsrud 2024, "Secondary Cell Suppression by
 * Gaussian Elimination: An Algorithm Suitable for Handling Issues with Zeros
 * and Singletons", PSD 2024, doi:10.1007/978-3-031-69651-0_6).
 *
 * The published cells are columns of the model matrix `x`. The candidates for
 * publication are taken one by one in priority order. Publishing a candidate
 * makes known everything in the span of the published columns; the algorithm
 * keeps every column reduced modulo that span by Gaussian elimination (pivot
 * on the first non-zero inner row of the candidate just published). A primary
 * cell would become known exactly when its reduced column becomes zero, which
 * happens exactly when it is proportional to the reduced candidate about to be
 * published. So a candidate is suppressed (secondary) when its reduced column
 * is proportional to a reduced primary column; otherwise it is published and
 * eliminated from everything after it. A candidate whose reduced column is
 * already zero is a combination of published cells and is published for free.
 *
 * Singletons (inner cells whose contributor can recognise themselves, or
 * zeros when zeros are protected) are handled by the package's frequency
 * table methods: `anySum` (the default), `anySumNOTprimary`, `subSum`,
 * `subSpace`, `subSumSpace`, `subSumAny`, and the sign-less `…Old` variants
 * its tests use; see {@link SingletonMethod}. Not ported: `anySum0`, the
 * magnitude-table (`num…`, `sub2Sum`) methods, `cell_grouping` for linked
 * tables, `xExtraPrimary` and the progress callbacks. One deliberate
 * difference: R reports primary cells made known by forced cells only when
 * some candidate follows the forced ones; here they are reported always.
 *
 * Arithmetic is exact (see ./Exact.ts): integers, fraction-free elimination,
 * BigInt when doubles would overflow; R's `tolGauss` has no counterpart.
 * Indices are 0-based where R's are 1-based.
 *
 * @module
 */
import { AnalyticsError, type Bilingual } from "../../internal/text.js"
import { below, EMPTY, eliminate, indexOf, mixed, proportional, type Sparse, sparse, withoutRows } from "./Exact.js"
import { type Column, columnKey, type ModelMatrix, rowKeys } from "./ModelMatrix.js"

/**
 * How singletons are protected (GaussSuppression's `singletonMethod` for
 * frequency tables):
 * - `anySum` (default): a candidate that, reduced, consists of singletons
 *   only is suppressed, unless its entries have both signs and touch no
 *   singleton used so before. Primary cells that consist of singletons only
 *   are protected by that rule and left out of the elimination.
 * - `anySumNOTprimary`: as `anySum`, for tables where singletons are not
 *   primary suppressed (zeros with `secondaryZeros`): publishing a sum of
 *   singletons is allowed when no primary cell lies within it, and then makes
 *   those singletons known.
 * - `subSum`: a virtual primary cell per published cell, the sum of its
 *   singletons; `subSpace`: the singleton rows are left out of the primary
 *   columns; `subSumSpace`, `subSumAny`: combinations, mainly for testing.
 * - `anySumOld`, `anySumNOTprimaryOld`: the methods before SSBtools looked at
 *   signs (more than one distinct value instead of more than one sign).
 * - `none`: singletons are ignored.
 * @category privacy
 */
export type SingletonMethod =
  | "anySum"
  | "anySumNOTprimary"
  | "anySumOld"
  | "anySumNOTprimaryOld"
  | "subSum"
  | "subSpace"
  | "subSumSpace"
  | "subSumAny"
  | "none"

const methods: ReadonlyArray<SingletonMethod> = [
  "anySum",
  "anySumNOTprimary",
  "anySumOld",
  "anySumNOTprimaryOld",
  "subSum",
  "subSpace",
  "subSumSpace",
  "subSumAny",
  "none",
]

/**
 * Cells as 0-based column indices, or as one boolean per column.
 * @category privacy
 */
export type CellSelection = ReadonlyArray<number> | ReadonlyArray<boolean>

/**
 * Input of {@link gaussSuppression}, named as in R.
 * @category privacy
 */
export interface Options {
  readonly x: ModelMatrix
  /** Candidates for publication in priority order (first = most wanted); default all columns in order. Primary and hidden cells are removed. */
  readonly candidates?: ReadonlyArray<number>
  /** Primary suppressed cells. */
  readonly primary: CellSelection
  /** Cells that must be published; they take precedence over `primary` (a forced primary cell is published, with a note). Primary cells they give away are reported in `unsafe`. */
  readonly forced?: CellSelection
  /** Cells that are not published and need no protection (removed from the candidates). */
  readonly hidden?: CellSelection
  /** One flag per inner cell (row of `x`): the inner cells to treat as singletons. */
  readonly singleton?: ReadonlyArray<boolean>
  readonly singletonMethod?: SingletonMethod
  /** Remove duplicated columns and (non-singleton, singleton) rows first, as R by default: faster, and R's results assume it. */
  readonly removeDuplicated?: boolean | "cols" | "rows"
  /** Switch `anySum` to `anySumNOTprimary` when some single-singleton cell is not primary (R's `auto_anySumNOTprimary`, default true). */
  readonly autoAnySumNotPrimary?: boolean
  /** Switch `anySum` to `subSumAny` when there are forced cells, to find the unsafe ones (R's `auto_subSumAny`, default true). */
  readonly autoSubSumAny?: boolean
}

/**
 * Output of {@link runGaussSuppression}.
 * @category privacy
 */
export interface Result {
  /** Secondary suppressed cells, in candidate order (0-based column indices). */
  readonly secondary: ReadonlyArray<number>
  /** Primary cells that forced cells give away (R's negative indices with `unsafeAsNegative`). */
  readonly unsafe: ReadonlyArray<number>
  /** The singleton method in effect after R's automatic switches. */
  readonly singletonMethod: SingletonMethod
  /** R's warnings and messages, in English. */
  readonly notes: ReadonlyArray<string>
  /** Whether some column needed BigInt during the elimination. */
  readonly arithmetic: "number" | "bigint"
}

const fail = ({ nb, en }: Bilingual): never => {
  throw new AnalyticsError({ nb: nb, en: en })
}

const unique = (xs: ReadonlyArray<number>): Array<number> => [...new Set(xs)]

const toIndices = (sel: CellSelection | undefined, ncol: number, what: string): Array<number> => {
  if (sel === undefined) return []
  if (sel.length > 0 && typeof sel[0] === "boolean") {
    if (sel.length !== ncol)
      fail({
        nb: `${what}: ventet ${ncol} flagg, fikk ${sel.length}`,
        en: `${what}: expected ${ncol} flags, got ${sel.length}`,
      })
    const out: Array<number> = []
    sel.forEach((b, j) => {
      if (b) out.push(j)
    })
    return out
  }
  for (const j of sel as ReadonlyArray<number>) {
    if (!Number.isInteger(j) || j < 0 || j >= ncol)
      fail({ nb: `${what}: indeks ${j} utenfor 0..${ncol - 1}`, en: `${what}: index ${j} outside 0..${ncol - 1}` })
  }
  return unique(sel as ReadonlyArray<number>)
}

/**
 * Secondary suppression by Gaussian elimination: the cells to hide besides
 * the primary ones so that no primary cell can be computed from the published
 * cells (0-based column indices, in candidate order).
 * @example
 * // Inner cells a, b, c, d of a 2×2 table; published: a, b, c, d, a+b, c+d, a+c, b+d, total.
 * const x = ModelMatrix.fromRowSets(4, [[0], [1], [2], [3], [0, 1], [2, 3], [0, 2], [1, 3], [0, 1, 2, 3]])
 * gaussSuppression({ x, primary: [0], candidates: [8, 5, 7, 4, 6, 3, 2, 1] }) // [3, 2, 1]
 * @category privacy
 */
export const gaussSuppression = (options: Options): Array<number> => [...runGaussSuppression(options).secondary]

/**
 * {@link gaussSuppression} with the unsafe primary cells, the singleton
 * method in effect and R's notes.
 * @example
 * const x = ModelMatrix.fromRowSets(2, [[0], [1], [0, 1]])
 * runGaussSuppression({ x, primary: [0], forced: [1, 2] }).unsafe // [0]
 * @category privacy
 */
export const runGaussSuppression = (o: Options): Result => {
  const x = o.x
  const ncol = x.columns.length
  const notes: Array<string> = []
  const method0 = o.singletonMethod ?? "anySum"
  if (!methods.includes(method0))
    fail({ nb: `ukjent singletonMethod «${method0}»`, en: `unknown singletonMethod "${method0}"` })

  let primary = toIndices(o.primary, ncol, "primary")
  const empty: Result = { secondary: [], unsafe: [], singletonMethod: method0, notes, arithmetic: "number" }
  if (primary.length === 0) return empty
  const hidden = new Set(toIndices(o.hidden, ncol, "hidden"))
  let forced = toIndices(o.forced, ncol, "forced")
  let candidates =
    o.candidates === undefined ? Array.from({ length: ncol }, (_, j) => j) : toIndices(o.candidates, ncol, "candidates")
  candidates = candidates.filter((c) => !hidden.has(c))
  if (primary.some((p) => forced.includes(p))) notes.push("Primary suppression of forced cells ignored")

  const removeCols = o.removeDuplicated === undefined || o.removeDuplicated === true || o.removeDuplicated === "cols"
  const removeRows = o.removeDuplicated === undefined || o.removeDuplicated === true || o.removeDuplicated === "rows"

  // Duplicated columns are the same cell: keep the first of each. As R, an
  // empty primary (or forced) column is kept apart from empty candidates.
  let columns: ReadonlyArray<Column> = x.columns
  let dedup: {
    idxDD: Array<number>
    idxDDunique: Array<number>
    candidatesOld: Array<number>
    primaryOld: Array<number>
  } | null = null
  const unsafe: Array<number> = []
  if (removeCols) {
    const primarySet = new Set(primary)
    const forcedSet = new Set(forced)
    const keys = x.columns.map((c, j) =>
      c.rows.length > 0
        ? columnKey(c)
        : forcedSet.has(j)
          ? "<forced empty>"
          : primarySet.has(j)
            ? "<primary empty>"
            : "",
    )
    const firstOf = new Map<string, number>()
    const idxDD = keys.map((k, j) => {
      const f = firstOf.get(k)
      if (f !== undefined) return f
      firstOf.set(k, j)
      return j
    })
    const idxDDunique = [...firstOf.values()].sort((a, b) => a - b)
    if (idxDDunique.length < ncol) {
      if (forced.length) primary = primary.filter((p) => !forcedSet.has(p))
      const idNew = new Array<number>(ncol).fill(-1)
      idxDDunique.forEach((j, k) => {
        idNew[j] = k
      })
      const map = (js: ReadonlyArray<number>) => unique(js.map((j) => idNew[idxDD[j]!]!))
      dedup = { idxDD, idxDDunique, candidatesOld: candidates, primaryOld: primary }
      primary = map(primary)
      candidates = map(candidates)
      forced = map(forced)
      columns = idxDDunique.map((j) => x.columns[j]!)
      const forcedNew = new Set(forced)
      if (primary.some((p) => forcedNew.has(p))) {
        for (const p of dedup.primaryOld) if (forcedNew.has(idNew[idxDD[p]!]!)) unsafe.push(p)
        notes.push(`${unsafe.length} unsafe primary cells due to forced cells when evaluating duplicates`)
      }
    }
  }

  const primarySet = new Set(primary)
  candidates = candidates.filter((c) => !primarySet.has(c))
  const nForced = forced.length
  if (nForced) {
    const forcedSet = new Set(forced)
    primary = primary.filter((p) => !forcedSet.has(p))
    candidates = [...forced, ...candidates.filter((c) => !forcedSet.has(c))]
  }

  const singleton = o.singleton ?? new Array<boolean>(x.nrow).fill(false)
  if (singleton.length !== x.nrow)
    fail({
      nb: `singleton: ventet ${x.nrow} flagg (ett per indre celle), fikk ${singleton.length}`,
      en: `singleton: expected ${x.nrow} flags (one per inner cell), got ${singleton.length}`,
    })

  const input: CoreInput = {
    columns,
    nrow: x.nrow,
    candidates,
    primary,
    nForced,
    singleton,
    method: method0,
    removeRows,
    autoAnySumNotPrimary: o.autoAnySumNotPrimary ?? true,
    autoSubSumAny: o.autoSubSumAny ?? true,
  }
  const out = core(input)
  notes.push(...out.notes)

  const nColumns = columns.length
  let secondary = out.secondary
  let unsafeHere = out.unsafe.filter((p) => p < nColumns)
  if (out.unsafe.length > unsafeHere.length)
    notes.push(`${out.unsafe.length - unsafeHere.length} virtual (singleton) primary cells unsafe due to forced cells`)
  if (dedup !== null) {
    // Back to the original columns: a candidate is secondary when its
    // representative is secondary or primary (a duplicate of a primary cell).
    const { idxDD, idxDDunique, candidatesOld, primaryOld } = dedup
    const hiddenReps = new Set([...secondary, ...primary].map((k) => idxDDunique[k]!))
    const primaryOldSet = new Set(primaryOld)
    secondary = candidatesOld.filter((c) => hiddenReps.has(idxDD[c]!) && !primaryOldSet.has(c))
    const unsafeReps = new Set(unsafeHere.map((k) => idxDDunique[k]!))
    unsafeHere = primaryOld.filter((p) => unsafeReps.has(idxDD[p]!))
  }
  return {
    secondary,
    unsafe: unique([...unsafe, ...unsafeHere]),
    singletonMethod: out.method,
    notes,
    arithmetic: out.usedBigint ? "bigint" : "number",
  }
}

interface CoreInput {
  readonly columns: ReadonlyArray<Column>
  readonly nrow: number
  readonly candidates: ReadonlyArray<number>
  readonly primary: ReadonlyArray<number>
  readonly nForced: number
  readonly singleton: ReadonlyArray<boolean>
  readonly method: SingletonMethod
  readonly removeRows: boolean
  readonly autoAnySumNotPrimary: boolean
  readonly autoSubSumAny: boolean
}

interface CoreOutput {
  readonly secondary: Array<number>
  readonly unsafe: Array<number>
  readonly method: SingletonMethod
  readonly notes: Array<string>
  readonly usedBigint: boolean
}

// A column with exactly one non-zero entry, equal to 1 (R's `single_col`).
const isSingleOne = (c: Column) => c.rows.length === 1 && c.values[0] === 1

// Port of R's GaussSuppression1 for the frequency-table singleton methods.
const core = (input: CoreInput): CoreOutput => {
  const notes: Array<string> = []
  const { nForced, candidates } = input
  let columns: Array<Column> = [...input.columns]
  let nrow = input.nrow
  let primary = [...input.primary]
  let method: SingletonMethod = input.method
  let singleton = method === "none" ? new Array<boolean>(nrow).fill(false) : [...input.singleton]

  // A forced cell that is a single inner cell cannot also be a singleton.
  if (nForced > 0 && singleton.some(Boolean)) {
    let ignored = false
    for (const c of candidates.slice(0, nForced)) {
      const col = columns[c]!
      if (isSingleOne(col) && singleton[col.rows[0]!]) {
        singleton[col.rows[0]!] = false
        ignored = true
      }
    }
    if (ignored) notes.push("Singleton marking of forced cells ignored (freq)")
  }

  // The "Old" variants look at distinct values instead of distinct signs.
  let bySign = true
  if (method === "anySumOld" || method === "anySumNOTprimaryOld") {
    method = method === "anySumOld" ? "anySum" : "anySumNOTprimary"
    bySign = false
  }
  let notPrimary = false
  if (method === "anySumNOTprimary") {
    method = "anySum"
    notPrimary = true
  } else if (input.autoAnySumNotPrimary && singleton.some(Boolean)) {
    // Published cells that are exactly one singleton: if some of them are not
    // primary, singletons are not all protected and anySum's premise fails.
    const primaryHere = new Set(primary)
    let all = 0
    let prim = 0
    columns.forEach((c, j) => {
      if (isSingleOne(c) && singleton[c.rows[0]!]) {
        all++
        if (primaryHere.has(j)) prim++
      }
    })
    notPrimary = all > prim
    if (notPrimary) {
      if (method !== "anySum")
        fail({
          nb: `singletonMethod må være «anySumNOTprimary» når singletoner ikke er primærundertrykt`,
          en: `singletonMethod must be "anySumNOTprimary" when singletons are not primary suppressed`,
        })
      notes.push('singletonMethod is changed to "anySumNOTprimary"')
    }
  }
  if (input.autoSubSumAny && !notPrimary && method === "anySum" && nForced > 0) method = "subSumAny"
  const reportedMethod: SingletonMethod = notPrimary
    ? bySign
      ? "anySumNOTprimary"
      : "anySumNOTprimaryOld"
    : method === "anySum" && !bySign
      ? "anySumOld"
      : method

  if (input.removeRows) {
    // Identical inner rows carry the same information; keep the first of
    // each, non-singletons and singletons separately.
    const keys = rowKeys({ nrow, columns })
    const seen = [new Set<string>(), new Set<string>()]
    const keep = keys.map((k, i) => {
      const s = seen[singleton[i] ? 1 : 0]!
      if (s.has(k)) return false
      s.add(k)
      return true
    })
    if (keep.includes(false)) {
      const idx = new Array<number>(nrow).fill(-1)
      let n = 0
      keep.forEach((kp, i) => {
        if (kp) idx[i] = n++
      })
      columns = columns.map((c) => {
        const rows: Array<number> = []
        const values: Array<number> = []
        c.rows.forEach((r, k) => {
          if (keep[r]) {
            rows.push(idx[r]!)
            values.push(c.values[k]!)
          }
        })
        return { rows, values }
      })
      singleton = singleton.filter((_, i) => keep[i])
      nrow = n
    }
  }

  // subSum: a virtual primary cell per published cell, the sum of its singletons.
  const inputNcol = columns.length
  if (method.includes("subSum") && singleton.some(Boolean)) {
    const seen = new Set<string>()
    columns.slice(0, inputNcol).forEach((c) => {
      const rows: Array<number> = []
      const values: Array<number> = []
      let sum = 0
      let negative = false
      c.rows.forEach((r, k) => {
        if (singleton[r]) {
          rows.push(r)
          values.push(c.values[k]!)
          sum += c.values[k]!
          if (c.values[k]! < 0) negative = true
        }
      })
      if (sum > 1 && !negative) {
        const col = { rows, values }
        const key = columnKey(col)
        if (!seen.has(key)) {
          seen.add(key)
          primary.push(columns.length)
          columns.push(col)
        }
      }
    })
  }
  if (method === "subSum") singleton = singleton.map(() => false)
  {
    // Virtual primary cells that duplicate an earlier primary cell add nothing.
    const seen = new Set<string>()
    const drop = new Set<number>()
    for (const p of primary) {
      const key = columnKey(columns[p]!)
      if (seen.has(key) && p >= inputNcol) drop.add(p)
      seen.add(key)
    }
    if (drop.size) {
      const kept = primary.filter((p) => p < inputNcol || !drop.has(p))
      const virtual = kept.filter((p) => p >= inputNcol).map((p) => columns[p]!)
      columns = [...columns.slice(0, inputNcol), ...virtual]
      primary = [...kept.filter((p) => p < inputNcol), ...virtual.map((_, k) => inputNcol + k)]
    }
  }

  const hasSingleton = singleton.some(Boolean)
  const space = method.includes("Space")
  // Non-singleton rows first (a stable reordering), so that pivots prefer
  // them and "consists of singletons only" is "first non-zero row is a singleton".
  let maxInd2 = nrow
  let perm: Array<number> | null = null
  if (hasSingleton) {
    const order = [...Array(nrow).keys()].sort((a, b) => Number(singleton[a]) - Number(singleton[b]) || a - b)
    maxInd2 = order.findIndex((i) => singleton[i])
    if (maxInd2 < 0) maxInd2 = nrow
    perm = new Array<number>(nrow)
    order.forEach((old, k) => {
      perm![old] = k
    })
    if (!notPrimary && nForced === 0 && !method.includes("subSum")) {
      primary = primary.filter((p) => {
        const c = columns[p]!
        let s = 0
        c.rows.forEach((r, k) => {
          if (!singleton[r]) s += c.values[k]!
        })
        return s !== 0
      })
    }
  }
  const toSparse = (c: Column, keepRow?: (row: number) => boolean): Sparse => {
    const pairs: Array<[number, number]> = []
    c.rows.forEach((r, k) => {
      const row = perm === null ? r : perm[r]!
      if (keepRow === undefined || keepRow(row)) pairs.push([row, c.values[k]!])
    })
    if (perm !== null) pairs.sort((a, b) => a[0] - b[0])
    return sparse(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    )
  }
  const maxInd = hasSingleton && space ? maxInd2 : nrow
  const inSpace = (row: number) => row < maxInd
  const a: Array<Sparse> = candidates.map((c) => toSparse(columns[c]!))
  const b: Array<Sparse> = primary.map((p) => toSparse(columns[p]!, hasSingleton && space ? inSpace : undefined))

  const anyProportional = (u: Sparse): boolean => {
    if (u.rows.length === 0) return true
    for (const v of b) if (v.rows.length > 0 && proportional(u, v)) return true
    return false
  }
  // Some primary cell lies within the singleton rows `rows` (R's Any0GaussInt).
  const anyWithin = (rows: ReadonlyArray<number>): boolean => {
    if (rows.length === 0) return true
    const set = new Set(rows)
    return b.some((v) => v.rows.length > 0 && v.rows.every((r) => set.has(r)))
  }

  const n = a.length
  const secondary = new Array<boolean>(n).fill(false)
  const subUsed = new Array<boolean>(nrow).fill(false)
  const unsafe: Array<number> = []
  const emptyB = () => b.map((v) => v.rows.length === 0)
  let is0B: Array<boolean> = []
  let sawBigint = false
  let eliminated = 0 // R's ii − 1: pivots (and singleton reductions) done
  let forcedChecked = false
  const checkForced = () => {
    // The forced cells are all published now: primary cells they made known are unsafe.
    forcedChecked = true
    const now = emptyB()
    const found = primary.filter((_, i) => now[i] !== is0B[i])
    if (found.length) {
      unsafe.push(...found)
      notes.push(`${found.length} unsafe primary cells due to forced cells`)
    }
  }
  for (let j = 0; j < n; j++) {
    if (nForced > 0 && j === 0) is0B = emptyB()
    if (nForced > 0 && (j === nForced || (eliminated >= nrow && j < nForced))) checkForced()
    if (eliminated >= nrow) break // every inner row is known: the rest is published
    const aj = a[j]!
    if (aj.rows.length === 0) continue // a combination of published cells
    let isSecondary = false
    let reduced = false
    if (j >= nForced) {
      if (!hasSingleton) isSecondary = anyProportional(aj)
      else {
        let onlySingletons = aj.rows[0]! >= maxInd2
        if (space) {
          isSecondary = onlySingletons || anyProportional(below(aj, maxInd))
        } else {
          if (onlySingletons && mixed(aj, bySign) && !aj.rows.some((r) => subUsed[r])) {
            // A signed combination of singletons reveals none of them, but two
            // overlapping ones could: allow each singleton in one such cell only.
            onlySingletons = false
            for (const r of aj.rows) subUsed[r] = true
          }
          if (onlySingletons && notPrimary) {
            if (!anyWithin(aj.rows)) {
              // Publishing a sum of singletons (zeros) reveals each of them.
              const set = new Set(aj.rows)
              for (let i = j + 1; i < n; i++) a[i] = withoutRows(a[i]!, set)
              for (let i = 0; i < b.length; i++) b[i] = withoutRows(b[i]!, set)
              a[j] = EMPTY
              reduced = true
            } else isSecondary = true
          } else isSecondary = onlySingletons || anyProportional(aj)
        }
      }
    }
    if (!isSecondary) {
      if (!reduced) {
        const pivot = aj.rows[0]!
        for (let i = j + 1; i < n; i++) {
          const ai = a[i]!
          const p = indexOf(ai.rows, pivot)
          if (p >= 0) {
            a[i] = eliminate(ai, p, aj, 0)
            if (typeof a[i]!.values[0] === "bigint") sawBigint = true
          }
        }
        const keep = maxInd < nrow ? inSpace : undefined
        for (let i = 0; i < b.length; i++) {
          const bi_ = b[i]!
          const p = indexOf(bi_.rows, pivot)
          if (p >= 0) b[i] = eliminate(bi_, p, aj, 0, keep)
        }
        a[j] = EMPTY
      }
      eliminated++
    } else {
      secondary[j] = true
      a[j] = EMPTY
    }
  }
  // R checks only when a candidate follows the forced ones; when every
  // candidate is forced it never does, and would report nothing unsafe.
  if (nForced > 0 && !forcedChecked && n > 0) checkForced()
  const usedBigint = sawBigint || b.some((v) => typeof v.values[0] === "bigint")
  return { secondary: candidates.filter((_, j) => secondary[j]), unsafe, method: reportedMethod, notes, usedBigint }
}
