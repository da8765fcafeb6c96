// Hand-written single passes over the core records that compute the same
// tables as the indicators at their default grouping. The benchmark times
// them as the baseline; a property test checks that both agree on random
// years, so each side is the other's oracle. Written plainly, as a developer
// would without arquero: Maps keyed by strings, loops over record objects.
import { Catalogue, Crosswalk, type Dataset, KprCheck, Policy } from "@aktivitetsmodell/core"
import type { IndicatorId } from "../src/indicators/index.js"

type Row = Record<string, unknown>
const DAY = 86_400_000
const SHIFT = 2 ** 24
const dayOf = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY
const UNKNOWN = "(unknown)"

const quantile = (values: Array<number>, p: number): number | null => {
  if (values.length === 0) return null
  const s = values.slice().sort((a, b) => a - b)
  if (p <= 0 || s.length < 2) return s[0]!
  if (p >= 1) return s[s.length - 1]!
  const i = (s.length - 1) * p
  const i0 = Math.floor(i)
  return s[i0]! + (s[i0 + 1]! - s[i0]!) * (i - i0)
}
const rate = (n: number, d: number) => (d > 0 ? n / d : null)
const sortBy = (rows: Array<Row>, key: string) =>
  rows.sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0))
const bump = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by)
const setOf = <K, V>(m: Map<K, Set<V>>, k: K) => {
  let s = m.get(k)
  if (s === undefined) {
    s = new Set()
    m.set(k, s)
  }
  return s
}

/** Context shared by the baselines: the period and lookups a hand-written version would build. */
export interface Context {
  readonly data: Dataset.Dataset
  readonly policy: Policy.Policy
  readonly from: number
  readonly to: number
  readonly capacity: Readonly<Record<string, number>>
}

export const context = (
  data: Dataset.Dataset,
  policy: Policy.Policy,
  capacity: Readonly<Record<string, number>> = {},
): Context => ({
  data,
  policy,
  from: dayOf(`${data.year}-01-01`),
  to: dayOf(`${data.year}-12-31`),
  capacity,
})

const offeringInfo = (data: Dataset.Dataset) => {
  const list = [
    ...data.offerings,
    ...Catalogue.sandnes().offerings.filter((o) => !data.offerings.some((d) => d.id === o.id)),
  ]
  return new Map(list.map((o) => [o.id as string, o]))
}

const participation = ({ data, from, to }: Context): Array<Row> => {
  const groups = new Map<string, { participants: Set<string>; attendances: number; sessions: number }>()
  const g = (k: string) => {
    let v = groups.get(k)
    if (v === undefined) {
      v = { participants: new Set(), attendances: 0, sessions: 0 }
      groups.set(k, v)
    }
    return v
  }
  for (const s of data.sessions) {
    const d = dayOf(s.date)
    if (d >= from && d <= to) g(s.offeringId).sessions++
  }
  for (const a of data.attendance) {
    if (a.status !== "present") continue
    const d = dayOf(a.date)
    if (d < from || d > to) continue
    const v = g(a.offeringId)
    v.participants.add(a.citizenId)
    v.attendances++
  }
  return sortBy(
    [...groups].map(([offering, v]) => ({
      offering,
      participants: v.participants.size,
      attendances: v.attendances,
      sessions: v.sessions,
    })),
    "offering",
  )
}

const attendanceRate = ({ data, from, to }: Context): Array<Row> => {
  const groups = new Map<string, { citizens: Set<string>; booked: number; present: number; noShow: number }>()
  for (const a of data.attendance) {
    const d = dayOf(a.date)
    if (d < from || d > to) continue
    let v = groups.get(a.offeringId)
    if (v === undefined) {
      v = { citizens: new Set(), booked: 0, present: 0, noShow: 0 }
      groups.set(a.offeringId, v)
    }
    v.citizens.add(a.citizenId)
    v.booked++
    if (a.status === "present") v.present++
    else if (a.status === "no-show") v.noShow++
  }
  return sortBy(
    [...groups].map(([offering, v]) => ({
      offering,
      citizens: v.citizens.size,
      booked: v.booked,
      present: v.present,
      noShow: v.noShow,
      rate: rate(v.present, v.booked),
    })),
    "offering",
  )
}

