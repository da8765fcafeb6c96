// Tight typed-array passes, one per indicator, that compute exactly the table
// `Indicator.compute(indicator, tables).table.objects()` gives at the
// indicator's default grouping: same rows, same order (by the dimension's
// value, null first, as arquero's orderby), same columns, "(unknown)" for a
// missing dimension value and null for an empty rate or statistic. The speed
// issue's yardstick: each indicator within 3× of its pass.
//
// Every pass reads the columns of the Tables (Tables.fromDataset), the same
// input the indicators read, directly: dictionary columns as their `codes`
// (Uint32Array) and `values`, the other columns as the typed or plain arrays
// they are. It runs single passes over the rows with typed-array
// accumulators indexed by dictionary codes; a distinct count of citizens per
// group sets a bit of a bitset over (citizen code × group), citizen codes
// being dense 0..C−1 (C from one max scan of the column it reads). No Map
// keyed by strings and no allocation inside a loop over rows; the small
// lookups (a dictionary code of "treatment", an offering's capacity) and the
// sort of the few groups are built inside the pass, which precomputes
// nothing outside the timed call. By indicator, at its default grouping:
// - participation (offering): sessions per offering code of `sessions`; over
//   `attendance` with present = 1, attendances and distinct citizens per code;
//   the two sides joined by offering value (a missing one named "(unknown)").
// - newReturning (offering): over `enrollments`, each citizen's first start;
//   then, over enrollments starting in the period, distinct citizens per
//   offering and those among them whose first start is in the period.
// - attendanceRate (offering): over `attendance`, booked, present, no-shows and
//   distinct citizens per offering code.
// - completionRate (offering): over `enrollments` closed in the period, the
//   sums of hasCompletion and hasCompletion × completed per offering code.
// - communityTransition (offering): over `transitions` in the period, a bit per
//   (offering, citizen) who moved on; over `enrollments` overlapping the
//   period, distinct citizens per offering and those with the bit set.
// - goalAttainment (offering): over `goalEvaluations`, the largest order per
//   enrollment; then the last evaluations in the period of treatment
//   offerings counted by goalReached per offering code.
// - extensionRate (offering): a flag per enrollment with an extension; over
//   treatment enrollments starting in the period, counts per offering code.
// - referralToStart (offering): over `attendance` with present = 1, the first
//   day per enrollment; over referred enrollments starting in the period with
//   such a day, the days from referral, bucketed per offering (counting sort),
//   each bucket sorted for the median and 90th percentile.
// - recoveryStart (no grouping): Recoveryhjelpa enrollments starting in the
//   period; the helped citizens' transitions in a CSR by citizen; per
//   enrollment the first transition on or after its start, else the closing
//   day of a completed one; days sorted for the median and 90th percentile.
// - orsChange (no grouping): over ORS forms in the period, per citizen the
//   number of forms and the rows of the smallest and largest order; then one
//   pass over citizens with two forms or more.
// - srsAlerts (no grouping): over SRS forms in the period, forms, alerts and a
//   two-bit stamp per citizen (gave a form, gave an alert).
// - capacityUse (offering): participation's join of sessions and present
//   attendances (with distinct citizens), and places from the offering's
//   capacity in `offerings` (one municipality's tables only).
// - departmentContributions (department): each contribution's days in the
//   period as a share of them, summed per row of `departments` (matched by
//   municipality and department), summed per department value.
// - involvement (category): over `sessions`, counts and sums per category code.
// - feedbackSummary (source): over `feedback` in the period, responses,
//   ratings, their sum and good ones per source code.
// - kprReportable (kprService): over `enrollments` of a reported service
//   starting in the period, decisions and incomplete ones per service code.
import type { ColumnTable } from "arquero"
import type { Tables } from "../src/index.js"
import type { IndicatorId } from "../src/indicators/index.js"

type Row = Record<string, unknown>
type T = Tables.Tables

const UNKNOWN = "(unknown)"
const RECOVERY = "recoveryhjelpa"

/** A dictionary-encoded column: a code per row into `values`. */
interface Dict {
  readonly codes: ArrayLike<number>
  readonly values: ReadonlyArray<unknown>
}

/** A column for equality tests: `keys[row] === key(value)` when the row holds `value`. */
interface Keyed {
  readonly keys: ArrayLike<unknown>
  readonly key: (value: unknown) => unknown
}

