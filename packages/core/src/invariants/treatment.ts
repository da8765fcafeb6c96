// Invariants of activity as treatment: the flow, the period and the limits.

import type { Enrollment } from "../Enrollment.js"
import { addDays, daysBetween, isoWeek } from "../IsoDate.js"
import type { Offering } from "../Offering.js"
import type { Context } from "./context.js"
import {
  extensionsOf,
  limitChanges,
  limitMoves,
  limitsAtSession,
  limitsMoveWithSessions,
  limitsOf,
  periodEnd,
  unknownReference,
  violation,
} from "./context.js"
import type { Violation } from "./Violation.js"

const treatments = (ctx: Context): Array<[Enrollment, number, Offering]> =>
  ctx.data.enrollments.flatMap((e, i): Array<[Enrollment, number, Offering]> => {
    const o = ctx.offerings.get(e.offeringId)
    return o?.category === "treatment" ? [[e, i, o]] : []
  })

const firstSessionDate = (ctx: Context, e: Enrollment): string => {
  let first = e.start as string
  let seen = false
  for (const a of ctx.attendanceByEnrollment.get(e.id) ?? []) {
    if (!seen || a.date < first) first = a.date
    seen = true
  }
  return first
}

/** Mestringsenhetens modell for aktivitet Saksgang: referral, then a joint meeting that sets a goal, before the first session. */
export const treatmentNeedsReferralAndGoal = (ctx: Context): Array<Violation> =>
  treatments(ctx).flatMap(([e, i, o]): Array<Violation> => {
    const referral = e.referralId === undefined ? undefined : ctx.referrals.get(e.referralId)
    if (e.referralId !== undefined && referral === undefined) {
      return [unknownReference(`enrollments[${i}].referralId`, e.id, "referral", "henvendelse", e.referralId)]
    }
    if (referral === undefined || referral.citizenId !== e.citizenId || referral.offeringId !== e.offeringId) {
      return [
        violation("treatment-referral-missing", `enrollments[${i}].referralId`, e.id, {
          en: `${o.name.en} is treatment: the enrollment needs a referral from the therapist for this citizen and offering`,
          nb: `${o.name.nb} er behandling: deltagelsen krever en henvendelse fra behandler for denne innbyggeren og dette tilbudet`,
        }),
      ]
    }
    const meetings = ctx.meetingsByReferral.get(referral.id) ?? []
    if (meetings.length === 0) {
      return [
        violation("treatment-goal-missing", `enrollments[${i}].referralId`, e.id, {
          en: `${o.name.en} is treatment: a joint meeting must set a goal before the first session`,
          nb: `${o.name.nb} er behandling: et felles møte må sette et mål før første samling`,
        }),
      ]
    }
    const first = firstSessionDate(ctx, e)
    // ISO dates order as text, so the smallest is the earliest.
    const earliest = meetings.map((m): string => m.date).sort()[0]!
    return earliest <= first
      ? []
      : [
          violation("treatment-goal-after-first-session", `enrollments[${i}]`, e.id, {
            en: `The goal was set ${earliest}, after the first session ${first}`,
            nb: `Målet ble satt ${earliest}, etter første samling ${first}`,
          }),
        ]
  })

/** Mestringsenhetens modell for aktivitet: attendance falls inside the enrollment's period, including any extension. */
export const attendanceWithinPeriod = (ctx: Context): Array<Violation> => {
  const out: Array<Violation> = []
  ctx.data.attendance.forEach((a, i) => {
    const e = ctx.enrollments.get(a.enrollmentId)
    if (e === undefined) return
    const end = periodEnd(ctx, e)
    if (a.date < e.start || (end !== undefined && a.date > end)) {
      out.push(
        violation("attendance-outside-period", `attendance[${i}].date`, a.id, {
          en: `Attendance on ${a.date} is outside the enrollment period ${e.start} – ${end ?? "open"}`,
          nb: `Oppmøte ${a.date} er utenfor deltagelsesperioden ${e.start} – ${end ?? "åpen"}`,
        }),
      )
    }
  })
  return out
}

