/**
 * One model of a publication: every cell that one report or export
 * publishes together is one system of linear relations, over every indicator
 * and table in it, and disclosure control works on that whole system.
 *
 * The model (as Statistics Norway's GaussSuppression builds it):
 * - Each count of people in a table counts a set (`Measures`); the sets of a
 *   family are sums of its atoms (booked = present + bookedNeverPresent).
 * - **Inner cells** are the finest disjoint person-sets per combination of
 *   the dimensions the family is published by: for a report that shows
 *   attendance by offering and by month, each (offering, month, atom) that
 *   has someone in it. They are computed from the records.
 * - **Published cells** are sums of inner cells: a set at a row label (an
 *   offering, a month, a total) is the sum of the inner cells of its atoms
 *   within that label. The same set at the same label in two tables
 *   (`participation.participants` and `capacityUse.citizens` are both
 *   `present`) is one cell.
 * - **Protected cells** are the published counts in the profile's small
 *   range, and every combination of atoms at a label whose count is small:
 *   the people booked but never present in February, those who gave no
 *   rating, the citizens without an SRS alert. They are never published; the
 *   suppression makes sure no combination of published cells gives them.
 *
 * Secondary suppression is `gauss.runGaussSuppression` over the whole
 * model, with GaussSuppression's candidate order (large cells and totals
 * are published first, so the small and inner cells are the ones hidden).
 * Counts of events (attendances, forms) are hidden with their set and when
 * small; rates, means and medians are hidden when what they are computed
 * from is; counts that are not about people (sessions, places) are never
 * hidden. The `rounding` profile rounds inner cells instead (see
 * {@link roundGroup}).
 *
 * Totals of distinct people are not sums of their rows (one person can be in
 * two offerings); the model treats them as sums anyway, which can only hide
 * more, as the two-way method before it did.
 *
 * @module
 */

import type { ColumnTable } from "arquero"
import * as aq from "arquero"
import { all as allDimensions, type Dimension, TOTAL } from "../Dimension.js"
import { compute, type Indicator, type Result } from "../Indicator.js"
import { record } from "../internal/expr.js"
import { AnalyticsError, type Bilingual } from "../internal/text.js"
import type { Period, Tables } from "../Tables.js"
import { candidatesDefault } from "./gauss/Candidates.js"
import { runGaussSuppression } from "./gauss/GaussSuppression.js"
import { type Column, fromColumns } from "./gauss/ModelMatrix.js"
import { type Coarse, coarse, type Family, type Role, roles } from "./Measures.js"
import { asRule, type Profile, smallRange, strictFrom } from "./Profile.js"

/**
 * Why a cell is hidden: small itself (`primary`) or so that a small one
 * cannot be worked out (`secondary`).
 * @category privacy
 */
export type HiddenState = "primary" | "secondary"

/**
 * A published indicator table. Hidden cells are null; `states[i]` names the
 * hidden cells of row i (the table's order) and why; the `suppressed` column
 * sums a row up (`primary` when some cell of it is small, else `secondary`
 * when some cell is hidden, else null). It carries no identifiers: only
 * dimension values and aggregates.
 * @category models
 */
export interface Published {
  readonly indicator: Indicator
  readonly by: ReadonlyArray<Dimension>
  readonly margins: boolean
  /** The profile's small range as `{ min, max }` (what older outputs carried). */
  readonly rule: { readonly min: number; readonly max: number }
  readonly profile: Profile
  /** The period the records cover, when known. */
  readonly period: Period | null
  readonly table: ColumnTable
  readonly states: ReadonlyArray<Readonly<Record<string, HiddenState>>>
  /** Hidden counts of people and of their events, by reason. */
  readonly hidden: { readonly primary: number; readonly secondary: number }
  /**
   * Per row, true where the indicator does not apply (`Result.notApplicable`):
   * its cells are null and read "not applicable", never 0 %. Absent for an
   * indicator that applies everywhere.
   */
  readonly notApplicable?: ReadonlyArray<boolean>
}

/**
 * Options of {@link publish}. `tables` is needed when one family of sets is
 * published by several groupings (by offering and by month), to count its
 * inner cells; `period` defaults to the tables' period.
 * @category models
 */
export interface Options {
  readonly profile?: Profile
  readonly tables?: Tables
  readonly period?: Period
}

/**
 * A publication: its tables, published together under one profile.
 * @category models
 */