const newReturning = ({ data, from, to }: Context): Array<Row> => {
  const first = new Map<string, number>()
  for (const e of data.enrollments) {
    const d = dayOf(e.start)
    const f = first.get(e.citizenId)
    if (f === undefined || d < f) first.set(e.citizenId, d)
  }
  const started = new Map<string, Set<string>>()
  for (const e of data.enrollments) {
    const d = dayOf(e.start)
    if (d >= from && d <= to) setOf(started, e.offeringId as string).add(e.citizenId)
  }
  return sortBy(
    [...started].map(([offering, s]) => {
      let n = 0
      for (const c of s) if (first.get(c)! >= from) n++
      return { offering, started: s.size, new: n, returning: s.size - n, newShare: rate(n, s.size) }
    }),
    "offering",
  )
}

const closedDay = (e: Dataset.Dataset["enrollments"][number]) => {
  if (e.status === "ongoing") return null
  const c = e.closedOn ?? e.end
  return c === undefined ? null : dayOf(c)
}

const completionRate = ({ data, from, to }: Context): Array<Row> => {
  const ended = new Map<string, number>()
  const completed = new Map<string, number>()
  const info = offeringInfo(data)
  for (const e of data.enrollments) {
    const c = closedDay(e)
    if (c === null || c < from || c > to) continue
    // An open offering with no end and no next step has nothing to complete: its row is there, with nothing counted.
    const o = info.get(e.offeringId as string)
    const completes = o === undefined || o.access !== "open" || o.endsWhen !== undefined || o.continuation !== undefined
    ended.set(e.offeringId as string, (ended.get(e.offeringId as string) ?? 0) + (completes ? 1 : 0))
    if (completes && e.status === "completed") bump(completed, e.offeringId as string)
  }
  return sortBy(
    [...ended].map(([offering, n]) => {
      const k = completed.get(offering) ?? 0
      return { offering, ended: n, completed: k, withdrawn: n - k, rate: rate(k, n) }
    }),
    "offering",
  )
}

const communityTransition = ({ data, from, to }: Context): Array<Row> => {
  const participants = new Map<string, Set<string>>()
  const offeringOf = new Map<string, string>()
  for (const e of data.enrollments) {
    offeringOf.set(e.id, e.offeringId)
    const stop = e.closedOn ?? e.end
    if (dayOf(e.start) <= to && (stop === undefined || dayOf(stop) >= from))
      setOf(participants, e.offeringId as string).add(e.citizenId)
  }
  const moved = new Map<string, Set<string>>()
  for (const t of data.transitions) {
    const d = dayOf(t.date)
    if (d < from || d > to) continue
    const o = t.fromOfferingId ?? (t.enrollmentId === undefined ? undefined : offeringOf.get(t.enrollmentId))
    if (o !== undefined && participants.get(o)?.has(t.citizenId) === true) setOf(moved, o).add(t.citizenId)
  }
  return sortBy(
    [...participants].map(([offering, s]) => {
      const m = moved.get(offering)?.size ?? 0
      return { offering, participants: s.size, transitioned: m, rate: rate(m, s.size) }
    }),
    "offering",
  )
}

