/**
 * An audit anyone can run on published files: which counts of people in the
 * small range can be read or worked out from everything published together?
 *
 * It reads the package's machine-readable outputs (possibly from different
 * runs): the long CSV (`Export.tidy`, `aktivitet-report --format csv`), the
 * JSON of a table or a report (`Export.toJson`, `--format json`), Arrow
 * (`Export.toArrow`, metadata in the schema), and the wide CSV of one table
 * (`Export.toCsv`, recognised by its columns). From each file's metadata it
 * takes, for every count, the set of people it counts (`set`), its row label
 * (dimension values; `(total)` marks a total), the period and the profile,
 * and rebuilds the linear relations it can recognise:
 *
 * - a set is a sum of the atoms of its family (`Measures`): booked = present
 *   + bookedNeverPresent; the families come from the file (JSON, Arrow) or
 *   from the package's catalogue (CSV);
 * - the same set at the same label and period is the same cell, whichever
 *   table or file shows it;
 * - for families of records (`additive`), a total is the sum of its rows,
 *   over every grouping the files show (offering × month …).
 *
 * Totals of distinct people are not sums of their rows, so for them only the
 * relations within a row are used, and across municipalities: a citizen is
 * of one municipality, so a total over municipalities is the sum of them.
 * The audit reports only values that follow exactly. For every hidden count, and every combination of atoms at
 * a published row (the people booked but never present in February), it
 * decides by exact elimination whether the published counts determine it;
 * when they do and its value is in the small range, it is a finding, with
 * the relation that reveals it. A count in the small range shown as it is is
 * a finding too. The small range is the files' profile's (`strict` min–max,
 * `ssb` 1–maxN, `rounding` 1–base−1; the policy's strict range, which the
 * caller gives, when a file names none), worked out in `auditRange`.
 *
 * @module
 */

import { Catalogue, Crosswalk, Redact } from "@aktivitetsmodell/core"
import { tableFromIPC } from "@uwdata/flechette"
import * as aq from "arquero"
import { all as allDimensions, TOTAL } from "../Dimension.js"
import { all as allIndicators } from "../indicators/index.js"
import { guard } from "../internal/boundary.js"
import { isRecord, optionsOf, requireArray, requireLang } from "../internal/checks.js"
import { parseCsv } from "../internal/csv.js"
import { AnalyticsError, type Bilingual, type Lang } from "../internal/text.js"
import { type RunOptions, rangeOf } from "./auditRange.js"
import { coarse, type Family, familyOf, roles, singleton } from "./Measures.js"
import { type Profile, parseLabel, requireProfile } from "./Profile.js"

export { BadRangeError, type Bounds, type RunOptions } from "./auditRange.js"

/** What every machine-readable output of the package declares (see `Export`). */
const FORMAT = "aktivitetsmodell-publication/1"
const ARROW_KEY = "aktivitetsmodell"

type Pairs = ReadonlyArray<readonly [string, string]>

/**
 * One count read from a file: the set it counts (or whose events it counts),
 * its label, its value (null when hidden), where it was read.
 * @category models
 */
export interface Cell {
  readonly file: string
  readonly indicator: string
  readonly measure: string
  readonly role: "persons" | "events"
  readonly set: string
  readonly family: string
  readonly period: string
  readonly pairs: Pairs
  readonly value: number | null
}

/**
 * What one file gave the audit.
 * @category models
 */
export interface Source {
  readonly file: string
  readonly profile: Profile | null
  readonly cells: ReadonlyArray<Cell>
  readonly families: ReadonlyArray<Family>
}

/**
 * A count in the small range that the published files give away.
 * @category models
 */
export interface Finding {
  readonly period: string
  readonly family: string
  /** What is revealed: a set, or atoms of a family joined by " + ". */
  readonly what: string
  readonly pairs: Pairs
  readonly value: number
  /** `published`: shown as it is; `derived`: worked out from published cells. */
  readonly how: "published" | "derived"
  /** The relation, as a sum of published cells (`booked[month=2024-02] − present[month=2024-02]`). */
  readonly relation: string
  readonly files: ReadonlyArray<string>
}