interface ArqueroColumn {
  readonly length: number
  at(row: number): unknown
}

const isDict = (c: unknown): c is Dict =>
  typeof c === "object" &&
  c !== null &&
  (c as { codes?: unknown }).codes instanceof Uint32Array &&
  Array.isArray((c as { values?: unknown }).values)

// The column itself; a filtered table (none of Tables.fromDataset's is) is materialised first.
const column = (table: ColumnTable, name: string): unknown => {
  const t = table.isFiltered() ? table.reify() : table
  const c = t.column(name)
  if (c === undefined) throw new Error(`typedBaseline: no column ${name}`)
  return c
}

/**
 * A grouping column's codes and values: a DictionaryColumn as it is (every
 * dimension the tables build is one); any other column is encoded here, in
 * a pass of its own (a fallback, not the path the tables take).
 */
const dict = (table: ColumnTable, name: string): Dict => {
  const c = column(table, name)
  if (isDict(c)) return c
  const col = c as ArqueroColumn
  const values: Array<unknown> = []
  const index = new Map<unknown, number>()
  const codes = new Uint32Array(col.length)
  for (let i = 0; i < col.length; i++) {
    const v = col.at(i)
    let k = index.get(v)
    if (k === undefined) {
      k = values.length
      values.push(v)
      index.set(v, k)
    }
    codes[i] = k
  }
  return { codes, values }
}

/** A numeric column as the array it is; a dictionary column of numbers is decoded (a fallback). */
const numbers = (table: ColumnTable, name: string): ArrayLike<number | null> => {
  const c = column(table, name)
  if (ArrayBuffer.isView(c) || Array.isArray(c)) return c as unknown as ArrayLike<number | null>
  const col = c as ArqueroColumn
  return Array.from({ length: col.length }, (_, i) => col.at(i) as number | null)
}

/** A numeric column that has no missing values (day numbers, flags, codes). */
const ints = (table: ColumnTable, name: string): ArrayLike<number> =>
  numbers(table, name) as unknown as ArrayLike<number>

/** A column to test for equality with a few values: codes of a dictionary, or the plain values. */
const keyed = (table: ColumnTable, name: string): Keyed => {
  const c = column(table, name)
  if (isDict(c)) return { keys: c.codes, key: (v) => c.values.indexOf(v) }
  return { keys: c as ArrayLike<unknown>, key: (v) => v }
}

/** One more than the largest citizen code of a column (citizen codes are dense from 0). */
const citizenBound = (citizen: ArrayLike<number>): number => {
  let max = -1
  for (let i = 0; i < citizen.length; i++) if (citizen[i]! > max) max = citizen[i]!
  return max + 1
}

/** A bitset of `n` bits. */
const bits = (n: number): Uint32Array => new Uint32Array((n >>> 5) + 1)

const within = (d: number | null, from: number, to: number): boolean => d !== null && d >= from && d <= to
const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null)
const dim = (v: unknown): unknown => (v === null || v === undefined ? UNKNOWN : v)

// arquero's orderby on one key: null first, then by `<`.
const compareValues = (a: unknown, b: unknown): number => {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1
  if (b === null || b === undefined) return 1
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0
}

/** The codes with rows (`rows[code] > 0`), ordered by their values. */
const groupsWithRows = (values: ReadonlyArray<unknown>, rows: ArrayLike<number>): Array<number> => {
  const out: Array<number> = []
  for (let g = 0; g < values.length; g++) if (rows[g]! > 0) out.push(g)
  return out.sort((a, b) => compareValues(values[a], values[b]))
}

/** arquero's quantile of sorted values (linear between ranks), null when there are none. */
const quantile = (sorted: ArrayLike<number>, p: number): number | null => {
  const n = sorted.length
  if (n === 0) return null
  if (p <= 0 || n < 2) return sorted[0]!
  if (p >= 1) return sorted[n - 1]!
  const i = (n - 1) * p
  const i0 = Math.floor(i)
  return sorted[i0]! + (sorted[i0 + 1]! - sorted[i0]!) * (i - i0)
}