export interface Publication {
  readonly profile: Profile
  readonly period: Period | null
  readonly tables: ReadonlyArray<Published>
  /** Hidden counts of people and their events over every table (a cell shown in two tables counts twice). */
  readonly hidden: { readonly primary: number; readonly secondary: number }
  /** Counts of people and their events, and how many of them are hidden. */
  readonly cells: { readonly total: number; readonly hidden: number }
  /** Size of the linear system: inner cells, published cells, protected cells. */
  readonly system: { readonly inner: number; readonly published: number; readonly protected: number }
}

type Row = Record<string, unknown>
type Pairs = ReadonlyArray<readonly [string, string]>

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null)

/** The row label: the dimension values that are not totals, in canonical order. */
const labelOf = (row: Row, by: ReadonlyArray<string>): Pairs =>
  by.flatMap((d) => (row[d] === TOTAL ? [] : [[d, String(row[d])] as const]))
const keyOf = (pairs: Pairs): string => JSON.stringify(pairs)

interface Occurrence {
  readonly table: number
  readonly row: number
  readonly column: string
}

interface Cell {
  readonly family: Family
  readonly set: string
  readonly pairs: Pairs
  readonly labelKey: string
  readonly value: number
  readonly at: Array<Occurrence>
  state: HiddenState | null
}

interface FamilyData {
  readonly family: Family
  readonly sets: Set<string>
  readonly tables: Set<number>
  readonly cells: Array<Cell>
}

interface Block {
  readonly data: FamilyData
  readonly coarse: Coarse
  readonly inner: Array<{
    readonly key: string
    readonly values: ReadonlyMap<string, string>
    readonly atoms: Array<number>
  }>
  readonly labelAtoms: Map<string, { pairs: Pairs; atoms: Array<number> }>
  firstRow: number
}

// Indicator results by grouping, computed once per set of tables.
const cache = new WeakMap<Tables, Map<Indicator, Map<string, Array<Row>>>>()
const computeRows = (tables: Tables, indicator: Indicator, by: ReadonlyArray<Dimension>): Array<Row> => {
  let byIndicator = cache.get(tables)
  if (byIndicator === undefined) {
    byIndicator = new Map()
    cache.set(tables, byIndicator)
  }
  let byDims = byIndicator.get(indicator)
  if (byDims === undefined) {
    byDims = new Map()
    byIndicator.set(indicator, byDims)
  }
  const key = by.join(",")
  let rows = byDims.get(key)
  if (rows === undefined) {
    rows = compute(indicator, tables, { by }).table.objects() as Array<Row>
    byDims.set(key, rows)
  }
  return rows
}

const matches = (inner: ReadonlyMap<string, string>, pairs: Pairs) => pairs.every(([d, v]) => inner.get(d) === v)

/**
 * Rounds a group of inner cells: each count from 1 to base − 1 becomes 0 or
 * `base`, the others stay. Which ones go up is chosen greedily so that the
 * published cells (sums of inner cells, `cells` as lists of inner indices)
 * stay as close to their true values as they can, in squared error, as
 * SmallCountRounding aims to; one inner cell at a time, the one that brings
 * the error down most, larger counts first on ties. Returns the rounded
 * inner values; published cells are their sums.
 * @example
 * // Two inner cells of 2 and their total 4: one goes up to 3, one down to 0.
 * Publication.roundGroup([2, 2], [[0, 1]], 3) // [3, 0]
 * @category privacy
 */
export const roundGroup = (
  values: ReadonlyArray<number>,
  cells: ReadonlyArray<ReadonlyArray<number>>,
  base: number,
): Array<number> => {
  const cur = values.map((v) => (v >= 1 && v < base ? 0 : v))
  const small = values
    .flatMap((v, i) => (v >= 1 && v < base ? [i] : []))
    .sort((a, b) => values[b]! - values[a]! || a - b)
  if (small.length === 0) return cur
  const target = cells.map((c) => c.reduce((s, i) => s + values[i]!, 0))
  const now = cells.map((c) => c.reduce((s, i) => s + cur[i]!, 0))
  const cellsOf = new Map<number, Array<number>>()
  cells.forEach((c, k) => {
    for (const i of c) {
      const list = cellsOf.get(i)
      if (list) list.push(k)
      else cellsOf.set(i, [k])
    }
  })
  const up = new Set<number>()
  for (;;) {
    let best = -1
    let bestGain = 0
    for (const a of small) {
      if (up.has(a)) continue
      // (d)² − (d − base)² for the inner cell itself and every cell it is in.
      let gain = 2 * base * values[a]! - base * base
      for (const k of cellsOf.get(a) ?? []) gain += 2 * base * (target[k]! - now[k]!) - base * base
      if (gain > bestGain) {
        best = a
        bestGain = gain
      }
    }
    if (best < 0) return cur
    up.add(best)
    cur[best] = base
    for (const k of cellsOf.get(best) ?? []) now[k]! += base
  }
}

