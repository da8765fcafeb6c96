/**
 * Activity as treatment (Mestringsenhetens modell for aktivitet §Fysisk aktivitet som behandling, Saksgang):
 * referral → joint meeting with a goal → episode → enrollment for one period
 * → sessions with FIT → goal evaluation, at most the policy's extensions extra
 * periods, then completion, other measures or withdrawal.
 *
 * Periods follow the offering's schedule and the policy's limits on the
 * enrollment's first day: individual training (`per-plan`) runs the limit's
 * weeks with at most its sessions per ISO week; a `course` books the next
 * sessions (the policy's session limit) of its weekly group; the walking group (`monthly-cohort`) joins the next month's
 * cohort.
 *
 * Nothing is dated after 31 December: a treatment whose period runs into the
 * next year stays `ongoing`, without an evaluation and without `end` (its
 * last sessions are not yet scheduled in this year's data); an extension is
 * granted only when the extra period fits inside the year.
 *
 * @module
 */

import { dayNumber, fromDayNumber } from "../Calendar.js"
import type { Enrollment } from "../Enrollment.js"
import type { GoalEvaluation } from "../GoalEvaluation.js"
import type { Goal } from "../JointMeeting.js"
import type { Offering } from "../Offering.js"
import type { Session } from "../Session.js"
import type { Staff } from "../Staff.js"
import { type Day, monthOf, weekday, weekKey, weekly, workday } from "./calendar.js"
import { orsCourse, recordFit } from "./fit.js"
import type { Random } from "./random.js"
import { type AttendanceStatus, attendanceStatus, type Person, type World, weightOf } from "./world.js"

/** Share of all citizens referred to activity as treatment during the year. */
export const referredShare = 0.35
/** Share of referred citizens referred a second time after their first treatment ended. */
const secondReferralShare = 0.1
/** Sessions of a course whose policy sets no session limit (Bakkestart). */
const defaultCourseSessions = 6
/** Sessions of a monthly cohort whose policy sets none (policy-literal-ok: the generator's assumption, not a limit). */
const defaultCohortSessions = 4
/** Weeks and sessions per week of an individual plan whose policy sets none (policy-literal-ok: the generator's assumption). */
const defaultWeeks = 4
const defaultSessionsPerWeek = 1
/** Share of completed treatments with the goal reached that go on to a community offering. */
const transitionShare = 0.4

/** How often each of Sandnes' treatment offerings is chosen by therapists. */
const offeringWeight: Readonly<Record<string, number>> = {
  "individuell-trening-mudo": 25,
  "mindfull-restorative-yoga": 15,
  turgruppe: 20,
  "kreativ-gruppe": 14,
  bakkestart: 10,
  padelgruppe: 16,
}

/** Ordinary community offerings citizens move on to after a treatment. */
export const communityDestinations = [
  "Sandnes Turlag",
  "Treningssenter",
  "Frivilligsentralen",
  "Idrettslag i nærmiljøet",
  "Turgruppe i bydelen",
] as const

const goals: Record<Plan["kind"], ReadonlyArray<string>> = {
  individual: [
    "Trene styrke to ganger i uka på egen hånd",
    "Komme i gang med fast trening på treningssenter",
    "Orke å gå trappene hjemme uten pause",
    "Bli sterk nok til å gå på jobbtrening",
  ],
  course: [
    "Kjenne mindre uro i kroppen i hverdagen",
    "Bruke pusteøvelser når angsten kommer",
    "Gjøre noe sammen med andre en gang i uka",
    "Få bedre døgnrytme med en fast aktivitet",
    "Bli tryggere på å delta i en gruppe",
  ],
  cohort: [
    "Gå en tur på 30 minutter to ganger i uka",
    "Komme meg ut av huset hver dag",
    "Gå til butikken og tilbake uten å stoppe",
    "Bli kjent med turområder i nærheten",
  ],
}
const measures = [
  "Egen registrering i aktivitetsdagbok",
  "ORS ved hver samling",
  "Antall økter per uke",
  "Samtale med behandler underveis",
  "Skala 1–10 for hvor lett det føles",
] as const

interface Slot {
  readonly day: Day
  readonly cohort?: string
  session?: Session
}

// Limits are looked up by the day an enrollment starts, as the policy dates them.
type Plan =
  | {
      readonly kind: "individual"
      readonly limitsOn: (start: Day) => { readonly weeks: number; readonly perWeek: number }
    }
  | {
      readonly kind: "course"
      readonly sizeOn: (start: Day) => number
      readonly slots: ReadonlyArray<Slot>
      readonly leads: ReadonlyArray<string>
    }
  | {
      readonly kind: "cohort"
      readonly cohorts: ReadonlyArray<{ readonly key: string; readonly slots: ReadonlyArray<Slot> }>
      readonly leads: ReadonlyArray<string>
    }

