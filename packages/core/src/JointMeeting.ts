/**
 * The joint meeting (felles møte) of citizen, therapist and an activity-team
 * member, where a specific goal for the activity is set with FIT's "stool"
 * (Mestringsenhetens modell for aktivitet §Fysisk aktivitet som behandling, Saksgang 2).
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./IsoDate.js"
import { NonEmptyText, RecordId } from "./internal/checks.js"
import { Pseudonym } from "./Pseudonym.js"

/**
 * A specific goal for the activity, in the citizen's words, and how progress
 * will be noticed.
 * @category schemas
 */
export const Goal = Schema.Struct({
  text: NonEmptyText,
  measure: Schema.optionalKey(NonEmptyText),
}).annotate({ identifier: "Goal", title: "Goal (mål)" })
/** @category models */
export type Goal = typeof Goal.Type

/**
 * A joint meeting for a referral, with the goal it set.
 * @example
 * Schema.decodeUnknownSync(JointMeeting.JointMeeting)({ id: "m-1", referralId: "r-1", citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", therapistId: "s-2", teamMemberId: "s-9", date: "2024-01-15", goal: { text: "Gå en tur to ganger i uka" } })
 * @category schemas
 */
export const JointMeeting = Schema.Struct({
  id: RecordId,
  referralId: RecordId,
  citizenId: Pseudonym,
  therapistId: RecordId,
  teamMemberId: RecordId,
  date: IsoDate,
  goal: Goal,
}).annotate({ identifier: "JointMeeting", title: "Joint meeting (felles møte)" })
/** @category models */
export type JointMeeting = typeof JointMeeting.Type