const subsetsOf = (n: number): Array<Array<number>> => {
  const out: Array<Array<number>> = []
  for (let mask = 1; mask < 1 << n; mask++) out.push([...Array(n).keys()].filter((i) => (mask & (1 << i)) !== 0))
  return out
}

// Step 1 of publishResults: every count of people as a cell, by family.
const collectCells = (
  results: ReadonlyArray<Result>,
  rowsOf: ReadonlyArray<ReadonlyArray<Row>>,
): { readonly cells: Map<string, Cell>; readonly families: Map<string, FamilyData> } => {
  const rolesOf = results.map((r) => roles(r.indicator))
  const cells = new Map<string, Cell>()
  const families = new Map<string, FamilyData>()
  results.forEach((r, t) => {
    rowsOf[t]!.forEach((row, i) => {
      const pairs = labelOf(row, r.by)
      const labelKey = keyOf(pairs)
      for (const [column, role] of rolesOf[t]!) {
        if (role.kind !== "set") continue
        const value = num(row[column])
        if (value === null) continue
        let key = `${role.family.id}\u0000${role.set}\u0000${labelKey}`
        // The same set at the same label with another value (a table of the
        // caller's that repeats a label) is a cell of its own.
        const seen = cells.get(key)
        if (seen !== undefined && seen.value !== value) key = `${key}\u0000${value}`
        let cell = cells.get(key)
        if (cell === undefined) {
          cell = { family: role.family, set: role.set, pairs, labelKey, value, at: [], state: null }
          cells.set(key, cell)
          let f = families.get(role.family.id)
          if (f === undefined) {
            f = { family: role.family, sets: new Set(), tables: new Set(), cells: [] }
            families.set(role.family.id, f)
          }
          f.cells.push(cell)
          f.sets.add(role.set)
        }
        families.get(role.family.id)!.tables.add(t)
        cell.at.push({ table: t, row: i, column })
      }
    })
  })
  return { cells, families }
}

// The grouping a family's inner cells are counted by: every dimension of its tables.
const groupingOf = (
  data: FamilyData,
  results: ReadonlyArray<Result>,
): { readonly union: ReadonlyArray<Dimension>; readonly sameGrouping: boolean } => {
  const byOf = (t: number) => results[t]!.by
  const union = allDimensions.filter((d) => [...data.tables].some((t) => byOf(t).includes(d)))
  return { union, sameGrouping: [...data.tables].every((t) => byOf(t).length === union.length) }
}

/**
 * The indicator tables `publishResults(results, { tables })` computes from
 * the tables, beyond the results themselves: for a family shown by different
 * groupings, each of its indicators by every dimension of its tables. An
 * engine that computes indicators ahead (DuckDB) computes these too.
 */
export const innerGroupings = (
  results: ReadonlyArray<Result>,
): Array<{ readonly indicator: Indicator; readonly by: ReadonlyArray<Dimension> }> => {
  const { families } = collectCells(
    results,
    results.map((r) => r.table.objects() as Array<Row>),
  )
  return [...families.values()].flatMap((data) => {
    const { union, sameGrouping } = groupingOf(data, results)
    if (sameGrouping) return []
    return [...new Set([...data.tables].map((t) => results[t]!.indicator))].map((indicator) => ({
      indicator,
      by: union,
    }))
  })
}

const fail = ({ nb, en }: Bilingual): never => {
  throw new AnalyticsError({ nb: nb, en: en })
}

/**
 * Publishes indicator results together: one model, one disclosure control.
 * Every table comes back with its hidden cells null (or, under `rounding`,
 * its counts rounded), in the order given.
 * @example
 * const byOffering = Indicator.compute(Indicators.catalogue.attendanceRate, tables, { margins: true })
 * const byMonth = Indicator.compute(Indicators.catalogue.participation, tables, { by: ["month"], margins: true })
 * const pub = publishResults([byOffering, byMonth], { tables, profile: { name: "ssb", maxN: 3 } })
 * pub.tables[1].table.print()
 * @category privacy
 */