interface Period {
  readonly start: Day
  /** The planned last day. */
  readonly end: Day
  /** True when the whole period falls inside the year. */
  readonly complete: boolean
  /** The booked sessions inside the year. */
  readonly slots: ReadonlyArray<Slot>
  readonly cohortIndex?: number
}

/** The period a run of booked sessions spans, from its first to its last. */
const spanning = (slots: ReadonlyArray<Slot>, complete: boolean): Period => ({
  start: slots[0]!.day,
  end: slots[slots.length - 1]!.day,
  complete,
  slots,
})

const planFor = (w: World, random: Random, o: Offering): Plan => {
  const leads = w.teamIds(random, 2)
  const day = random.int(1, 5)
  const limitsOn = (start: Day) => w.limitsOf(o, start)
  if (o.format === "individual" || o.schedule.frequency === "per-plan") {
    return {
      kind: "individual",
      limitsOn: (start) => {
        const l = limitsOn(start)
        return { weeks: l.weeks ?? defaultWeeks, perWeek: l.sessionsPerWeek ?? defaultSessionsPerWeek }
      },
    }
  }
  if (o.schedule.frequency === "monthly-cohort") {
    const cohorts = []
    for (let m = 1; m <= 12; m++) {
      const first = dayNumber(`${w.year}-${String(m).padStart(2, "0")}-01`)
      const size = limitsOn(first).sessions ?? defaultCohortSessions
      const last = m === 12 ? w.end : dayNumber(`${w.year}-${String(m + 1).padStart(2, "0")}-01`) - 1
      const key = `${w.year}-${String(m).padStart(2, "0")}`
      cohorts.push({
        key,
        slots: weekly(first, last, day)
          .slice(0, size)
          .map((d) => ({ day: d, cohort: key })),
      })
    }
    return { kind: "cohort", cohorts: cohorts.filter((c) => c.slots.length > 0), leads }
  }
  return {
    kind: "course",
    sizeOn: (start) => limitsOn(start).sessions ?? defaultCourseSessions,
    slots: weekly(w.start, w.end, day).map((d) => ({ day: d })),
    leads,
  }
}

/** Working days for an individual plan, at most `perWeek` per ISO week counting earlier bookings in `used`. */
const individualDays = (
  random: Random,
  from: Day,
  to: Day,
  perWeek: number,
  used: Map<number, number>,
): Array<Slot> => {
  const out: Array<Slot> = []
  for (let d = from; d <= to; ) {
    const wk = weekKey(d)
    const sunday = wk * 7 - 3 + 6
    const segmentEnd = Math.min(to, sunday)
    const candidates: Array<Day> = []
    for (let x = d; x <= segmentEnd; x++) if (weekday(x) <= 5) candidates.push(x)
    const already = used.get(wk) ?? 0
    const want = random.chance(0.7) ? perWeek : Math.max(1, perWeek - 1)
    const n = Math.max(0, Math.min(want - already, candidates.length))
    for (const x of random.sample(candidates, n).sort((a, b) => a - b)) out.push({ day: x })
    used.set(wk, already + n)
    d = segmentEnd + 1
  }
  return out
}

const firstPeriod = (
  w: World,
  random: Random,
  plan: Plan,
  after: Day,
  used: Map<number, number>,
): Period | undefined => {
  switch (plan.kind) {
    case "individual": {
      const start = workday(after + random.int(1, 5))
      if (start > w.end) return undefined
      const { weeks, perWeek } = plan.limitsOn(start)
      const end = start + weeks * 7 - 1
      const slots = individualDays(random, start, Math.min(end, w.end), perWeek, used)
      return slots.length === 0 ? undefined : { start, end, complete: end <= w.end, slots }
    }
    case "course": {
      const i = plan.slots.findIndex((s) => s.day > after)
      if (i < 0) return undefined
      const size = plan.sizeOn(plan.slots[i]!.day)
      const slots = plan.slots.slice(i, i + size)
      // A period books at least one session; none booked is no period.
      return slots.length === 0 ? undefined : spanning(slots, slots.length === size)
    }
    case "cohort": {
      const i = plan.cohorts.findIndex((c) => c.slots[0]!.day > after)
      const c = plan.cohorts[i]
      if (c === undefined) return undefined
      return { ...spanning(c.slots, true), cohortIndex: i }
    }
  }
}