/** Rows of a full join on a dimension's value (missing values named "(unknown)"), sorted by it. */
const joined = <R extends Row>(
  key: string,
  make: (name: unknown) => R,
): { readonly get: (value: unknown) => R; readonly rows: () => Array<R> } => {
  const slots = new Map<unknown, R>()
  return {
    get: (value) => {
      const name = dim(value)
      let r = slots.get(name)
      if (r === undefined) {
        r = make(name)
        slots.set(name, r)
      }
      return r
    },
    rows: () => [...slots.values()].sort((a, b) => compareValues(a[key], b[key])),
  }
}

// Sessions per offering, and present attendances and distinct present
// citizens per offering: one pass over sessions, one over attendance (a
// bitset over citizen × offering). Participation and capacity use share it.
const presentByOffering = (t: T) => {
  const s = dict(t.sessions, "offering")
  const sessions = new Int32Array(s.values.length)
  const sc = s.codes
  for (let i = 0; i < sc.length; i++) sessions[sc[i]!]!++
  const a = dict(t.attendance, "offering")
  const codes = a.codes
  const citizen = ints(t.attendance, "citizen")
  const present = ints(t.attendance, "present")
  const G = a.values.length
  const seen = bits(citizenBound(citizen) * G)
  const presents = new Int32Array(G)
  const citizens = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    if (present[i] !== 1) continue
    const g = codes[i]!
    presents[g]!++
    const b = citizen[i]! * G + g
    const m = 1 << (b & 31)
    if ((seen[b >>> 5]! & m) === 0) {
      seen[b >>> 5]! |= m
      citizens[g]!++
    }
  }
  return { s, sessions, a, G, presents, citizens }
}

const participation = (t: T): Array<Row> => {
  const { s, sessions, a, G, presents: attendances, citizens: participants } = presentByOffering(t)
  const out = joined("offering", (offering) => ({ offering, participants: 0, attendances: 0, sessions: 0 }))
  for (let g = 0; g < s.values.length; g++) if (sessions[g]! > 0) out.get(s.values[g]).sessions += sessions[g]!
  for (let g = 0; g < G; g++)
    if (attendances[g]! > 0) {
      const r = out.get(a.values[g])
      r.participants += participants[g]!
      r.attendances += attendances[g]!
    }
  return out.rows()
}

const newReturning = (t: T): Array<Row> => {
  const { from, to } = t.days
  const e = t.enrollments
  const o = dict(e, "offering")
  const codes = o.codes
  const citizen = ints(e, "citizen")
  const start = numbers(e, "start")
  const C = citizenBound(citizen)
  const G = o.values.length
  const first = new Float64Array(C).fill(Number.POSITIVE_INFINITY)
  for (let i = 0; i < codes.length; i++) {
    const d = start[i]!
    if (d !== null && d < first[citizen[i]!]!) first[citizen[i]!] = d
  }
  const seen = bits(C * G)
  const started = new Int32Array(G)
  const fresh = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    if (!within(start[i]!, from, to)) continue
    const g = codes[i]!
    const c = citizen[i]!
    const b = c * G + g
    const m = 1 << (b & 31)
    if ((seen[b >>> 5]! & m) === 0) {
      seen[b >>> 5]! |= m
      started[g]!++
      if (first[c]! >= from) fresh[g]!++
    }
  }
  return groupsWithRows(o.values, started).map((g) => ({
    offering: dim(o.values[g]),
    started: started[g]!,
    new: fresh[g]!,
    returning: started[g]! - fresh[g]!,
    newShare: rate(fresh[g]!, started[g]!),
  }))
}

const attendanceRate = (t: T): Array<Row> => {
  const a = t.attendance
  const o = dict(a, "offering")
  const codes = o.codes
  const citizen = ints(a, "citizen")
  const present = ints(a, "present")
  const noShow = ints(a, "noShow")
  const G = o.values.length
  const seen = bits(citizenBound(citizen) * G)
  const citizens = new Int32Array(G)
  const booked = new Int32Array(G)
  const presents = new Int32Array(G)
  const noShows = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i]!
    booked[g]!++
    presents[g]! += present[i]!
    noShows[g]! += noShow[i]!
    const b = citizen[i]! * G + g
    const m = 1 << (b & 31)
    if ((seen[b >>> 5]! & m) === 0) {
      seen[b >>> 5]! |= m
      citizens[g]!++
    }
  }
  return groupsWithRows(o.values, booked).map((g) => ({
    offering: dim(o.values[g]),
    citizens: citizens[g]!,
    booked: booked[g]!,
    present: presents[g]!,
    noShow: noShows[g]!,
    rate: rate(presents[g]!, booked[g]!),
  }))
}