// Without a profile, the policy's strict range on the period's last day, from the tables.
const defaultOf = (tables: Tables | undefined): Profile => {
  if (tables === undefined)
    throw new AnalyticsError({
      nb: "publishResults trenger { profile } eller { tables }: profilen kommer fra regelverket",
      en: "publishResults needs { profile } or { tables }: the profile comes from the policy",
    })
  return strictFrom(tables.policy, tables.period.to)
}

export const publishResults = (results: ReadonlyArray<Result>, options: Options = {}): Publication => {
  const profile = options.profile ?? defaultOf(options.tables)
  const period = options.period ?? options.tables?.period ?? null
  const [low, high] = smallRange(profile)
  const small = (v: number) => v >= low && v <= high && (v !== 0 || low === 0)

  // 1. Every count of people is a cell; the same set at the same label is one cell.
  const rowsOf = results.map((r) => r.table.objects() as Array<Row>)
  const rolesOf = results.map((r) => roles(r.indicator))
  const { cells, families } = collectCells(results, rowsOf)

  // 2. Per family: its coarse atoms, inner cells, and atom values at every label.
  const blocks: Array<Block> = []
  for (const data of families.values()) {
    const active = [...data.sets]
    const c = coarse(data.family, active)
    const byOf = (t: number) => results[t]!.by
    const { union, sameGrouping } = groupingOf(data, results)
    const innerValues = new Map<string, { pairs: Pairs; values: Map<string, number> }>()
    const addInner = (pairs: Pairs, set: string, value: number) => {
      const key = keyOf(pairs)
      let e = innerValues.get(key)
      if (e === undefined) {
        e = { pairs, values: new Map() }
        innerValues.set(key, e)
      }
      if (!e.values.has(set)) e.values.set(set, value)
    }
    if (sameGrouping) {
      for (const cell of data.cells) if (cell.pairs.length === union.length) addInner(cell.pairs, cell.set, cell.value)
    } else {
      const tables =
        options.tables ??
        fail({
          nb: `Publiseringen viser ${data.family.id} etter ulike grupperinger (${[...new Set([...data.tables].map((t) => `[${byOf(t).join(", ")}]`))].join(" og ")}); gi { tables } så de innerste cellene kan telles`,
          en: `The publication shows ${data.family.id} by different groupings (${[...new Set([...data.tables].map((t) => `[${byOf(t).join(", ")}]`))].join(" and ")}); give { tables } so that its inner cells can be counted`,
        })
      const indicators = [...new Set([...data.tables].map((t) => results[t]!.indicator))]
      for (const indicator of indicators) {
        const rs = roles(indicator)
        for (const row of computeRows(tables, indicator, union)) {
          const pairs = labelOf(row, union)
          for (const [column, role] of rs) {
            const v = role.kind === "set" && role.family.id === data.family.id ? num(row[column]) : null
            if (v !== null && role.kind === "set") addInner(pairs, role.set, v)
          }
        }
      }
    }
    const inner = [...innerValues.values()]
      // A combination with nobody in any of its sets is a known zero: no inner cell.
      .filter((e) => active.some((s) => (e.values.get(s) ?? 0) !== 0))
      .map((e) => ({ key: keyOf(e.pairs), values: new Map(e.pairs), atoms: c.decompose(e.values) }))
    // Atom values at every published label, from the label's own counts
    // (a set not shown there is summed from the inner cells).
    const labelAtoms = new Map<string, { pairs: Pairs; atoms: Array<number> }>()
    const byLabel = new Map<string, Map<string, number>>()
    const pairsOf = new Map<string, Pairs>()
    for (const cell of data.cells) {
      let m = byLabel.get(cell.labelKey)
      if (m === undefined) {
        m = new Map()
        byLabel.set(cell.labelKey, m)
      }
      m.set(cell.set, cell.value)
      pairsOf.set(cell.labelKey, cell.pairs)
    }
    for (const [key, values] of byLabel) {
      const pairs = pairsOf.get(key)!
      const full = new Map(values)
      for (const s of active) {
        if (full.has(s)) continue
        let sum = 0
        for (const e of inner) if (matches(e.values, pairs)) for (const a of c.setAtoms.get(s)!) sum += e.atoms[a]!
        full.set(s, sum)
      }
      labelAtoms.set(key, { pairs, atoms: c.decompose(full) })
    }
    blocks.push({ data, coarse: c, inner, labelAtoms, firstRow: 0 })
  }

  const counted = [...cells.values()]
  let system = { inner: 0, published: counted.length, protected: 0 }
  const roundedValue = new Map<Cell, number>()
  if (profile.name === "rounding") {
    for (const b of blocks) roundBlock(b, profile.base, roundedValue)
    system = {
      inner: blocks.reduce((s, b) => s + b.inner.length * b.coarse.atoms.length, 0),
      published: counted.length,
      protected: 0,
    }
  } else {
    system = suppressBlocks(blocks, counted, profile, small)
  }

  // 3. Every table: counts of people from their cells; events, rates and
  //    statistics from the cells of their row.
  const cellAt = new Map<string, Cell>()
  for (const cell of counted) for (const o of cell.at) cellAt.set(`${o.table}\u0000${o.row}\u0000${o.column}`, cell)
  const cellByKey = (familyId: string, set: string, labelKey: string) =>
    cells.get(`${familyId}\u0000${set}\u0000${labelKey}`)
  const published = results.map((r, t) =>
    finish(r, rowsOf[t]!, rolesOf[t]!, {
      profile,
      period,
      small,
      cell: (row, column) => cellAt.get(`${t}\u0000${row}\u0000${column}`),
      owner: (set, pairs) => {
        const f = [...families.values()].find((x) => x.sets.has(set))
        return f === undefined ? undefined : cellByKey(f.family.id, set, keyOf(pairs))
      },
      rounded: roundedValue,
    }),
  )
  const sum = (k: "primary" | "secondary") => published.reduce((s, p) => s + p.hidden[k], 0)
  let total = 0
  let hiddenCells = 0
  for (const p of published) {
    const rs = roles(p.indicator)
    const counting = [...rs].filter(([, role]) => role.kind === "set" || role.kind === "events").map(([c]) => c)
    const objects = p.table.objects() as Array<Row>
    objects.forEach((row, i) => {
      for (const c of counting) {
        const hiddenHere = p.states[i]![c] !== undefined
        if (hiddenHere || num(row[c]) !== null) total++
        if (hiddenHere) hiddenCells++
      }
    })
  }
  return {
    profile,
    period,
    tables: published,
    hidden: { primary: sum("primary"), secondary: sum("secondary") },
    cells: { total, hidden: hiddenCells },
    system,
  }
}