/** The next period after `prev`, only when it fits entirely inside the year; limits are those of the enrollment's first day. */
const nextPeriod = (
  w: World,
  random: Random,
  plan: Plan,
  prev: Period,
  enrollmentStart: Day,
  used: Map<number, number>,
): Period | undefined => {
  switch (plan.kind) {
    case "individual": {
      const { weeks, perWeek } = plan.limitsOn(enrollmentStart)
      const start = prev.end + 1
      const end = prev.end + weeks * 7
      if (end > w.end) return undefined
      const slots = individualDays(random, start, end, perWeek, used)
      return slots.length === 0 ? undefined : { start, end, complete: true, slots }
    }
    case "course": {
      const i = plan.slots.findIndex((s) => s.day > prev.end)
      const size = plan.sizeOn(enrollmentStart)
      if (i < 0 || size < 1 || i + size > plan.slots.length) return undefined
      return spanning(plan.slots.slice(i, i + size), true)
    }
    case "cohort": {
      const i = (prev.cohortIndex ?? -1) + 1
      const c = plan.cohorts[i]
      if (c === undefined) return undefined
      return { ...spanning(c.slots, true), cohortIndex: i }
    }
  }
}

const decide = (
  random: Random,
  reached: GoalEvaluation["goalReached"],
  canExtend: boolean,
): GoalEvaluation["decision"] => {
  if (reached === "yes") return "completed"
  if (reached === "partly")
    return canExtend && random.chance(0.55) ? "extend" : random.chance(0.6) ? "completed" : "other-measures"
  return canExtend && random.chance(0.4) ? "extend" : random.chance(0.75) ? "other-measures" : "completed"
}

/** A working day in [from, to], with fewer referrals in July and around Christmas. */
const referralDay = (random: Random, from: Day, to: Day): Day => {
  for (;;) {
    const d = workday(random.int(from, to))
    const { month } = monthOf(d)
    const keep = month === 7 ? 0.35 : month === 12 ? 0.6 : 1
    if (d <= to && random.chance(keep)) return d
  }
}

interface Ctx {
  readonly w: World
  readonly random: Random
  readonly plans: ReadonlyMap<string, Plan>
  readonly therapists: ReadonlyArray<Staff>
}