const completionRate = (t: T): Array<Row> => {
  const { from, to } = t.days
  const e = t.enrollments
  const o = dict(e, "offering")
  const codes = o.codes
  const closed = numbers(e, "closed")
  const completes = ints(e, "hasCompletion")
  const completed = ints(e, "completed")
  const G = o.values.length
  const rows = new Int32Array(G)
  const ended = new Int32Array(G)
  const done = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    if (!within(closed[i]!, from, to)) continue
    const g = codes[i]!
    rows[g]!++
    ended[g]! += completes[i]!
    done[g]! += completes[i]! * completed[i]!
  }
  return groupsWithRows(o.values, rows).map((g) => ({
    offering: dim(o.values[g]),
    ended: ended[g]!,
    completed: done[g]!,
    withdrawn: ended[g]! - done[g]!,
    rate: rate(done[g]!, ended[g]!),
  }))
}

const communityTransition = (t: T): Array<Row> => {
  const { from, to } = t.days
  const e = t.enrollments
  const o = dict(e, "offering")
  const codes = o.codes
  const citizen = ints(e, "citizen")
  const start = ints(e, "start")
  const stop = numbers(e, "stop")
  const tr = t.transitions
  const to_ = dict(tr, "offering")
  const trCodes = to_.codes
  const trCitizen = ints(tr, "citizen")
  const trDay = numbers(tr, "day")
  const G = o.values.length
  const C = Math.max(citizenBound(citizen), citizenBound(trCitizen))
  // A transition's offering code → the enrollments' code of the same value (−1: none).
  const toEnrollment = Int32Array.from(to_.values, (v) => o.values.indexOf(v))
  const moved = bits(C * G)
  for (let i = 0; i < trCodes.length; i++) {
    const g = toEnrollment[trCodes[i]!]!
    if (g < 0 || !within(trDay[i]!, from, to)) continue
    const b = trCitizen[i]! * G + g
    moved[b >>> 5]! |= 1 << (b & 31)
  }
  const seen = bits(C * G)
  const participants = new Int32Array(G)
  const transitioned = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    const s = stop[i]!
    if (!(start[i]! <= to && (s === null || s >= from))) continue
    const g = codes[i]!
    const b = citizen[i]! * G + g
    const m = 1 << (b & 31)
    if ((seen[b >>> 5]! & m) === 0) {
      seen[b >>> 5]! |= m
      participants[g]!++
      if ((moved[b >>> 5]! & m) !== 0) transitioned[g]!++
    }
  }
  return groupsWithRows(o.values, participants).map((g) => ({
    offering: dim(o.values[g]),
    participants: participants[g]!,
    transitioned: transitioned[g]!,
    rate: rate(transitioned[g]!, participants[g]!),
  }))
}

const goalAttainment = (t: T): Array<Row> => {
  const { from, to } = t.days
  const ge = t.goalEvaluations
  const o = dict(ge, "offering")
  const codes = o.codes
  const enrollment = ints(ge, "enrollment")
  const order = ints(ge, "order")
  const day = numbers(ge, "day")
  const category = keyed(ge, "category")
  const categories = category.keys
  const treatment = category.key("treatment")
  const goal = keyed(ge, "goalReached")
  const goals = goal.keys
  const yes = goal.key("yes")
  const partly = goal.key("partly")
  const last = new Float64Array(t.enrollments.numRows()).fill(Number.NEGATIVE_INFINITY)
  for (let i = 0; i < codes.length; i++) {
    const k = enrollment[i]!
    if (k >= 0 && order[i]! > last[k]!) last[k] = order[i]!
  }
  const G = o.values.length
  const evaluated = new Int32Array(G)
  const reached = new Int32Array(G)
  const partial = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    const k = enrollment[i]!
    if (k < 0 || order[i] !== last[k] || categories[i] !== treatment || !within(day[i]!, from, to)) continue
    const g = codes[i]!
    evaluated[g]!++
    if (goals[i] === yes) reached[g]!++
    else if (goals[i] === partly) partial[g]!++
  }
  return groupsWithRows(o.values, evaluated).map((g) => ({
    offering: dim(o.values[g]),
    evaluated: evaluated[g]!,
    reached: reached[g]!,
    partly: partial[g]!,
    notReached: evaluated[g]! - reached[g]! - partial[g]!,
    rate: rate(reached[g]!, evaluated[g]!),
  }))
}

