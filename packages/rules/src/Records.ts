/**
 * A question posed from the records themselves: the citizen, the referral,
 * the joint meetings, the enrollment with its attendance, extensions and goal
 * evaluations, and the date. The library derives the facts a decision needs:
 * sessions used in the current period, sessions this ISO week, the period's
 * start, extensions used, whether an extension is asked for, no-shows in a
 * row, whether the goal was reached. Only records dated on or before the
 * question's date count.
 *
 * What the records do not say stays unknown, never guessed: without the
 * joint meetings, whether one was held is left open, and `Decision.decide`
 * answers `unknown` with the missing fact named.
 *
 * @module
 */
import type {
  Citizen,
  Enrollment,
  Extension,
  GoalEvaluation,
  JointMeeting,
  Referral,
  Session,
} from "@aktivitetsmodell/core"
import { guard, requireDate, requireObject } from "./internal/boundary.js"
import { byDate, citizenOf, periodsOf, enrollmentOn as stateOn } from "./internal/derive.js"
import { type Input, make, type Subject } from "./Subject.js"

/**
 * The records of one question. Every list may hold other records too: only
 * those about this enrollment (or this referral) and dated on or before the
 * question's date are read. Leave a list out when it is not known; an empty
 * list says there are none.
 * @category models
 */
export interface Records {
  readonly citizen?: Citizen.Citizen
  /** The offering asked about; defaults to the enrollment's or the referral's. */
  readonly offering?: string
  readonly referral?: Referral.Referral
  readonly jointMeetings?: ReadonlyArray<JointMeeting.JointMeeting>
  readonly enrollment?: Enrollment.Enrollment
  readonly attendance?: ReadonlyArray<Session.Attendance>
  readonly extensions?: ReadonlyArray<Extension.Extension>
  readonly goalEvaluations?: ReadonlyArray<GoalEvaluation.GoalEvaluation>
}

// The enrollment's facts on `date`: its current period, what happened in it, and what happened before.
const enrollmentOn = (r: Records, e: Enrollment.Enrollment, date: string): NonNullable<Input["enrollment"]> => {
  const mine = <T extends { readonly enrollmentId: string; readonly date: string }>(xs: ReadonlyArray<T> | undefined) =>
    byDate((xs ?? []).filter((x) => x.enrollmentId === e.id && x.date <= date))
  const extensions = mine(r.extensions)
  const evaluations = mine(r.goalEvaluations)
  const periods = periodsOf(e, extensions)
  // The current period: the last one that has started by the date.
  let k = 0
  for (let i = 0; i < periods.length; i++) if (periods[i]!.start !== undefined && periods[i]!.start! <= date) k = i
  const state = stateOn(e, mine(r.attendance), periods, k, date)
  const last = evaluations[evaluations.length - 1]
  return {
    ...state,
    // Asked for when an extension of this period is recorded, or this period's evaluation decided to extend.
    ...(r.goalEvaluations === undefined && r.extensions === undefined
      ? {}
      : {
          extensionRequested:
            k + 1 < periods.length || evaluations.some((g) => g.date >= state.periodStart && g.decision === "extend"),
        }),
    ...(last === undefined ? {} : { goalReached: last.goalReached }),
  }
}

/**
 * The subject of a question about `records` on `date`, as `Decision.decide`
 * takes it. Throws a `SubjectError` (from `Subject.make`) when the records
 * give a subject that is not valid, such as an offering not in the catalogue.
 * @example
 * const subject = Records.subject({ citizen, referral, jointMeetings, enrollment, attendance, extensions, goalEvaluations }, "2024-07-15")
 * Decision.decide(tree, subject, "2024-07-15").summary.duration
 * @category constructors
 */
export const subject = guard(
  "Records.subject",
  {
    en: "(records: { citizen?, referral?, jointMeetings?, enrollment?, attendance?, extensions?, goalEvaluations? }, date: YYYY-MM-DD)",
    nb: "(records: { citizen?, referral?, jointMeetings?, enrollment?, attendance?, extensions?, goalEvaluations? }, date: ÅÅÅÅ-MM-DD)",
  },
  (records: Records, date: string): Subject => {
    requireObject("Records.subject", "records", records)
    requireDate("Records.subject", "date", date)
    const e = records.enrollment !== undefined && records.enrollment.start <= date ? records.enrollment : undefined
    const referral = records.referral !== undefined && records.referral.date <= date ? records.referral : undefined
    const offering = records.offering ?? records.enrollment?.offeringId ?? records.referral?.offeringId
    const held =
      records.jointMeetings === undefined || referral === undefined
        ? undefined
        : records.jointMeetings.some((m) => m.referralId === referral.id && m.date <= date)
    const input: Input = {
      ...(records.citizen === undefined ? {} : { citizen: citizenOf(records.citizen) }),
      ...(offering === undefined ? {} : { offering }),
      ...(records.referral === undefined ? {} : { referral: referral !== undefined }),
      ...(held === undefined ? {} : { jointMeetingHeld: held }),
      ...(e === undefined ? {} : { enrollment: enrollmentOn(records, e, date) }),
    }
    return make(input)
  },
)