const goalAttainment = ({ data, from, to }: Context): Array<Row> => {
  const info = offeringInfo(data)
  const enrollment = new Map(data.enrollments.map((e) => [e.id as string, e]))
  const last = new Map<string, number>()
  data.goalEvaluations.forEach((g, i) => {
    const order = dayOf(g.date) * SHIFT + i
    if ((last.get(g.enrollmentId) ?? -1) < order) last.set(g.enrollmentId, order)
  })
  const groups = new Map<string, { evaluated: number; reached: number; partly: number }>()
  data.goalEvaluations.forEach((g, i) => {
    const e = enrollment.get(g.enrollmentId)
    const d = dayOf(g.date)
    if (
      e === undefined ||
      last.get(g.enrollmentId) !== d * SHIFT + i ||
      d < from ||
      d > to ||
      info.get(e.offeringId)?.category !== "treatment"
    )
      return
    let v = groups.get(e.offeringId)
    if (v === undefined) {
      v = { evaluated: 0, reached: 0, partly: 0 }
      groups.set(e.offeringId, v)
    }
    v.evaluated++
    if (g.goalReached === "yes") v.reached++
    else if (g.goalReached === "partly") v.partly++
  })
  return sortBy(
    [...groups].map(([offering, v]) => ({
      offering,
      ...v,
      notReached: v.evaluated - v.reached - v.partly,
      rate: rate(v.reached, v.evaluated),
    })),
    "offering",
  )
}

const extensionRate = ({ data, from, to }: Context): Array<Row> => {
  const info = offeringInfo(data)
  const extended = new Set(data.extensions.map((x) => x.enrollmentId as string))
  const groups = new Map<string, { enrollments: number; extended: number }>()
  for (const e of data.enrollments) {
    const d = dayOf(e.start)
    if (d < from || d > to || info.get(e.offeringId)?.category !== "treatment") continue
    let v = groups.get(e.offeringId)
    if (v === undefined) {
      v = { enrollments: 0, extended: 0 }
      groups.set(e.offeringId, v)
    }
    v.enrollments++
    if (extended.has(e.id)) v.extended++
  }
  return sortBy(
    [...groups].map(([offering, v]) => ({ offering, ...v, rate: rate(v.extended, v.enrollments) })),
    "offering",
  )
}

const referralToStart = ({ data, from, to }: Context): Array<Row> => {
  const first = new Map<string, number>()
  for (const a of data.attendance) {
    if (a.status !== "present") continue
    const d = dayOf(a.date)
    if (d < from || d > to) continue
    const f = first.get(a.enrollmentId)
    if (f === undefined || d < f) first.set(a.enrollmentId, d)
  }
  const referral = new Map(data.referrals.map((r) => [r.id as string, dayOf(r.date)]))
  const days = new Map<string, Array<number>>()
  for (const e of data.enrollments) {
    const r = e.referralId === undefined ? undefined : referral.get(e.referralId)
    const f = first.get(e.id)
    if (r === undefined || f === undefined || dayOf(e.start) < from) continue
    let list = days.get(e.offeringId)
    if (list === undefined) {
      list = []
      days.set(e.offeringId, list)
    }
    list.push(f - r)
  }
  return sortBy(
    [...days].map(([offering, ds]) => ({
      offering,
      started: ds.length,
      median: quantile(ds, 0.5),
      p90: quantile(ds, 0.9),
    })),
    "offering",
  )
}

const recoveryStart = ({ data, from, to }: Context): Array<Row> => {
  const transitions = new Map<string, Array<number>>()
  for (const t of data.transitions) {
    let list = transitions.get(t.citizenId)
    if (list === undefined) {
      list = []
      transitions.set(t.citizenId, list)
    }
    list.push(dayOf(t.date))
  }
  let helped = 0
  const days: Array<number> = []
  for (const e of data.enrollments) {
    const start = dayOf(e.start)
    if (e.offeringId !== "recoveryhjelpa" || start < from || start > to) continue
    helped++
    let t: number | null = null
    for (const d of transitions.get(e.citizenId) ?? []) if (d >= start && (t === null || d < t)) t = d
    const started = t ?? (e.status === "completed" ? closedDay(e) : null)
    if (started !== null) days.push(started - start)
  }
  return [
    {
      helped,
      started: days.length,
      rate: rate(days.length, helped),
      median: quantile(days, 0.5),
      p90: quantile(days, 0.9),
    },
  ]
}