const extensionRate = (t: T): Array<Row> => {
  const { from, to } = t.days
  const e = t.enrollments
  const n = e.numRows()
  const xe = ints(t.extensions, "enrollment")
  const extended = new Uint8Array(n)
  for (let i = 0; i < xe.length; i++) if (xe[i]! >= 0 && xe[i]! < n) extended[xe[i]!] = 1
  const o = dict(e, "offering")
  const codes = o.codes
  const id = ints(e, "enrollment")
  const start = numbers(e, "start")
  const category = keyed(e, "category")
  const categories = category.keys
  const treatment = category.key("treatment")
  const G = o.values.length
  const enrollments = new Int32Array(G)
  const withExtension = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    if (categories[i] !== treatment || !within(start[i]!, from, to)) continue
    const g = codes[i]!
    enrollments[g]!++
    withExtension[g]! += extended[id[i]!]!
  }
  return groupsWithRows(o.values, enrollments).map((g) => ({
    offering: dim(o.values[g]),
    enrollments: enrollments[g]!,
    extended: withExtension[g]!,
    rate: rate(withExtension[g]!, enrollments[g]!),
  }))
}

const referralToStart = (t: T): Array<Row> => {
  const { from } = t.days
  const a = t.attendance
  const ae = dict(a, "enrollment")
  const aCodes = ae.codes
  const present = ints(a, "present")
  const day = ints(a, "day")
  // The first day present per enrollment code, then per enrollment row.
  const firstByCode = new Float64Array(ae.values.length).fill(Number.POSITIVE_INFINITY)
  for (let i = 0; i < aCodes.length; i++) {
    if (present[i] !== 1) continue
    const k = aCodes[i]!
    if (day[i]! < firstByCode[k]!) firstByCode[k] = day[i]!
  }
  const e = t.enrollments
  const n = e.numRows()
  const first = new Float64Array(n).fill(Number.POSITIVE_INFINITY)
  for (let k = 0; k < ae.values.length; k++) {
    const row = ae.values[k] as number
    if (row >= 0 && row < n && firstByCode[k]! < first[row]!) first[row] = firstByCode[k]!
  }
  const o = dict(e, "offering")
  const codes = o.codes
  const id = ints(e, "enrollment")
  const start = ints(e, "start")
  const referralDay = numbers(e, "referralDay")
  const G = o.values.length
  const counts = new Int32Array(G)
  const days = new Float64Array(n)
  const groupOf = new Int32Array(n)
  let m = 0
  for (let i = 0; i < codes.length; i++) {
    const r = referralDay[i]!
    if (r === null || !(start[i]! >= from)) continue
    const f = first[id[i]!]!
    if (f === Number.POSITIVE_INFINITY) continue
    const g = codes[i]!
    counts[g]!++
    days[m] = f - r
    groupOf[m++] = g
  }
  // Bucket the days per group (counting sort by code), then sort each bucket.
  const offsets = new Int32Array(G + 1)
  for (let g = 0; g < G; g++) offsets[g + 1] = offsets[g]! + counts[g]!
  const fill = offsets.slice(0, G)
  const sorted = new Float64Array(m)
  for (let j = 0; j < m; j++) sorted[fill[groupOf[j]!]!++] = days[j]!
  return groupsWithRows(o.values, counts).map((g) => {
    const bucket = sorted.subarray(offsets[g]!, offsets[g + 1]!).sort()
    return {
      offering: dim(o.values[g]),
      started: counts[g]!,
      median: quantile(bucket, 0.5),
      p90: quantile(bucket, 0.9),
    }
  })
}

