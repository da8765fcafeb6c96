// Indexes a dataset once so that every invariant looks records up in O(1).
// Lookups return undefined for dangling references instead of throwing:
// invariants must survive bad data.

import { groupBy } from "../Collections.js"
import type { Dataset } from "../Dataset.js"
import type { Enrollment } from "../Enrollment.js"
import type { Extension } from "../Extension.js"
import type { GoalEvaluation } from "../GoalEvaluation.js"
import type { Bilingual } from "../internal/text.js"
import type { JointMeeting } from "../JointMeeting.js"
import type { Offering } from "../Offering.js"
import * as Policy from "../Policy.js"
import * as Redact from "../Redact.js"
import type { Attendance } from "../Session.js"
import { seedFacts } from "./seeds.js"
import type { Violation, ViolationCode } from "./Violation.js"

export interface Context {
  readonly data: Dataset
  readonly policy: Policy.Policy
  readonly offerings: ReadonlyMap<string, Offering>
  readonly citizens: ReadonlyMap<string, Dataset["citizens"][number]>
  readonly referrals: ReadonlyMap<string, Dataset["referrals"][number]>
  readonly enrollments: ReadonlyMap<string, Enrollment>
  readonly meetingsByReferral: ReadonlyMap<string, ReadonlyArray<JointMeeting>>
  readonly extensionsByEnrollment: ReadonlyMap<string, ReadonlyArray<Extension>>
  readonly evaluationsByEnrollment: ReadonlyMap<string, ReadonlyArray<GoalEvaluation>>
  readonly attendanceByEnrollment: ReadonlyMap<string, ReadonlyArray<Attendance>>
  /** The ids more than one record of an entity uses, when the caller has found them already. */
  readonly duplicates?: ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<number>>>
}

export const makeContext = (data: Dataset, policy: Policy.Policy): Context => ({
  data,
  policy,
  offerings: new Map(data.offerings.map((o) => [o.id, o])),
  citizens: new Map(data.citizens.map((c) => [c.id, c])),
  referrals: new Map(data.referrals.map((r) => [r.id, r])),
  enrollments: new Map(data.enrollments.map((e) => [e.id, e])),
  meetingsByReferral: groupBy(data.jointMeetings, (m) => m.referralId),
  extensionsByEnrollment: groupBy(data.extensions, (x) => x.enrollmentId),
  evaluationsByEnrollment: groupBy(data.goalEvaluations, (g) => g.enrollmentId),
  attendanceByEnrollment: groupBy(data.attendance, (a) => a.enrollmentId),
})

/** The limits that governed an enrollment, each chosen by its parameter's own dating rule. */
export const limitsOf = (ctx: Context, o: Offering, e: Enrollment): Policy.Limits =>
  Policy.limits(ctx.policy, o, { question: e.start, enrollmentStart: e.start })

/**
 * Whether an offering's session limits (per period or per week) may change
 * within an enrollment: a parameter dated by the session's date or the
 * question's. Then each session is held to the limits in force on its own
 * date, as the rules decide at each session.
 */
export const limitsMoveWithSessions = (ctx: Context, o: Offering): boolean =>
  limitMoves(ctx, o, "sessions") || limitMoves(ctx, o, "sessionsPerWeek")

/** Whether one limit of an offering is dated by the day judged (a session's or the question's), not the enrollment's start. */
export const limitMoves = (ctx: Context, o: Offering, key: "sessions" | "sessionsPerWeek" | "weeks"): boolean => {
  const datedBy = ctx.policy.parameters.get(Policy.limitName(o.id, key))?.datedBy
  return datedBy !== undefined && datedBy !== "enrollment-start"
}

/** The days a limit of an offering takes a new value, in order. */
export const limitChanges = (ctx: Context, o: Offering, key: "sessions" | "sessionsPerWeek" | "weeks"): Array<string> =>
  (ctx.policy.parameters.get(Policy.limitName(o.id, key))?.values ?? []).map((v) => v.from)

/** The limits a session of an enrollment is held to: those in force on the session's date. */
export const limitsAtSession = (ctx: Context, o: Offering, e: Enrollment, date: string): Policy.Limits =>
  Policy.limits(ctx.policy, o, { question: date, enrollmentStart: e.start, session: date })

/**
 * A number of the policy for a record dated `date`. A record from before the
 * parameter's first value (a year that begins before the model's start) is
 * held to that first value.
 */
export const numberFor = (ctx: Context, name: string, date: string): number => {
  const first = ctx.policy.parameters.get(name)?.values[0]?.from
  return Policy.requireNumber(ctx.policy, name, { question: first !== undefined && date < first ? first : date })
}

/** The last day of the dataset's year: the question's date for checks that have no record date. */
export const yearEnd = (ctx: Context): string => `${ctx.data.year}-12-31`

/** An enrollment's extensions in the order they were decided. */
export const extensionsOf = (ctx: Context, e: Enrollment): ReadonlyArray<Extension> =>
  [...(ctx.extensionsByEnrollment.get(e.id) ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

/** The last day of an enrollment's period, including its latest extension. */
export const periodEnd = (ctx: Context, e: Enrollment): string | undefined => {
  let end: string | undefined = e.end
  for (const x of ctx.extensionsByEnrollment.get(e.id) ?? []) if (end === undefined || x.newEnd > end) end = x.newEnd
  if (e.closedOn !== undefined && (end === undefined || e.closedOn < end)) end = e.closedOn
  return end
}

export const violation = (
  code: ViolationCode,
  path: string,
  recordId: string | undefined,
  message: Bilingual,
): Violation => ({
  code,
  path: Redact.text(path),
  ...(recordId === undefined ? {} : { recordId: Redact.text(recordId) }),
  message: { en: Redact.text(message.en), nb: Redact.text(message.nb) },
  seed: seedFacts[code],
})

export const unknownReference = (path: string, recordId: string, what: string, hvaNb: string, ref: string): Violation =>
  violation("unknown-reference", path, recordId, {
    en: `Refers to ${what} "${ref}", which is not in the data`,
    nb: `Viser til ${hvaNb} «${ref}», som ikke finnes i dataene`,
  })