const orsChange = ({ data, policy, from, to }: Context): Array<Row> => {
  const people = new Map<
    string,
    {
      n: number
      first: number
      firstTotal: number
      firstDate: string
      last: number
      lastTotal: number
      lastDate: string
    }
  >()
  data.fitScores.forEach((f, i) => {
    const d = dayOf(f.date)
    if (f.instrument !== "ORS" || d < from || d > to) return
    const order = d * SHIFT + i
    const p = people.get(f.citizenId)
    if (p === undefined)
      people.set(f.citizenId, {
        n: 1,
        first: order,
        firstTotal: f.total,
        firstDate: f.date,
        last: order,
        lastTotal: f.total,
        lastDate: f.date,
      })
    else {
      p.n++
      if (order < p.first) Object.assign(p, { first: order, firstTotal: f.total, firstDate: f.date })
      if (order > p.last) Object.assign(p, { last: order, lastTotal: f.total, lastDate: f.date })
    }
  })
  let citizens = 0
  let sum = 0
  let improved = 0
  let clinicalStart = 0
  let recovered = 0
  let deteriorated = 0
  // Each threshold of its form's own date: the cutoff of the first and the last form, the reliable change of the last.
  const at = (name: string, date: string) => Policy.requireNumber(policy, name, { question: date, session: date })
  for (const p of people.values()) {
    if (p.n < 2) continue
    const change = p.lastTotal - p.firstTotal
    const reliable = at(Policy.names.orsReliableChange, p.lastDate)
    const firstClinical = p.firstTotal < at(Policy.names.orsCutoff, p.firstDate)
    const lastClinical = p.lastTotal < at(Policy.names.orsCutoff, p.lastDate)
    citizens++
    sum += change
    if (change >= reliable) improved++
    if (change <= -reliable) deteriorated++
    if (firstClinical) clinicalStart++
    if (firstClinical && !lastClinical && change >= reliable) recovered++
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

const srsAlerts = ({ data, policy, from, to }: Context): Array<Row> => {
  let forms = 0
  let alerts = 0
  const citizens = new Set<string>()
  const alerted = new Set<string>()
  for (const f of data.fitScores) {
    const d = dayOf(f.date)
    if (f.instrument !== "SRS" || d < from || d > to) continue
    forms++
    citizens.add(f.citizenId)
    if (f.total < Policy.requireNumber(policy, Policy.names.srsAlertBelow, { question: f.date, session: f.date })) {
      alerts++
      alerted.add(f.citizenId)
    }
  }
  return [{ forms, alerts, rate: rate(alerts, forms), citizens: citizens.size, citizensAlerted: alerted.size }]
}

const capacityUse = ({ data, from, to, capacity }: Context): Array<Row> => {
  const sessions = new Map<string, number>()
  const present = new Map<string, number>()
  const citizens = new Map<string, Set<string>>()
  for (const s of data.sessions) {
    const d = dayOf(s.date)
    if (d >= from && d <= to) bump(sessions, s.offeringId as string)
  }
  for (const a of data.attendance) {
    const d = dayOf(a.date)
    if (a.status !== "present" || d < from || d > to) continue
    bump(present, a.offeringId as string)
    setOf(citizens, a.offeringId as string).add(a.citizenId)
  }
  const keys = new Set([...sessions.keys(), ...present.keys()])
  return sortBy(
    [...keys].map((offering) => {
      const s = sessions.get(offering) ?? 0
      const p = present.get(offering) ?? 0
      const c = capacity[offering]
      const places = c === undefined ? null : s * c
      const inPlaces = c === undefined ? null : p
      return {
        offering,
        sessions: s,
        present: p,
        citizens: citizens.get(offering)?.size ?? 0,
        perSession: rate(p, s),
        presentInPlaces: inPlaces,
        places,
        use: places !== null && places > 0 ? inPlaces! / places : null,
      }
    }),
    "offering",
  )
}

const departmentContributions = ({ data, policy, from, to }: Context): Array<Row> => {
  const length = to - from + 1
  const departments = data.departments.length > 0 ? data.departments : Catalogue.sandnes().departments
  const required = Policy.requireNumber(policy, Policy.names.contributionPercent, { question: `${data.year}-12-31` })
  return sortBy(
    departments.map((dep) => {
      let lent = 0
      let transferred = 0
      for (const c of data.contributions) {
        if (c.department !== dep.id) continue
        const a = Math.max(dayOf(c.from), from)
        const b = Math.min(c.to === undefined ? to : dayOf(c.to), to)
        const w = (c.sharePercent * (b >= a ? b - a + 1 : 0)) / length
        if (c.form === "lent-position") lent += w
        else transferred += w
      }
      return {
        department: dep.id,
        percent: lent + transferred,
        lent,
        transferred,
        required,
        gap: lent + transferred - required,
      }
    }),
    "department",
  )
}

const involvement = ({ data, from, to }: Context): Array<Row> => {
  const info = offeringInfo(data)
  const groups = new Map<
    string,
    { sessions: number; withStudents: number; students: number; withVolunteers: number; volunteers: number }
  >()
  for (const s of data.sessions) {
    const d = dayOf(s.date)
    if (d < from || d > to) continue
    const k = info.get(s.offeringId)?.category ?? UNKNOWN
    let v = groups.get(k)
    if (v === undefined) {
      v = { sessions: 0, withStudents: 0, students: 0, withVolunteers: 0, volunteers: 0 }
      groups.set(k, v)
    }
    v.sessions++
    v.students += s.students
    v.volunteers += s.volunteers
    if (s.students > 0) v.withStudents++
    if (s.volunteers > 0) v.withVolunteers++
  }
  return sortBy(
    [...groups].map(([category, v]) => ({
      category,
      sessions: v.sessions,
      withStudents: v.withStudents,
      studentShare: rate(v.withStudents, v.sessions),
      students: v.students,
      withVolunteers: v.withVolunteers,
      volunteerShare: rate(v.withVolunteers, v.sessions),
      volunteers: v.volunteers,
    })),
    "category",
  )
}

const feedbackSummary = ({ data, from, to }: Context): Array<Row> => {
  const groups = new Map<string, { responses: number; rated: number; sum: number; good: number }>()
  for (const f of data.feedback) {
    const d = dayOf(f.date)
    if (d < from || d > to) continue
    let v = groups.get(f.source)
    if (v === undefined) {
      v = { responses: 0, rated: 0, sum: 0, good: 0 }
      groups.set(f.source, v)
    }
    v.responses++
    if (f.rating !== undefined) {
      v.rated++
      v.sum += f.rating
      if (f.rating >= 4) v.good++
    }
  }
  return sortBy(
    [...groups].map(([source, v]) => ({
      source,
      responses: v.responses,
      rated: v.rated,
      meanRating: v.rated > 0 ? v.sum / v.rated : null,
      good: v.good,
      goodShare: rate(v.good, v.rated),
    })),
    "source",
  )
}

// What the register lacks comes from core's check on both sides; the baseline checks the counting.
const kprReportable = ({ data, from, to }: Context): Array<Row> => {
  const services = Crosswalk.reportable()
  const lacking = new Set(KprCheck.check(data).map((p) => p.path[1]))
  const groups = new Map<string, { decisions: number; incomplete: number }>()
  data.enrollments.forEach((e, i) => {
    const service = services.get(e.offeringId)
    const d = dayOf(e.start)
    if (service === undefined || d < from || d > to) return
    let v = groups.get(service.code)
    if (v === undefined) {
      v = { decisions: 0, incomplete: 0 }
      groups.set(service.code, v)
    }
    v.decisions++
    if (lacking.has(i)) v.incomplete++
  })
  return sortBy(
    [...groups].map(([kprService, v]) => ({
      kprService,
      decisions: v.decisions,
      incomplete: v.incomplete,
      incompleteRate: rate(v.incomplete, v.decisions),
    })),
    "kprService",
  )
}

/** Every baseline by indicator id, each for the indicator's default grouping. */
export const baselines: Readonly<Record<IndicatorId, (c: Context) => Array<Row>>> = {
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

/** True when two numbers agree to 1e-9 (relative), or both are null. */
export const same = (a: unknown, b: unknown): boolean =>
  a === b ||
  (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))