/**
 * The audit's answer.
 * @category models
 */
export interface Result {
  readonly findings: ReadonlyArray<Finding>
  /** The small range checked. */
  readonly range: readonly [number, number]
  /** Counts read, and hidden ones among them. */
  readonly cells: { readonly total: number; readonly hidden: number }
}

const fail = (file: string, { en, nb }: Bilingual): never => {
  throw new AnalyticsError({ nb: `${file}: ${nb}`, en: `${file}: ${en}` })
}

const labelOf = (row: Record<string, unknown>, by: ReadonlyArray<string>, total: string): Pairs =>
  allDimensions
    .filter((d) => by.includes(d))
    .flatMap((d) => (row[d] === total || row[d] === null || row[d] === undefined ? [] : [[d, String(row[d])] as const]))

const familyFrom = (u: unknown): Family | undefined => {
  if (!isRecord(u) || typeof u.id !== "string" || !Array.isArray(u.atoms) || !isRecord(u.sets)) return undefined
  const sets: Record<string, ReadonlyArray<string>> = {}
  for (const [k, v] of Object.entries(u.sets))
    if (Array.isArray(v) && v.every((a) => typeof a === "string")) sets[k] = v as Array<string>
  const known = familyOf(Object.keys(sets)[0] ?? "")
  return {
    id: u.id,
    label: { nb: u.id, en: u.id },
    additive: u.additive === true,
    atoms: (u.atoms as Array<unknown>).filter((a): a is string => typeof a === "string"),
    sets,
    // A family of the catalogue keeps its way of splitting crossing sets.
    ...(known?.id === u.id && known.decompose !== undefined ? { decompose: known.decompose } : {}),
  }
}

// One table in the JSON shape of Export.toJson (or the metadata of an Arrow file, with rows).
const fromTableJson = (
  file: string,
  t: Record<string, unknown>,
  rows: ReadonlyArray<Record<string, unknown>>,
): { cells: Array<Cell>; profile: Profile | null; families: Array<Family> } => {
  if (t.format !== FORMAT)
    fail(file, {
      nb: `ikke en publisering fra denne pakken (mangler "format": "${FORMAT}")`,
      en: `not a publication of this package (no "format": "${FORMAT}")`,
    })
  const by = Array.isArray(t.by) ? t.by.filter((d): d is string => typeof d === "string") : []
  const total = typeof t.total === "string" ? t.total : TOTAL
  const period =
    isRecord(t.period) && typeof t.period.from === "string" && typeof t.period.to === "string"
      ? `${t.period.from}/${t.period.to}`
      : ""
  let profile: Profile | null = null
  try {
    profile = t.profile === undefined || t.profile === null ? null : requireProfile("Audit", t.profile)
  } catch {
    profile = null
  }
  const families = (Array.isArray(t.families) ? t.families : [])
    .map(familyFrom)
    .filter((f): f is Family => f !== undefined)
  const indicator = typeof t.indicator === "string" ? t.indicator : "?"
  const measures = (Array.isArray(t.measures) ? t.measures : []).filter(isRecord)
  const cells: Array<Cell> = []
  for (const row of rows) {
    const pairs = labelOf(row, by, total)
    for (const m of measures) {
      if ((m.role !== "persons" && m.role !== "events") || typeof m.set !== "string" || typeof m.column !== "string")
        continue
      const v = row[m.column]
      const family =
        typeof m.family === "string"
          ? m.family
          : (families.find((f) => Object.hasOwn(f.sets, m.set as string))?.id ?? familyOf(m.set)?.id ?? m.set)
      cells.push({
        file,
        indicator,
        measure: m.column,
        role: m.role,
        set: m.set,
        family,
        period,
        pairs,
        value: typeof v === "number" && Number.isFinite(v) ? v : null,
      })
    }
  }
  return { cells, profile, families }
}

