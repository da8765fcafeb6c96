// The benchmark's municipality-year, built directly and deterministically:
// 100,000 enrollments with 10 attendance rows each (1,000,000), sessions for
// every offering-day, referrals, extensions, goal evaluations, transitions,
// FIT scores, feedback and contributions. Plain records in core's shapes,
// without schema decoding, so building takes a second or two.
import { Catalogue, type Dataset } from "@aktivitetsmodell/core"

const DAY = 86_400_000
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

/** A small linear congruential generator: the same seed gives the same year. */
const random = (seed: number) => {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

/** Builds the benchmark year. */
export const benchYear = (
  options: {
    readonly enrollments?: number
    readonly perEnrollment?: number
    readonly seed?: number
    readonly year?: number
  } = {},
): Dataset.Dataset => {
  const E = options.enrollments ?? 100_000
  const A = options.perEnrollment ?? 10
  const year = options.year ?? 2024
  const rnd = random(options.seed ?? 42)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(rnd() * xs.length)]!
  const catalogue = Catalogue.sandnes()
  const offerings = catalogue.offerings.filter((o) => o.status.kind !== "discontinued")
  const treatment = offerings.filter((o) => o.category === "treatment").map((o) => o.id as string)
  const others = offerings.filter((o) => o.category !== "treatment").map((o) => o.id as string)
  const citizens = Array.from({ length: Math.round(E * 0.4) }, (_, i) => i.toString(16).padStart(32, "0"))
  const first = Date.UTC(year, 0, 1) / DAY
  const days = Date.UTC(year + 1, 0, 1) / DAY - first

  const enrollments: Array<Record<string, unknown>> = []
  const attendance: Array<Record<string, unknown>> = []
  const referrals: Array<Record<string, unknown>> = []
  const extensions: Array<Record<string, unknown>> = []
  const goalEvaluations: Array<Record<string, unknown>> = []
  const transitions: Array<Record<string, unknown>> = []
  const fitScores: Array<Record<string, unknown>> = []
  const sessionKeys = new Set<string>()
  const statuses = ["present", "present", "present", "present", "present", "present", "absent", "no-show"] as const

  for (let e = 0; e < E; e++) {
    const isTreatment = rnd() < 0.4
    const offeringId = isTreatment ? pick(treatment) : pick(others)
    const citizenId = pick(citizens)
    // A few start in December the year before, so history matters.
    const start = first - 20 + Math.floor(rnd() * (days + 20))
    const id = `n-${e}`
    const r = rnd()
    const status = r < 0.5 ? "completed" : r < 0.7 ? "withdrawn" : "ongoing"
    const end = start + (isTreatment ? 27 : 90)
    const closedOn = status === "ongoing" ? undefined : end + Math.floor(rnd() * 5)
    const enrollment: Record<string, unknown> = { id, citizenId, offeringId, start: iso(start), end: iso(end), status }
    if (closedOn !== undefined) enrollment.closedOn = iso(closedOn)
    if (isTreatment) {
      const referralId = `r-${e}`
      const referred = start - 5 - Math.floor(rnd() * 40)
      enrollment.referralId = referralId
      referrals.push({ id: referralId, citizenId, therapistId: "s-1", offeringId, date: iso(referred) })
      if (rnd() < 0.25) extensions.push({ id: `f-${e}`, enrollmentId: id, date: iso(end - 2), newEnd: iso(end + 28) })
      goalEvaluations.push({
        id: `g-${e}`,
        enrollmentId: id,
        therapistId: "s-1",
        date: iso(end),
        goalReached: pick(["yes", "partly", "no"]),
        decision: "completed",
      })
      for (const [k, day] of [start, end].entries()) {
        const ors = Math.round((10 + rnd() * 25 + k * rnd() * 8) * 10) / 10
        const srs = Math.round((30 + rnd() * 10) * 10) / 10
        fitScores.push({
          id: `o-${e}-${k}`,
          citizenId,
          enrollmentId: id,
          date: iso(day),
          instrument: "ORS",
          items: [ors / 4, ors / 4, ors / 4, ors / 4],
          total: ors,
        })
        fitScores.push({
          id: `p-${e}-${k}`,
          citizenId,
          enrollmentId: id,
          date: iso(day),
          instrument: "SRS",
          items: [srs / 4, srs / 4, srs / 4, srs / 4],
          total: srs,
        })
      }
    }
    if (rnd() < 0.1)
      transitions.push({
        id: `t-${e}`,
        citizenId,
        fromOfferingId: offeringId,
        enrollmentId: id,
        date: iso(end + 3),
        destination: "Klubb",
        kind: "club",
      })
    enrollments.push(enrollment)
    for (let k = 0; k < A; k++) {
      const day = Math.min(first + days - 1, Math.max(first, start + 3 + k * 7))
      const date = iso(day)
      sessionKeys.add(`${offeringId}|${date}`)
      attendance.push({
        id: `a-${e}-${k}`,
        sessionId: `x-${offeringId}-${date}`,
        enrollmentId: id,
        citizenId,
        offeringId,
        date,
        status: pick(statuses),
      })
    }
  }
  const sessions = [...sessionKeys].map((key, i) => {
    const [offeringId, date] = key.split("|") as [string, string]
    return {
      id: `x-${i}`,
      offeringId,
      date,
      staffIds: ["s-1"],
      students: rnd() < 0.3 ? 2 : 0,
      volunteers: rnd() < 0.2 ? 1 : 0,
    }
  })
  const feedback = Array.from({ length: 5000 }, (_, i) => ({
    id: `b-${i}`,
    source: pick(["employee", "citizen", "experience-council"]),
    date: iso(first + Math.floor(rnd() * days)),
    offeringId: pick([...treatment, ...others]),
    theme: pick(["tilgjengelighet", "informasjon", "tidspunkt"]),
    ...(rnd() < 0.9 ? { rating: 1 + Math.floor(rnd() * 5) } : {}),
  }))
  const contributions = [
    {
      id: "c-1",
      department: "psykisk-helse",
      from: iso(first - 300),
      sharePercent: 20,
      form: "lent-position",
      staffId: "s-2",
    },
    {
      id: "c-2",
      department: "rus-og-avhengighet",
      from: iso(first + 100),
      sharePercent: 20,
      form: "transferred-budget-post",
    },
    { id: "c-3", department: "rpha", from: iso(first), to: iso(first + 200), sharePercent: 20, form: "lent-position" },
  ]
  return {
    year,
    departments: catalogue.departments,
    offerings: catalogue.offerings,
    citizens: [],
    staff: [],
    referrals,
    jointMeetings: [],
    episodes: [],
    enrollments,
    sessions,
    attendance,
    extensions,
    goalEvaluations,
    transitions,
    fitScores,
    proposals: [],
    contributions,
    feedback,
  } as unknown as Dataset.Dataset
}