const recoveryStart = (t: T): Array<Row> => {
  const { from, to } = t.days
  const e = t.enrollments
  const offering = keyed(e, "offering")
  const offerings = offering.keys
  const recovery = offering.key(RECOVERY)
  const citizen = ints(e, "citizen")
  const start = numbers(e, "start")
  const completed = ints(e, "completed")
  const closed = numbers(e, "closed")
  // The helped enrollments' rows.
  const helped = new Int32Array(offerings.length)
  let h = 0
  let C = 0
  for (let i = 0; i < offerings.length; i++) {
    if (offerings[i] !== recovery || !within(start[i]!, from, to)) continue
    helped[h++] = i
    if (citizen[i]! >= C) C = citizen[i]! + 1
  }
  // The helped citizens' transition days, by citizen (CSR).
  const need = new Uint8Array(C)
  for (let j = 0; j < h; j++) need[citizen[helped[j]!]!] = 1
  const trCitizen = ints(t.transitions, "citizen")
  const trDay = ints(t.transitions, "day")
  const offsets = new Int32Array(C + 1)
  for (let i = 0; i < trCitizen.length; i++) {
    const c = trCitizen[i]!
    if (c < C && need[c] === 1) offsets[c + 1]!++
  }
  for (let c = 0; c < C; c++) offsets[c + 1]! += offsets[c]!
  const fill = offsets.slice(0, C)
  const trDays = new Float64Array(offsets[C]!)
  for (let i = 0; i < trCitizen.length; i++) {
    const c = trCitizen[i]!
    if (c < C && need[c] === 1) trDays[fill[c]!++] = trDay[i]!
  }
  const days = new Float64Array(h)
  let started = 0
  for (let j = 0; j < h; j++) {
    const i = helped[j]!
    const s = start[i]!
    const c = citizen[i]!
    let day = Number.POSITIVE_INFINITY
    for (let k = offsets[c]!; k < offsets[c + 1]!; k++) if (trDays[k]! >= s! && trDays[k]! < day) day = trDays[k]!
    if (day === Number.POSITIVE_INFINITY) {
      const d = closed[i]!
      if (completed[i] !== 1 || d === null) continue
      day = d
    }
    days[started++] = day - s!
  }
  const sorted = days.subarray(0, started).sort()
  return [
    {
      helped: h,
      started,
      rate: rate(started, h),
      median: quantile(sorted, 0.5),
      p90: quantile(sorted, 0.9),
    },
  ]
}

const orsChange = (t: T): Array<Row> => {
  const { from, to } = t.days
  const f = t.fitScores
  const instrument = keyed(f, "instrument")
  const instruments = instrument.keys
  const ors = instrument.key("ORS")
  const citizen = ints(f, "citizen")
  const day = numbers(f, "day")
  const order = ints(f, "order")
  const total = ints(f, "total")
  const clinical = ints(f, "orsClinical")
  const reliable = ints(f, "reliableChange")
  const C = citizenBound(citizen)
  const n = new Int32Array(C)
  const firstOrder = new Float64Array(C).fill(Number.POSITIVE_INFINITY)
  const lastOrder = new Float64Array(C).fill(Number.NEGATIVE_INFINITY)
  const firstRow = new Int32Array(C)
  const lastRow = new Int32Array(C)
  for (let i = 0; i < instruments.length; i++) {
    if (instruments[i] !== ors || !within(day[i]!, from, to)) continue
    const c = citizen[i]!
    const k = order[i]!
    n[c]!++
    if (k < firstOrder[c]!) {
      firstOrder[c] = k
      firstRow[c] = i
    }
    if (k > lastOrder[c]!) {
      lastOrder[c] = k
      lastRow[c] = i
    }
  }
  let citizens = 0
  let sum = 0
  let improved = 0
  let clinicalStart = 0
  let recovered = 0
  let deteriorated = 0
  for (let c = 0; c < C; c++) {
    if (n[c]! < 2) continue
    const a = firstRow[c]!
    const b = lastRow[c]!
    const change = total[b]! - total[a]!
    const r = reliable[b]!
    citizens++
    sum += change
    if (change >= r) improved++
    if (change <= -r) deteriorated++
    clinicalStart += clinical[a]!
    if (clinical[a] === 1 && clinical[b] === 0 && change >= r) recovered++
  }
  return [
    {
      citizens,
      meanChange: citizens > 0 ? sum / citizens : null,
      improved,
      improvedRate: rate(improved, citizens),
      clinicalStart,
      recovered,
      recoveredRate: rate(recovered, clinicalStart),
      deteriorated,
      deterioratedRate: rate(deteriorated, citizens),
    },
  ]
}