// Secondary suppression of every family at once by Gaussian elimination.
const suppressBlocks = (
  blocks: Array<Block>,
  counted: Array<Cell>,
  profile: Profile,
  small: (v: number) => boolean,
): { inner: number; published: number; protected: number } => {
  // Inner rows: (inner label, atom) of every family, one after the other.
  let nrow = 0
  const rowValue: Array<number> = []
  for (const b of blocks) {
    b.firstRow = nrow
    for (const e of b.inner) for (const v of e.atoms) rowValue.push(v)
    nrow += b.inner.length * b.coarse.atoms.length
  }
  const rowsOf = (b: Block, pairs: Pairs, atoms: ReadonlyArray<number>): Array<number> => {
    const out: Array<number> = []
    const k = b.coarse.atoms.length
    b.inner.forEach((e, i) => {
      if (matches(e.values, pairs)) for (const a of atoms) out.push(b.firstRow + i * k + a)
    })
    return out
  }
  const columns: Array<Column> = []
  const freq: Array<number> = []
  const primary: Array<boolean> = []
  const publishedColumn = new Map<Cell, number>()
  const blockOf = new Map(blocks.map((b) => [b.data.family.id, b] as const))
  for (const cell of counted) {
    const b = blockOf.get(cell.family.id)!
    const rows = rowsOf(b, cell.pairs, b.coarse.setAtoms.get(cell.set)!)
    publishedColumn.set(cell, columns.length)
    columns.push({ rows, values: rows.map(() => 1) })
    freq.push(cell.value)
    let isPrimary = small(cell.value)
    if (!isPrimary && profile.name === "ssb" && cell.value === 0) {
      // A zero reveals something when it is a part of a published group that is not empty.
      const mine = b.coarse.setAtoms.get(cell.set)!
      isPrimary = b.data.cells.some(
        (o) =>
          o.labelKey === cell.labelKey &&
          o.value > 0 &&
          b.coarse.setAtoms.get(o.set)!.length > mine.length &&
          mine.every((a) => b.coarse.setAtoms.get(o.set)!.includes(a)),
      )
    }
    primary.push(isPrimary)
  }
  const nPublished = columns.length
  // Protected combinations: every union of atoms at a label whose count is
  // small, unless it is a set published at that label (a cell already).
  let nProtected = 0
  for (const b of blocks) {
    const subsets = subsetsOf(b.coarse.atoms.length)
    const shownAt = new Map<string, Set<string>>()
    for (const cell of b.data.cells) {
      const s = shownAt.get(cell.labelKey) ?? new Set<string>()
      s.add(b.coarse.setAtoms.get(cell.set)!.join(","))
      shownAt.set(cell.labelKey, s)
    }
    const labels: Array<{ key: string; pairs: Pairs; atoms: ReadonlyArray<number> }> = [...b.labelAtoms].map(
      ([key, l]) => ({ key, pairs: l.pairs, atoms: l.atoms }),
    )
    for (const e of b.inner)
      if (!b.labelAtoms.has(e.key)) labels.push({ key: e.key, pairs: [...e.values], atoms: e.atoms })
    for (const l of labels) {
      const shown = shownAt.get(l.key)
      for (const subset of subsets) {
        const value = subset.reduce((s, a) => s + l.atoms[a]!, 0)
        if (!small(value) || shown?.has(subset.join(","))) continue
        const rows = rowsOf(b, l.pairs, subset)
        if (rows.length === 0) continue
        columns.push({ rows, values: rows.map(() => 1) })
        freq.push(value)
        primary.push(true)
        nProtected++
      }
    }
  }
  const x = fromColumns(nrow, columns)
  if (primary.some(Boolean)) {
    const sub = { nrow, columns: x.columns.slice(0, nPublished) }
    const order = candidatesDefault(freq.slice(0, nPublished), sub)
    const candidates = order.filter((j) => !primary[j])
    const zeros = profile.name === "ssb"
    const r = runGaussSuppression({
      x,
      candidates,
      primary,
      ...(zeros ? { singleton: rowValue.map((v) => v === 0) } : {}),
      singletonMethod: zeros ? "anySum" : "none",
    })
    const secondary = new Set(r.secondary)
    for (const cell of counted) {
      const j = publishedColumn.get(cell)!
      cell.state = primary[j] ? "primary" : secondary.has(j) ? "secondary" : null
    }
  }
  return { inner: nrow, published: nPublished, protected: nProtected }
}

