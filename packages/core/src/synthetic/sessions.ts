/**
 * Shared helpers for open-ended participation in scheduled sessions: build a
 * schedule, and walk a participant through it from a start session to an end.
 *
 * @module
 */

import { fromDayNumber } from "../Calendar.js"
import type { Enrollment } from "../Enrollment.js"
import type { Offering } from "../Offering.js"
import type { Session } from "../Session.js"
import type { Day } from "./calendar.js"
import type { Random } from "./random.js"
import { type AttendanceStatus, attendanceStatus, type Person, type World } from "./world.js"

/** How an open-ended participation ends within the year. */
/** Plans an offering's sessions inside its window (`from`–`to`), each staffed by `staff()`. */
export type Schedule = (
  w: World,
  random: Random,
  o: Offering,
  from: Day,
  to: Day,
  staff: () => Array<string>,
) => Array<Session>

export type Ending =
  | { readonly kind: "ongoing" }
  /** Withdrawn after the session at this index; closes on the last attended session up to it. */
  | { readonly kind: "withdrawn"; readonly at: number }
  /** Completed at the session at this index, which the citizen attends (a grading, a last meeting). */
  | { readonly kind: "completed"; readonly at: number }

/**
 * Enrolls a person in an offering from `sessions[from]`, records attendance at
 * every session up to the ending, and returns the enrollment. The first
 * session is always attended; a withdrawn enrollment closes on the last
 * attended session, so no attendance falls after `closedOn`.
 * @example
 * participate(world, random, person, offering, sessions, 0, { kind: "ongoing" })
 * @category constructors
 */
export const participate = (
  w: World,
  random: Random,
  p: Person,
  o: Offering,
  sessions: ReadonlyArray<Session>,
  from: number,
  ending: Ending,
  extra: { readonly cohort?: string; readonly presence?: number } = {},
): Enrollment | undefined => {
  if (from < 0 || from >= sessions.length) return undefined
  const last =
    ending.kind === "ongoing" ? sessions.length - 1 : Math.min(sessions.length - 1, Math.max(from, ending.at))
  const presence = extra.presence ?? p.propensity
  const statuses: Array<AttendanceStatus> = []
  for (let i = from; i <= last; i++) {
    const forced = i === from || (ending.kind === "completed" && i === last)
    statuses.push(forced ? "present" : attendanceStatus(random, presence))
  }
  let count = statuses.length
  if (ending.kind === "withdrawn") count = statuses.lastIndexOf("present") + 1
  const closing = ending.kind === "ongoing" ? undefined : sessions[from + count - 1]
  const enrollment: Enrollment = {
    id: w.id("n"),
    citizenId: p.citizen.id,
    offeringId: o.id,
    start: sessions[from]!.date,
    ...(extra.cohort === undefined ? {} : { cohort: extra.cohort }),
    status: ending.kind,
    ...(closing === undefined ? {} : { closedOn: closing.date }),
  }
  w.records.enrollments.push(enrollment)
  for (let k = 0; k < count; k++) w.attend(sessions[from + k]!, enrollment.id, p, statuses[k]!)
  return enrollment
}

/**
 * The first index in a date-ordered session list on or after `day`, or -1.
 * @example
 * indexOnOrAfter(sessions, day)
 * @category constructors
 */
export const indexOnOrAfter = (sessions: ReadonlyArray<Session>, day: Day): number => {
  const iso = fromDayNumber(day)
  return sessions.findIndex((s) => s.date >= iso)
}