const srsAlerts = (t: T): Array<Row> => {
  const { from, to } = t.days
  const f = t.fitScores
  const instrument = keyed(f, "instrument")
  const instruments = instrument.keys
  const srs = instrument.key("SRS")
  const citizen = ints(f, "citizen")
  const day = numbers(f, "day")
  const alert = ints(f, "srsAlert")
  // Bit 1: the citizen gave a form; bit 2: an alert.
  const stamp = new Uint8Array(citizenBound(citizen))
  let forms = 0
  let alerts = 0
  let citizens = 0
  let alerted = 0
  for (let i = 0; i < instruments.length; i++) {
    if (instruments[i] !== srs || !within(day[i]!, from, to)) continue
    const c = citizen[i]!
    forms++
    if ((stamp[c]! & 1) === 0) {
      stamp[c]! |= 1
      citizens++
    }
    if (alert[i] === 1) {
      alerts++
      if ((stamp[c]! & 2) === 0) {
        stamp[c]! |= 2
        alerted++
      }
    }
  }
  return [{ forms, alerts, rate: rate(alerts, forms), citizens, citizensAlerted: alerted }]
}

const capacityUse = (t: T): Array<Row> => {
  if (new Set(t.offerings.array("municipality") as Iterable<unknown>).size > 1)
    throw new Error("typedBaseline: capacityUse's pass covers one municipality's tables")
  const { s, sessions, a, G, presents, citizens } = presentByOffering(t)
  const out = joined("offering", (offering) => ({ offering, sessions: 0, present: 0, citizens: 0 }))
  for (let g = 0; g < s.values.length; g++) if (sessions[g]! > 0) out.get(s.values[g]).sessions += sessions[g]!
  for (let g = 0; g < G; g++)
    if (presents[g]! > 0) {
      const r = out.get(a.values[g])
      r.present += presents[g]!
      r.citizens += citizens[g]!
    }
  // Places per session by offering id, from the small offerings table.
  const ids = t.offerings.array("offering") as ArrayLike<unknown>
  const capacities = t.offerings.array("capacity") as ArrayLike<number | null | undefined>
  const capacityOf = (offering: unknown): number | null => {
    for (let i = 0; i < ids.length; i++) if (ids[i] === offering) return capacities[i] ?? null
    return null
  }
  return out.rows().map((r) => {
    const c = capacityOf(r.offering)
    const places = c === null ? null : r.sessions * c
    const presentInPlaces = c === null ? null : r.present
    return {
      offering: r.offering,
      sessions: r.sessions,
      present: r.present,
      citizens: r.citizens,
      perSession: rate(r.present, r.sessions),
      presentInPlaces,
      places,
      use: places !== null && places > 0 ? presentInPlaces! / places : null,
    }
  })
}

const departmentContributions = (t: T): Array<Row> => {
  const { from, to } = t.days
  const length = to - from + 1
  const c = t.contributions
  const cDepartment = dict(c, "department")
  const cMunicipality = dict(c, "municipality")
  const cFrom = ints(c, "from")
  const cTo = numbers(c, "to")
  const share = ints(c, "share")
  const form = keyed(c, "form")
  const forms = form.keys
  const lentForm = form.key("lent-position")
  const transferredForm = form.key("transferred-budget-post")
  const d = t.departments
  const department = d.array("department") as ArrayLike<unknown>
  const municipality = d.array("municipality") as ArrayLike<unknown>
  // Per department value, in order of first appearance: the sums over its rows in `departments`.
  const names: Array<unknown> = []
  const sums: Array<{ percent: number; lent: number; transferred: number; required: number }> = []
  for (let r = 0; r < department.length; r++) {
    let percent = 0
    let lent = 0
    let transferred = 0
    for (let k = 0; k < cFrom.length; k++) {
      if (
        cDepartment.values[cDepartment.codes[k]!] !== department[r] ||
        cMunicipality.values[cMunicipality.codes[k]!] !== municipality[r]
      )
        continue
      const stop = cTo[k]!
      const last = stop === null || stop > to ? to : stop
      const first = Math.max(cFrom[k]!, from)
      const w = last >= first ? (share[k]! * (last - first + 1)) / length : 0
      percent += w
      lent += forms[k] === lentForm ? w : 0
      transferred += forms[k] === transferredForm ? w : 0
    }
    let j = names.indexOf(department[r])
    if (j < 0) {
      j = names.push(department[r]) - 1
      sums.push({ percent: 0, lent: 0, transferred: 0, required: 0 })
    }
    const s = sums[j]!
    s.percent += percent
    s.lent += lent
    s.transferred += transferred
    s.required += t.requiredContributionPercent
  }
  return names
    .map((name, j) => ({ name, s: sums[j]! }))
    .sort((a, b) => compareValues(a.name, b.name))
    .map(({ name, s }) => ({
      department: dim(name),
      percent: s.percent,
      lent: s.lent,
      transferred: s.transferred,
      required: s.required,
      gap: s.percent - s.required,
    }))
}