const fromJson = (file: string, text: string): Source => {
  let u: unknown
  try {
    u = JSON.parse(text)
  } catch {
    return fail(file, { nb: "ikke gyldig JSON", en: "not valid JSON" })
  }
  const tables = isRecord(u) && Array.isArray(u.indicators) ? u.indicators : [u]
  const out = tables.map((t) =>
    isRecord(t)
      ? fromTableJson(file, t, Array.isArray(t.rows) ? t.rows.filter(isRecord) : [])
      : fail(file, { nb: "forventet et tabellobjekt", en: "expected a table object" }),
  )
  const profiles = out.map((o) => o.profile).filter((p): p is Profile => p !== null)
  return {
    file,
    profile: profiles[0] ?? null,
    cells: out.flatMap((o) => o.cells),
    families: out.flatMap((o) => o.families),
  }
}

const fromCsv = (file: string, text: string): Source => {
  const [header, ...records] = parseCsv(text, file)
  if (header === undefined) return fail(file, { nb: "filen er tom", en: "the file is empty" })
  const names = header.fields.map((f) => f.trim())
  const at = (n: string) => names.indexOf(n)
  const get = (fields: ReadonlyArray<string>, n: string) => (at(n) < 0 ? "" : (fields[at(n)] ?? ""))
  const cells: Array<Cell> = []
  if (["indicator", "measure", "value", "role", "set"].every((n) => at(n) >= 0)) {
    // The long CSV: one cell a line, with its set, period and profile.
    let profile: Profile | null = null
    for (const r of records) {
      const role = get(r.fields, "role")
      const set = get(r.fields, "set")
      if (profile === null) profile = parseLabel(get(r.fields, "profile")) ?? null
      if ((role !== "persons" && role !== "events") || set === "") continue
      const pairs = allDimensions.flatMap((d) => {
        const v = get(r.fields, d)
        return v === "" || v === TOTAL ? [] : [[d, v] as const]
      })
      const raw = get(r.fields, "value")
      const v = raw === "" ? null : Number(raw)
      cells.push({
        file,
        indicator: get(r.fields, "indicator"),
        measure: get(r.fields, "measure"),
        role,
        set,
        family: familyOf(set)?.id ?? set,
        period: get(r.fields, "period"),
        pairs,
        value: v !== null && Number.isFinite(v) ? v : null,
      })
    }
    return { file, profile, cells, families: [] }
  }
  // The wide CSV of one table: recognised when its columns are exactly one indicator's.
  const dims = names.filter((n) => (allDimensions as ReadonlyArray<string>).includes(n))
  const rest = names.filter((n) => !dims.includes(n) && n !== "suppressed")
  const indicator = allIndicators.find(
    (i) => i.measures.length === rest.length && i.measures.every((m) => rest.includes(m.column)),
  )
  if (indicator === undefined)
    return fail(file, {
      nb: "ingen metadata revisjonen kjenner igjen (forventet den lange CSV-en fra aktivitet-report --format csv, eller kolonnene til én indikator)",
      en: "no metadata the audit recognises (expected the long CSV of aktivitet-report --format csv, or the columns of one indicator)",
    })
  const rs = roles(indicator)
  for (const r of records) {
    const row: Record<string, unknown> = {}
    for (const d of dims) row[d] = get(r.fields, d)
    const pairs = labelOf(row, dims, TOTAL)
    for (const m of indicator.measures) {
      const role = rs.get(m.column)!
      const set = role.kind === "set" ? role.set : role.kind === "events" ? role.of : null
      if (set === null || (role.kind !== "set" && role.kind !== "events")) continue
      const raw = get(r.fields, m.column)
      const v = raw === "" ? null : Number(raw)
      cells.push({
        file,
        indicator: indicator.id,
        measure: m.column,
        role: role.kind === "set" ? "persons" : "events",
        set,
        family: role.kind === "set" ? role.family.id : (familyOf(set)?.id ?? set),
        period: "",
        pairs,
        value: v !== null && Number.isFinite(v) ? v : null,
      })
    }
  }
  return { file, profile: null, cells, families: [] }
}