/** Mestringsenhetens modell for aktivitet: at most one extension period (the number comes from the offering's limits). */
export const extensionsWithinLimit = (ctx: Context): Array<Violation> =>
  ctx.data.enrollments.flatMap((e, i) => {
    const o = ctx.offerings.get(e.offeringId)
    const extensions = extensionsOf(ctx, e)
    const max = (o === undefined ? undefined : limitsOf(ctx, o, e).extensions) ?? 0
    const out: Array<Violation> = []
    if (o !== undefined && extensions.length > max) {
      out.push(
        violation("too-many-extensions", `enrollments[${i}]`, e.id, {
          en: `${o.name.en} may be extended at most ${max} time(s); this enrollment has ${extensions.length} extensions`,
          nb: `${o.name.nb} kan forlenges maksimalt ${max} gang(er); denne deltagelsen har ${extensions.length} forlengelser`,
        }),
      )
    }
    // Each extension adds a period after the previous one ends.
    let previous = e.end
    for (const x of extensions) {
      if (previous === undefined || x.newEnd <= previous) {
        out.push(
          violation("extension-does-not-extend", `enrollments[${i}]`, e.id, {
            en: `The extension to ${x.newEnd} does not end after the period it extends (${previous ?? "no end"})`,
            nb: `Forlengelsen til ${x.newEnd} slutter ikke etter perioden den forlenger (${previous ?? "ingen slutt"})`,
          }),
        )
      }
      previous = x.newEnd
    }
    return out
  })

const tooMany = (o: Offering, e: Enrollment, i: number, sessions: number, n: number, periods: number): Violation =>
  violation("session-limit-exceeded", `enrollments[${i}]`, e.id, {
    en: `${o.name.en} has ${sessions} sessions per period; this enrollment has ${n} over ${periods} period(s)`,
    nb: `${o.name.nb} har ${sessions} samlinger per periode; denne deltagelsen har ${n} over ${periods} periode(r)`,
  })

const tooManyInWeek = (o: Offering, e: Enrollment, i: number, most: number, week: string, n: number): Violation =>
  violation("weekly-session-limit-exceeded", `enrollments[${i}]`, e.id, {
    en: `${o.name.en} allows at most ${most} sessions per week; week ${week} has ${n}`,
    nb: `${o.name.nb} tillater inntil ${most} økter per uke; uke ${week} har ${n}`,
  })

// Limits that may change within an enrollment: in date order, each session is
// held to the limits in force on its date, counting the sessions booked by
// then. One violation of each kind per enrollment and week at most.
const limitsSessionBySession = (
  ctx: Context,
  o: Offering,
  e: Enrollment,
  i: number,
  booked: ReadonlyArray<{ readonly date: string }>,
  periods: number,
): Array<Violation> => {
  const out: Array<Violation> = []
  const inOrder = [...booked].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const perWeek = new Map<string, number>()
  const weeksOver = new Set<string>()
  let over = false
  inOrder.forEach((a, k) => {
    const { sessions, sessionsPerWeek } = limitsAtSession(ctx, o, e, a.date)
    if (!over && sessions !== undefined && k + 1 > sessions * periods) {
      over = true
      out.push(tooMany(o, e, i, sessions, k + 1, periods))
    }
    const week = isoWeek(a.date)
    const n = (perWeek.get(week) ?? 0) + 1
    perWeek.set(week, n)
    if (sessionsPerWeek !== undefined && n > sessionsPerWeek && !weeksOver.has(week)) {
      weeksOver.add(week)
      out.push(tooManyInWeek(o, e, i, sessionsPerWeek, week, n))
    }
  })
  return out
}

/**
 * Mestringsenhetens modell for aktivitet: each offering's limits — Mudo 4 weeks with at most 2 sessions per
 * ISO week; yoga, the creative group and padel 4 sessions — per period.
 */