/** Runs one referral through the flow; returns the day the treatment closed, if it did. */
const runFlow = (ctx: Ctx, p: Person, o: Offering, referralDayNumber: Day): Day | undefined => {
  const { w, random } = ctx
  const plan = ctx.plans.get(o.id)!
  const own = ctx.therapists.filter((t) => t.department !== undefined && p.citizen.departments.includes(t.department))
  const therapist = random.pick(own.length > 0 ? own : ctx.therapists)
  const teamMember = w.teamIds(random, 1)[0]!
  const referralId = w.id("r")
  const meetingDay = referralDayNumber + random.int(3, 14)
  const episodeDay = meetingDay + random.int(0, 3)
  const goal: Goal = {
    text: random.pick(goals[plan.kind]),
    ...(random.chance(0.6) ? { measure: random.pick(measures) } : {}),
  }
  w.records.referrals.push({
    id: referralId,
    citizenId: p.citizen.id,
    therapistId: therapist.id,
    offeringId: o.id,
    date: fromDayNumber(referralDayNumber),
  })
  w.records.jointMeetings.push({
    id: w.id("m"),
    referralId,
    citizenId: p.citizen.id,
    therapistId: therapist.id,
    teamMemberId: teamMember,
    date: fromDayNumber(meetingDay),
    goal,
  })
  w.records.episodes.push({
    id: w.id("e"),
    referralId,
    citizenId: p.citizen.id,
    therapistId: therapist.id,
    date: fromDayNumber(episodeDay),
  })

  const used = new Map<number, number>()
  const first = firstPeriod(w, random, plan, episodeDay, used)
  if (first === undefined) return undefined // waiting for a group that starts next year

  const enrollmentId = w.id("n")
  const course = orsCourse(random)
  const maxExtensions = w.limitsOf(o, first.start).extensions ?? 0
  const bookings: Array<{ slot: Slot; status: AttendanceStatus }> = []
  let status: Enrollment["status"] = "ongoing"
  let closedOn: Day | undefined
  let reachedAtClose: GoalEvaluation["goalReached"] | undefined
  let decisionAtClose: GoalEvaluation["decision"] | undefined

  let period: Period = first
  for (let k = 0; ; k++) {
    let slots = period.slots
    const withdraw = slots.length >= 2 && random.chance(k === 0 ? 0.065 : 0.1)
    if (withdraw) slots = slots.slice(0, random.int(1, slots.length - 1))
    let statuses = slots.map((_, i): AttendanceStatus => (i === 0 ? "present" : attendanceStatus(random, p.propensity)))
    if (withdraw) {
      const last = statuses.lastIndexOf("present")
      slots = slots.slice(0, last + 1)
      statuses = statuses.slice(0, last + 1)
    }
    for (const [i, slot] of slots.entries()) bookings.push({ slot, status: statuses[i]! })
    if (withdraw) {
      status = "withdrawn"
      closedOn = slots[slots.length - 1]!.day
      break
    }
    if (!period.complete) break // runs into next year: no evaluation yet

    const reached = random.weighted<GoalEvaluation["goalReached"]>([
      ["yes", 0.45],
      ["partly", 0.35],
      ["no", 0.2],
    ])
    const next = k < maxExtensions ? nextPeriod(w, random, plan, period, first.start, used) : undefined
    const decision = decide(random, reached, next !== undefined)
    w.records.goalEvaluations.push({
      id: w.id("g"),
      enrollmentId,
      therapistId: therapist.id,
      date: fromDayNumber(period.end),
      goalReached: reached,
      decision,
    })
    if (decision === "extend" && next !== undefined) {
      w.records.extensions.push({
        id: w.id("f"),
        enrollmentId,
        date: fromDayNumber(period.end),
        newEnd: fromDayNumber(next.end),
      })
      period = next
      continue
    }
    status = "completed"
    closedOn = period.end
    reachedAtClose = reached
    decisionAtClose = decision
    break
  }

  const firstCohort =
    first.cohortIndex === undefined || plan.kind !== "cohort" ? undefined : plan.cohorts[first.cohortIndex]?.key
  w.records.enrollments.push({
    id: enrollmentId,
    citizenId: p.citizen.id,
    offeringId: o.id,
    start: fromDayNumber(first.start),
    ...(first.complete ? { end: fromDayNumber(first.end) } : {}),
    referralId,
    ...(firstCohort === undefined ? {} : { cohort: firstCohort }),
    status,
    ...(closedOn === undefined ? {} : { closedOn: fromDayNumber(closedOn) }),
  })

  let presentCount = 0
  for (const { slot, status: st } of bookings) {
    let session = slot.session
    if (session === undefined) {
      const staffIds =
        plan.kind === "individual" ? [teamMember] : random.sample(plan.leads, random.int(1, plan.leads.length))
      session = w.session(o, slot.day, staffIds, 0, 0, slot.cohort)
      if (plan.kind !== "individual") slot.session = session
    }
    w.attend(session, enrollmentId, p, st)
    if (st === "present") recordFit(w, random, course, p.citizen.id, enrollmentId, slot.day, presentCount++)
  }

  if (
    status === "completed" &&
    closedOn !== undefined &&
    reachedAtClose === "yes" &&
    decisionAtClose === "completed" &&
    random.chance(transitionShare)
  ) {
    w.records.transitions.push({
      id: w.id("t"),
      citizenId: p.citizen.id,
      fromOfferingId: o.id,
      enrollmentId,
      date: fromDayNumber(Math.min(w.end, closedOn + random.int(0, 21))),
      destination: random.pick(communityDestinations),
      kind: "community-offering",
    })
  }
  return closedOn
}

/**
 * Generates the year's treatment referrals and everything that follows them.
 * In the model's first year, referrals start on the model's start day.
 * @example
 * makeTreatment(world)
 * @category constructors
 */
export const makeTreatment = (w: World): void => {
  const random = w.random.fork("treatment")
  const offerings = w.catalogue.offerings.filter((o) => o.category === "treatment" && o.status.kind !== "discontinued")
  const therapists = w.staffOf("therapist")
  if (offerings.length === 0 || therapists.length === 0) return
  const plans = new Map(offerings.map((o) => [o.id as string, planFor(w, random, o)]))
  const ctx: Ctx = { w, random, plans, therapists }

  const modelStart = dayNumber(w.modelStart())
  const from = modelStart > w.start && modelStart <= w.end ? modelStart : w.start + 1
  const to = w.end - 25
  if (from > to) return
  const weights = offerings.map((o) => [o, weightOf(offeringWeight, o.id)] as const)
  const unitShare = Math.max(0.01, w.people.filter((p) => p.unit).length / Math.max(1, w.people.length))

  for (const p of w.people) {
    if (!p.unit || !random.chance(referredShare / unitShare)) continue
    const o = random.weighted(weights)
    const closed = runFlow(ctx, p, o, referralDay(random, from, to))
    if (closed !== undefined && random.chance(secondReferralShare)) {
      const again = workday(closed + random.int(7, 45))
      const others = weights.filter(([x]) => x.id !== o.id)
      if (again <= to) runFlow(ctx, p, random.weighted(others.length > 0 ? others : weights), again)
    }
  }
}