/**
 * Reads one published file's content: JSON, CSV (long or wide) or Arrow
 * bytes, by what it holds. Throws an AnalyticsError naming the file when it
 * is none of them.
 * @example
 * const source = Audit.read(readFileSync("report.csv", "utf8"), "report.csv")
 * @category constructors
 */
export const read = guard(
  "Audit.read",
  { nb: "innholdet i en fil (tekst eller bytes) og filnavnet", en: "a file's content (text or bytes) and its name" },
  (content: string | Uint8Array, file: string): Source => {
    if (typeof file !== "string")
      throw new AnalyticsError({
        nb: "Audit.read: filnavnet må være en tekst",
        en: "Audit.read: the file name must be a text",
      })
    if (content instanceof Uint8Array) {
      // Arrow: a stream starts with the continuation marker 0xFFFFFFFF, a file with "ARROW1".
      const isArrow =
        (content.length >= 4 &&
          content[0] === 0xff &&
          content[1] === 0xff &&
          content[2] === 0xff &&
          content[3] === 0xff) ||
        new TextDecoder().decode(content.subarray(0, 6)) === "ARROW1"
      if (isArrow) {
        let table: ReturnType<typeof tableFromIPC>
        try {
          table = tableFromIPC(content)
        } catch {
          return fail(file, { nb: "verken Arrow, JSON eller CSV", en: "neither Arrow, JSON nor CSV" })
        }
        const meta = table.schema.metadata?.get(ARROW_KEY)
        if (meta === undefined)
          return fail(file, {
            nb: `en Arrow-fil uten metadataen «${ARROW_KEY}»`,
            en: `an Arrow file without the metadata "${ARROW_KEY}"`,
          })
        let t: unknown
        try {
          t = JSON.parse(meta)
        } catch {
          return fail(file, { nb: "Arrow-metadataen er ikke JSON", en: "the Arrow metadata is not JSON" })
        }
        if (!isRecord(t))
          return fail(file, { nb: "Arrow-metadataen er ikke et objekt", en: "the Arrow metadata is not an object" })
        const rows = aq.fromArrow(content).objects() as Array<Record<string, unknown>>
        const o = fromTableJson(file, t, rows)
        return { file, profile: o.profile, cells: o.cells, families: o.families }
      }
      content = new TextDecoder().decode(content)
    }
    const text = content.replace(/^\uFEFF/u, "")
    return /^\s*[{[]/u.test(text) ? fromJson(file, text) : fromCsv(file, text)
  },
)

// ---- Exact elimination, with the combination of published cells kept ----

const gcd = (a: bigint, b: bigint): bigint => {
  if (a < 0n) a = -a
  if (b < 0n) b = -b
  while (b) [a, b] = [b, a % b]
  return a
}

interface Vec {
  rows: Array<number>
  vals: Array<bigint>
}
// w = s·target − Σ expr[j]·published[j] (for a basis vector, target is 0 and s unused).
interface Reduced {
  w: Vec
  s: bigint
  expr: Map<number, bigint>
}

const combine = (a: Vec, ca: bigint, b: Vec, cb: bigint): Vec => {
  // ca·a − cb·b, sparse, rows ascending.
  const rows: Array<number> = []
  const vals: Array<bigint> = []
  let i = 0
  let k = 0
  while (i < a.rows.length || k < b.rows.length) {
    const ra = i < a.rows.length ? a.rows[i]! : Infinity
    const rb = k < b.rows.length ? b.rows[k]! : Infinity
    let v: bigint
    let r: number
    if (ra < rb) {
      r = ra
      v = ca * a.vals[i++]!
    } else if (rb < ra) {
      r = rb
      v = -cb * b.vals[k++]!
    } else {
      r = ra
      v = ca * a.vals[i++]! - cb * b.vals[k++]!
    }
    if (v !== 0n) {
      rows.push(r)
      vals.push(v)
    }
  }
  return { rows, vals }
}

class Basis {
  private readonly pivots = new Map<number, { vec: Vec; expr: Map<number, bigint> }>()

  reduce(start: Vec): Reduced {
    let w = start
    let s = 1n
    let expr = new Map<number, bigint>()
    for (let pos = 0; pos < w.rows.length; ) {
      const b = this.pivots.get(w.rows[pos]!)
      if (b === undefined) {
        pos++
        continue
      }
      const alpha = w.vals[pos]!
      const beta = b.vec.vals[0]!
      const g = gcd(alpha, beta)
      const ca = beta / g
      const cb = alpha / g
      w = combine(w, ca, b.vec, cb)
      s *= ca
      const next = new Map<number, bigint>()
      for (const [j, c] of expr) next.set(j, c * ca)
      for (const [j, c] of b.expr) next.set(j, (next.get(j) ?? 0n) + c * cb)
      for (const [j, c] of next) if (c === 0n) next.delete(j)
      expr = next
      // Keep the numbers small: divide everything by their common factor.
      let d = s
      for (const v of w.vals) d = gcd(d, v)
      for (const c of expr.values()) d = gcd(d, c)
      if (d > 1n) {
        s /= d
        w = { rows: w.rows, vals: w.vals.map((v) => v / d) }
        for (const [j, c] of expr) expr.set(j, c / d)
      }
      while (pos < w.rows.length && w.rows[pos]! < (b.vec.rows[0] ?? 0)) pos++
    }
    return { w, s, expr }
  }

  /** Adds published column j (its inner rows) to the span. */
  add(j: number, column: Vec): void {
    const r = this.reduce(column)
    if (r.w.rows.length === 0) return
    // w = s·col_j − Σ expr·col: as a combination of published columns.
    const expr = new Map<number, bigint>([[j, r.s]])
    for (const [k, c] of r.expr) expr.set(k, (expr.get(k) ?? 0n) - c)
    this.pivots.set(r.w.rows[0]!, { vec: r.w, expr })
  }
}

const vec = (rows: ReadonlyArray<number>): Vec => {
  const sorted = [...new Set(rows)].sort((a, b) => a - b)
  return { rows: sorted, vals: sorted.map(() => 1n) }
}

const subsetsOf = (n: number): Array<Array<number>> => {
  const out: Array<Array<number>> = []
  for (let mask = 1; mask < 1 << n; mask++) out.push([...Array(n).keys()].filter((i) => (mask & (1 << i)) !== 0))
  return out
}

// A value with line breaks or other control characters is quoted, so a finding stays one line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class exists to find control characters (U+0000–U+001F, U+007F) to quote them
const shownValue = (v: string) => (/[\u0000-\u001f\u007f\u2028\u2029]/u.test(v) ? JSON.stringify(v) : v)
const text = (pairs: Pairs) =>
  pairs.length === 0 ? "total" : pairs.map(([d, v]) => `${d}=${shownValue(v)}`).join(", ")

// Offering → category and department, as the catalogue gives them, and the
// KPR service type, as the crosswalk does, to leave out combinations that
// cannot exist.
const functional = (() => {
  const m = new Map<string, Map<string, string>>()
  const offerings = Catalogue.sandnes().offerings
  m.set("category", new Map(offerings.map((o) => [o.id as string, o.category as string])))
  m.set("department", new Map(offerings.map((o) => [o.id as string, o.operator.department as string])))
  m.set("kprService", new Map([...Crosswalk.reportable()].map(([offering, service]) => [offering, service.code])))
  return m
})()

/**
 * Runs the audit over files read with {@link read}. The small range is the
 * widest of the files' profiles' and, for files that name no profile (a wide
 * CSV of one table), of `unprofiled`, the policy's strict range; `min` and
 * `max` set an end instead. A file with counts and no profile needs
 * `unprofiled`, or both `min` and `max`. With no counts to check and no range
 * given, the range is empty (its low end above its high end). A range that
 * would check nothing is refused with a {@link BadRangeError}.
 * @example
 * const result = Audit.run([Audit.read(csv, "report.csv")])
 * result.findings.length // 0 for a publication that gives nothing away
 * @category privacy
 */
export const run = guard(
  "Audit.run",
  {
    nb: "en liste med filer fra Audit.read og { min?, max?, unprofiled? }",
    en: "a list of files from Audit.read and { min?, max?, unprofiled? }",
  },
  (sources: ReadonlyArray<Source>, options: RunOptions = {}): Result => {
    requireArray("Audit.run", "sources", sources)
    const o = optionsOf("Audit.run", options)
    const [low, high] = rangeOf(sources, o)
    const inRange = (v: number) => v >= Math.max(low, 1) && v <= high
    const declared = new Map<string, Family>()
    for (const s of sources) for (const f of s.families) if (!declared.has(f.id)) declared.set(f.id, f)
    const familyById = (id: string, set: string): Family =>
      declared.get(id) ?? (familyOf(set)?.id === id ? familyOf(set)! : singleton(set))

    const cells = sources.flatMap((s) => s.cells)
    const findings: Array<Finding> = []
    // Counts shown as they are.
    const reported = new Set<string>()
    for (const c of cells) {
      if (c.value === null || !inRange(c.value)) continue
      const key = `${c.period}|${c.role}|${c.role === "persons" ? c.set : c.measure}|${JSON.stringify(c.pairs)}`
      if (reported.has(key)) continue
      reported.add(key)
      const what = c.role === "persons" ? c.set : `${c.measure} (events of ${c.set})`
      findings.push({
        period: c.period,
        family: c.family,
        what,
        pairs: c.pairs,
        value: c.value,
        how: "published",
        relation: `${c.indicator}.${c.measure}`,
        files: [c.file],
      })
    }

    // The same count published twice with two values, as by two runs over
    // corrected data: their difference is a count of its own (the people in
    // one run and not the other), given away by reading the two together.
    const firstValue = new Map<string, Cell>()
    const differing = new Set<string>()
    for (const c of cells) {
      if (c.value === null) continue
      const key = `${c.period}|${c.role}|${c.role === "persons" ? c.set : c.measure}|${JSON.stringify(c.pairs)}`
      const before = firstValue.get(key)
      if (before === undefined) {
        firstValue.set(key, c)
        continue
      }
      const value = Math.abs(c.value - before.value!)
      if (!inRange(value) || differing.has(`${key}|${value}`)) continue
      differing.add(`${key}|${value}`)
      findings.push({
        period: c.period,
        family: c.family,
        what: c.role === "persons" ? c.set : `${c.measure} (events of ${c.set})`,
        pairs: c.pairs,
        value,
        how: "derived",
        relation: `${c.indicator}.${c.measure} (${c.file}) − ${before.indicator}.${before.measure} (${before.file})`,
        files: [...new Set([before.file, c.file])].sort(),
      })
    }

    // Counts of people, one system per period and family.
    const groups = new Map<string, Array<Cell>>()
    for (const c of cells) {
      if (c.role !== "persons") continue
      const key = `${c.period}\u0000${c.family}`
      const g = groups.get(key)
      if (g) g.push(c)
      else groups.set(key, [c])
    }
    for (const group of groups.values()) {
      const first = group[0]!
      const family = familyById(first.family, first.set)
      const active = [...new Set(group.map((c) => c.set))].filter((s) => Object.hasOwn(family.sets, s))
      if (active.length === 0) continue
      const co = coarse(family, active)
      const k = co.atoms.length
      // One cell per set and label: shown when any file shows it.
      const byKey = new Map<string, { set: string; pairs: Pairs; value: number | null; where: Cell }>()
      for (const c of group) {
        if (!Object.hasOwn(family.sets, c.set)) continue
        const key = `${c.set}\u0000${JSON.stringify(c.pairs)}`
        const seen = byKey.get(key)
        if (seen === undefined) byKey.set(key, { set: c.set, pairs: c.pairs, value: c.value, where: c })
        else if (seen.value === null && c.value !== null)
          byKey.set(key, { set: c.set, pairs: c.pairs, value: c.value, where: c })
      }
      const unique = [...byKey.values()]
      const labels = new Map<string, Pairs>()
      for (const u of unique) labels.set(JSON.stringify(u.pairs), u.pairs)
      // Inner cells: per label for distinct people; for records, the
      // combinations of every grouping shown, so that totals are sums of rows.
      interface InnerLabel {
        readonly values: ReadonlyMap<string, string>
      }
      const blocks: Array<{ inner: Array<InnerLabel>; labelKeys: Array<string> }> = []
      if (family.additive) {
        const dims = allDimensions.filter((d) => [...labels.values()].some((p) => p.some(([x]) => x === d)))
        const values = dims.map((d) => [
          ...new Set([...labels.values()].flatMap((p) => p.filter(([x]) => x === d).map(([, v]) => v))),
        ])
        let combos: Array<Map<string, string>> = [new Map()]
        dims.forEach((d, i) => {
          combos = combos.flatMap((c) => values[i]!.map((v) => new Map([...c, [d, v]])))
        })
        combos = combos.filter((c) => {
          const offering = c.get("offering")
          if (offering === undefined) return true
          for (const [d, map] of functional) {
            const v = c.get(d)
            const expected = map.get(offering)
            if (v !== undefined && expected !== undefined && v !== expected && v !== "(unknown)") return false
          }
          return true
        })
        blocks.push({ inner: combos.map((values) => ({ values })), labelKeys: [...labels.keys()] })
      } else {
        // Distinct people at a label are no sum of other labels' — except
        // across municipalities: a citizen is of one municipality (their codes
        // are kept apart), so a total over municipalities is the sum of them.
        const byRest = new Map<string, { readonly inner: Array<Pairs>; readonly keys: Array<string> }>()
        for (const [key, pairs] of labels) {
          const rest = JSON.stringify(pairs.filter(([d]) => d !== "municipality"))
          const g = byRest.get(rest) ?? { inner: [], keys: [] }
          byRest.set(rest, g)
          g.keys.push(key)
          if (pairs.some(([d]) => d === "municipality")) g.inner.push(pairs)
        }
        for (const g of byRest.values()) {
          if (g.inner.length > 0)
            blocks.push({ inner: g.inner.map((p) => ({ values: new Map(p) })), labelKeys: g.keys })
          else
            for (const key of g.keys) blocks.push({ inner: [{ values: new Map(labels.get(key)!) }], labelKeys: [key] })
        }
      }
      for (const block of blocks) {
        const rowsAt = (pairs: Pairs, atoms: ReadonlyArray<number>) => {
          const out: Array<number> = []
          block.inner.forEach((l, i) => {
            if (pairs.every(([d, v]) => l.values.get(d) === v)) for (const a of atoms) out.push(i * k + a)
          })
          return out
        }
        const here = unique.filter((u) => block.labelKeys.includes(JSON.stringify(u.pairs)))
        const shown = here.filter((u) => u.value !== null)
        const basis = new Basis()
        shown.forEach((u, j) => {
          basis.add(j, vec(rowsAt(u.pairs, co.setAtoms.get(u.set)!)))
        })
        const relation = (expr: Map<number, bigint>, s: bigint) => {
          const terms = [...expr]
            .filter(([, c]) => c !== 0n)
            // Added cells first, then by what they are, so that the same relation reads the same.
            .sort(
              (a, b) =>
                Number(b[1] > 0n) - Number(a[1] > 0n) ||
                `${shown[a[0]]!.set}${text(shown[a[0]]!.pairs)}`.localeCompare(
                  `${shown[b[0]]!.set}${text(shown[b[0]]!.pairs)}`,
                ),
            )
            .map(([j, c], n) => {
              const u = shown[j]!
              const sign = c < 0n ? "− " : n === 0 ? "" : "+ "
              const abs = c < 0n ? -c : c
              return `${sign}${abs === 1n ? "" : `${abs}×`}${u.set}[${text(u.pairs)}]`
            })
          const sum = terms.join(" ")
          return s === 1n ? sum : `(${sum}) / ${s}`
        }
        const consider = (what: string, pairs: Pairs, atoms: ReadonlyArray<number>) => {
          const rows = rowsAt(pairs, atoms)
          if (rows.length === 0) return
          const r = basis.reduce(vec(rows))
          if (r.w.rows.length !== 0) return
          if (r.s < 0n) {
            r.s = -r.s
            for (const [j, c] of r.expr) r.expr.set(j, -c)
          }
          // target = Σ expr·published / s
          let num = 0n
          for (const [j, c] of r.expr) num += c * BigInt(Math.round(shown[j]!.value!))
          if (num % r.s !== 0n) return
          const value = Number(num / r.s)
          if (!inRange(value)) return
          const files = [...new Set([...r.expr.keys()].map((j) => shown[j]!.where.file))].sort()
          findings.push({
            period: first.period,
            family: family.id,
            what,
            pairs,
            value,
            how: "derived",
            relation: relation(new Map([...r.expr].map(([j, c]) => [j, c])), r.s),
            files,
          })
        }
        // Hidden counts.
        for (const u of here) if (u.value === null) consider(u.set, u.pairs, co.setAtoms.get(u.set)!)
        // Every combination of atoms at a published label that is not a set shown there.
        const subsets = subsetsOf(k)
        for (const key of block.labelKeys) {
          const pairs = labels.get(key)!
          const shownSets = new Set(
            here
              .filter((u) => u.value !== null && JSON.stringify(u.pairs) === key)
              .map((u) => co.setAtoms.get(u.set)!.join(",")),
          )
          const hiddenSets = new Set(
            here
              .filter((u) => u.value === null && JSON.stringify(u.pairs) === key)
              .map((u) => co.setAtoms.get(u.set)!.join(",")),
          )
          for (const subset of subsets) {
            const sig = subset.join(",")
            if (shownSets.has(sig) || hiddenSets.has(sig)) continue
            consider(subset.map((a) => co.atoms[a]!.name).join(" + "), pairs, subset)
          }
        }
      }
    }
    return {
      findings,
      range: [Math.max(low, 1), high] as const,
      cells: { total: cells.length, hidden: cells.filter((c) => c.value === null).length },
    }
  },
)

/**
 * A finding in one line, in a language.
 * @example
 * Audit.describe(finding, "en") // "2024-01-01/2024-12-31 attendance: bookedNeverPresent [month=2024-02] = 1, from booked[month=2024-02] − present[month=2024-02] (report.csv)"
 * @category outputs
 */
export const describe = guard(
  "Audit.describe",
  { nb: "et funn fra Audit.run og et språk (nb eller en)", en: "a finding from Audit.run and a language (nb or en)" },
  (f: Finding, lang: Lang): string => {
    requireLang("Audit.describe", lang)
    const where = `${f.period === "" ? "" : `${f.period} `}${f.family}: ${f.what} [${text(f.pairs)}] = ${f.value}`
    // Names, values and file names come from the files audited, which may be anyone's: masked as the line is written.
    return Redact.text(
      f.how === "published"
        ? lang === "nb"
          ? `${where}, vist som det er (${f.relation}, ${f.files.join(", ")})`
          : `${where}, shown as it is (${f.relation}, ${f.files.join(", ")})`
        : lang === "nb"
          ? `${where}, gitt av ${f.relation} (${f.files.join(", ")})`
          : `${where}, given by ${f.relation} (${f.files.join(", ")})`,
    )
  },
)