export const sessionLimitsHold = (ctx: Context): Array<Violation> =>
  treatments(ctx).flatMap(([e, i, o]): Array<Violation> => {
    const out: Array<Violation> = []
    const periods = 1 + (ctx.extensionsByEnrollment.get(e.id)?.length ?? 0)
    // Every booked session counts toward the limit, attended or not: "Gruppen har 4 samlinger".
    const booked = ctx.attendanceByEnrollment.get(e.id) ?? []
    const { sessions, sessionsPerWeek, weeks } = limitsOf(ctx, o, e)
    if (limitsMoveWithSessions(ctx, o)) {
      out.push(...limitsSessionBySession(ctx, o, e, i, booked, periods))
    } else {
      if (sessions !== undefined && booked.length > sessions * periods)
        out.push(tooMany(o, e, i, sessions, booked.length, periods))
      if (sessionsPerWeek !== undefined) {
        const perWeek = new Map<string, number>()
        for (const a of booked) perWeek.set(isoWeek(a.date), (perWeek.get(isoWeek(a.date)) ?? 0) + 1)
        for (const [week, n] of perWeek)
          if (n > sessionsPerWeek) out.push(tooManyInWeek(o, e, i, sessionsPerWeek, week, n))
      }
    }
    const bounds = [
      e.start as string,
      ...(e.end === undefined ? [] : [e.end as string]),
      ...extensionsOf(ctx, e).map((x) => x.newEnd as string),
    ]
    for (let k = 1; k < bounds.length; k++) {
      // The first period counts its first day; later periods start the day after the previous end.
      const from = k === 1 ? bounds[0]! : addDays(bounds[k - 1]!, 1)
      const to = bounds[k]!
      const weeksOver = weeksBroken(ctx, o, e, weeks, from, to)
      if (weeksOver !== undefined) {
        const days = daysBetween(from, to) + 1
        out.push(
          violation("period-longer-than-limit", `enrollments[${i}]`, e.id, {
            en: `${o.name.en} lasts ${weeksOver} weeks per period; period ${k} runs ${days} days`,
            nb: `${o.name.nb} varer ${weeksOver} uker per periode; periode ${k} varer ${days} dager`,
          }),
        )
      }
    }
    return out
  })

// The weeks limit a period from `from` to `to` runs past, or undefined. A
// limit dated by the enrollment's start (`atStart`) holds the whole period.
// One dated by the day judged holds each day, as the rules ask the period's
// week against the limit on the day asked: the period's week only grows, so
// the days to check are the last one before each change of the limit, and the
// period's last day.
const weeksBroken = (
  ctx: Context,
  o: Offering,
  e: Enrollment,
  atStart: number | undefined,
  from: string,
  to: string,
): number | undefined => {
  if (!limitMoves(ctx, o, "weeks")) return atStart !== undefined && beyond(from, to, atStart) ? atStart : undefined
  const days = [
    ...limitChanges(ctx, o, "weeks")
      .filter((c) => c > from && c <= to)
      .map((c) => addDays(c, -1)),
    to,
  ]
  for (const day of days) {
    const weeks = limitsAtSession(ctx, o, e, day).weeks
    if (weeks !== undefined && beyond(from, day, weeks)) return weeks
  }
  return undefined
}

// Whether on `day` a period from `from` is past `weeks`, as the rule
// duration/week-limit asks it: its week (counted from 1) above the limit,
// and only a limit above 0 limits anything.
const beyond = (from: string, day: string, weeks: number): boolean =>
  weeks > 0 && Math.floor(daysBetween(from, day) / 7) + 1 > weeks

/** Mestringsenhetens modell for aktivitet Saksgang 5: a treatment is completed only after the therapist's goal evaluation. */
export const completionNeedsGoalEvaluation = (ctx: Context): Array<Violation> =>
  treatments(ctx).flatMap(([e, i, o]) => {
    if (e.status !== "completed") return []
    const closing = (ctx.evaluationsByEnrollment.get(e.id) ?? []).some((g) => g.decision !== "extend")
    return closing
      ? []
      : [
          violation("completed-without-goal-evaluation", `enrollments[${i}].status`, e.id, {
            en: `${o.name.en} is marked completed without the therapist's goal evaluation`,
            nb: `${o.name.nb} er markert som gjennomført uten behandlers evaluering av målet`,
          }),
        ]
  })