// Rounding of one family: additive families round their inner cells once and
// every label sums them; the others round each label's own atoms.
const roundBlock = (b: Block, base: number, out: Map<Cell, number>) => {
  const c = b.coarse
  const k = c.atoms.length
  if (b.data.family.additive) {
    const values = b.inner.flatMap((e) => e.atoms)
    const cellRows = b.data.cells.map((cell) => {
      const atoms = c.setAtoms.get(cell.set)!
      const rows: Array<number> = []
      b.inner.forEach((e, i) => {
        if (matches(e.values, cell.pairs)) for (const a of atoms) rows.push(i * k + a)
      })
      return rows
    })
    const rounded = roundGroup(values, cellRows, base)
    b.data.cells.forEach((cell, n) => {
      out.set(
        cell,
        cellRows[n]!.reduce((s, i) => s + rounded[i]!, 0),
      )
    })
    return
  }
  for (const [key, l] of b.labelAtoms) {
    const here = b.data.cells.filter((cell) => cell.labelKey === key)
    const cellAtoms = here.map((cell) => [...c.setAtoms.get(cell.set)!])
    const rounded = roundGroup(l.atoms, cellAtoms, base)
    here.forEach((cell, n) => {
      out.set(
        cell,
        cellAtoms[n]!.reduce((s, a) => s + rounded[a]!, 0),
      )
    })
  }
}

interface FinishContext {
  readonly profile: Profile
  readonly period: Period | null
  readonly small: (v: number) => boolean
  readonly cell: (row: number, column: string) => Cell | undefined
  readonly owner: (set: string, pairs: Pairs) => Cell | undefined
  readonly rounded: ReadonlyMap<Cell, number>
}

const worst = (states: ReadonlyArray<HiddenState | undefined>): HiddenState | undefined =>
  states.includes("primary") ? "primary" : states.includes("secondary") ? "secondary" : undefined

