// The events of the treatment flow, one per step of the Saksgang.
import type { GoalReached } from "./names.js"

/**
 * The joint meeting (citizen, therapist, activity-team member) where a specific goal is set.
 * @example
 * const e: HoldJointMeeting = { type: "HoldJointMeeting", date: "2024-01-15", goal: "Walk 30 minutes twice a week" }
 * @category models
 */
export interface HoldJointMeeting {
  readonly type: "HoldJointMeeting"
  readonly date: string
  readonly goal: string
}

/**
 * The therapist opens an episode for the activity in the record.
 * @example
 * const e: OpenEpisode = { type: "OpenEpisode", date: "2024-01-16" }
 * @category models
 */
export interface OpenEpisode {
  readonly type: "OpenEpisode"
  readonly date: string
}

/**
 * The citizen attended one activity session.
 * @example
 * const e: AttendSession = { type: "AttendSession", date: "2024-01-22" }
 * @category models
 */
export interface AttendSession {
  readonly type: "AttendSession"
  readonly date: string
}

/**
 * The therapist evaluates, at the end of a period, whether the goal was reached.
 * @example
 * const e: EvaluateGoal = { type: "EvaluateGoal", date: "2024-03-18", goalReached: "partly" }
 * @category models
 */
export interface EvaluateGoal {
  readonly type: "EvaluateGoal"
  readonly date: string
  readonly goalReached: GoalReached
}

/**
 * Outcome after an evaluation: the treatment is completed; the citizen moves on and is told about similar local offerings.
 * @example
 * const e: Complete = { type: "Complete", date: "2024-03-18" }
 * @category models
 */
export interface Complete {
  readonly type: "Complete"
  readonly date: string
}

/**
 * Outcome after an evaluation: the treatment gets one more period (only while extensions remain).
 * @example
 * const e: Extend = { type: "Extend", date: "2024-03-18" }
 * @category models
 */
export interface Extend {
  readonly type: "Extend"
  readonly date: string
}

/**
 * Outcome after an evaluation: other measures should be tried instead.
 * @example
 * const e: TryOtherMeasures = { type: "TryOtherMeasures", date: "2024-03-18" }
 * @category models
 */
export interface TryOtherMeasures {
  readonly type: "TryOtherMeasures"
  readonly date: string
}

/**
 * The case is withdrawn (the citizen drops out) before a goal evaluation.
 * @example
 * const e: Withdraw = { type: "Withdraw", date: "2024-02-01" }
 * @category models
 */
export interface Withdraw {
  readonly type: "Withdraw"
  readonly date: string
}

/**
 * Any event of the treatment flow, discriminated on `type`; pass it to {@link transition}.
 * @example
 * const events: ReadonlyArray<FlowEvent> = [{ type: "OpenEpisode", date: "2024-01-16" }]
 * @category models
 */
export type FlowEvent =
  | HoldJointMeeting
  | OpenEpisode
  | AttendSession
  | EvaluateGoal
  | Complete
  | Extend
  | TryOtherMeasures
  | Withdraw