const involvement = (t: T): Array<Row> => {
  const se = t.sessions
  const k = dict(se, "category")
  const codes = k.codes
  const students = ints(se, "students")
  const volunteers = ints(se, "volunteers")
  const G = k.values.length
  const sessions = new Int32Array(G)
  const withStudents = new Int32Array(G)
  const studentSum = new Float64Array(G)
  const withVolunteers = new Int32Array(G)
  const volunteerSum = new Float64Array(G)
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i]!
    sessions[g]!++
    const st = students[i]!
    const vo = volunteers[i]!
    studentSum[g]! += st
    volunteerSum[g]! += vo
    if (st > 0) withStudents[g]!++
    if (vo > 0) withVolunteers[g]!++
  }
  return groupsWithRows(k.values, sessions).map((g) => ({
    category: dim(k.values[g]),
    sessions: sessions[g]!,
    withStudents: withStudents[g]!,
    studentShare: rate(withStudents[g]!, sessions[g]!),
    students: studentSum[g]!,
    withVolunteers: withVolunteers[g]!,
    volunteerShare: rate(withVolunteers[g]!, sessions[g]!),
    volunteers: volunteerSum[g]!,
  }))
}

const feedbackSummary = (t: T): Array<Row> => {
  const { from, to } = t.days
  const f = t.feedback
  const s = dict(f, "source")
  const codes = s.codes
  const day = numbers(f, "day")
  const rating = numbers(f, "rating")
  const G = s.values.length
  const responses = new Int32Array(G)
  const rated = new Int32Array(G)
  const sum = new Float64Array(G)
  const good = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    if (!within(day[i]!, from, to)) continue
    const g = codes[i]!
    responses[g]!++
    const r = rating[i]!
    if (r !== null && !Number.isNaN(r)) {
      rated[g]!++
      sum[g]! += r
      if (r >= 4) good[g]!++
    }
  }
  return groupsWithRows(s.values, responses).map((g) => ({
    source: dim(s.values[g]),
    responses: responses[g]!,
    rated: rated[g]!,
    meanRating: rated[g]! > 0 ? sum[g]! / rated[g]! : null,
    good: good[g]!,
    goodShare: rate(good[g]!, rated[g]!),
  }))
}

const kprReportable = (t: T): Array<Row> => {
  const { from, to } = t.days
  const e = t.enrollments
  const k = dict(e, "kprService")
  const codes = k.codes
  const start = numbers(e, "start")
  const incomplete = ints(e, "kprIncomplete")
  const G = k.values.length
  const reported = Uint8Array.from(k.values, (v) => (v === null || v === undefined ? 0 : 1))
  const decisions = new Int32Array(G)
  const lacking = new Int32Array(G)
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i]!
    if (reported[g] === 0 || !within(start[i]!, from, to)) continue
    decisions[g]!++
    lacking[g]! += incomplete[i]!
  }
  return groupsWithRows(k.values, decisions).map((g) => ({
    kprService: dim(k.values[g]),
    decisions: decisions[g]!,
    incomplete: lacking[g]!,
    incompleteRate: rate(lacking[g]!, decisions[g]!),
  }))
}

/** Every typed pass by indicator id, each for the indicator's default grouping. */
export const typedBaselines: Readonly<Record<IndicatorId, (tables: T) => Array<Row>>> = {
  participation,
  newReturning,
  attendanceRate,
  completionRate,
  communityTransition,
  goalAttainment,
  extensionRate,
  referralToStart,
  recoveryStart,
  orsChange,
  srsAlerts,
  capacityUse,
  departmentContributions,
  involvement,
  feedbackSummary,
  kprReportable,
}