const finish = (
  result: Result,
  rows: ReadonlyArray<Row>,
  rs: ReadonlyMap<string, Role>,
  ctx: FinishContext,
): Published => {
  const { indicator, by } = result
  const rounding = ctx.profile.name === "rounding" ? ctx.profile.base : null
  const states: Array<Record<string, HiddenState>> = []
  const values: Array<Row> = []
  rows.forEach((row, i) => {
    const state: Record<string, HiddenState> = {}
    const out: Row = { ...row }
    const pairs = labelOf(row, by)
    // Counts of people.
    for (const [column, role] of rs) {
      if (role.kind !== "set") continue
      const cell = ctx.cell(i, column)
      if (cell === undefined) continue
      if (rounding !== null) out[column] = ctx.rounded.get(cell) ?? cell.value
      else if (cell.state !== null) state[column] = cell.state
    }
    const anyCount = () => worst([...rs].filter(([, r]) => r.kind === "set").map(([c]) => state[c]))
    // Counts of events: small ones, and those whose people are hidden.
    for (const [column, role] of rs) {
      if (role.kind !== "events") continue
      const v = num(row[column])
      if (v === null) continue
      if (rounding !== null) {
        out[column] = v >= 1 && v < rounding ? (2 * v >= rounding ? rounding : 0) : v
        continue
      }
      if (ctx.small(v)) {
        state[column] = "primary"
        continue
      }
      const owner = role.of === null ? undefined : ctx.owner(role.of, pairs)
      const s = owner !== undefined ? (owner.state ?? undefined) : anyCount()
      if (s !== undefined) state[column] = "secondary"
    }
    // Rates and statistics, after what they are computed from (twice, for chains).
    for (let pass = 0; pass < 2; pass++) {
      for (const [column, role] of rs) {
        if (role.kind === "derived") {
          if (rounding !== null && worst(role.from.map((c) => state[c])) !== undefined) {
            state[column] = "primary"
          } else if (rounding !== null) {
            const m = indicator.measures.find((x) => x.column === column)!
            if (m.kind === "rate" && m.numerator !== undefined && m.denominator !== undefined) {
              const n = num(out[m.numerator])
              const d = num(out[m.denominator])
              if (num(row[column]) !== null) out[column] = n !== null && d !== null && d > 0 ? n / d : null
            } else if (
              role.from.some((c) => {
                const v = num(row[c])
                return v !== null && v >= 1 && v < rounding
              })
            )
              state[column] = "primary"
            continue
          }
          const s = worst(role.from.map((c) => state[c]))
          if (s !== undefined) state[column] = s
        } else if (role.kind === "row") {
          if (rounding !== null) {
            const smallHere = [...rs].some(
              ([c, r]) =>
                r.kind === "set" &&
                (() => {
                  const v = num(row[c])
                  return v !== null && v >= 1 && v < rounding
                })(),
            )
            if (smallHere) state[column] = "primary"
            continue
          }
          const s = worst([...rs].filter(([, r]) => r.kind === "set" || r.kind === "events").map(([c]) => state[c]))
          if (s !== undefined) state[column] = s
        }
      }
    }
    for (const column of Object.keys(state)) out[column] = null
    // Not applicable is not zero: nothing of such a row is published as a number.
    if (result.notApplicable?.[i] === true) for (const m of indicator.measures) out[m.column] = null
    states.push(state)
    values.push(out)
  })
  // No prototype: a column is a dimension, a measure or "suppressed", never an inherited key.
  const columns = record<Array<unknown>>([])
  for (const d of by) columns[d] = values.map((r) => r[d])
  for (const m of indicator.measures) columns[m.column] = values.map((r) => r[m.column] ?? null)
  columns.suppressed = states.map((s) => worst(Object.values(s)) ?? null)
  const counting = [...rs].filter(([, r]) => r.kind === "set" || r.kind === "events").map(([c]) => c)
  let primary = 0
  let secondary = 0
  for (const s of states) {
    for (const c of counting) {
      if (s[c] === "primary") primary++
      else if (s[c] === "secondary") secondary++
    }
  }
  return {
    indicator,
    by,
    margins: result.margins,
    rule: asRule(ctx.profile),
    profile: ctx.profile,
    period: ctx.period,
    table: aq.table(columns),
    states,
    hidden: { primary, secondary },
    ...(result.notApplicable === undefined ? {} : { notApplicable: result.notApplicable }),
  }
}
