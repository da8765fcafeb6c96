// The names of the flow's states and events, and the answers of a goal
// evaluation: the lists a UI or a test enumerates.
import { goalReachedCodes } from "../GoalEvaluation.js"

/**
 * Every state of the treatment flow, in flow order; use it to enumerate or validate state names.
 * @example
 * STATE_NAMES.includes("evaluated") // true
 * @category models
 */
export const STATE_NAMES = [
  "referred",
  "goal-set",
  "episode-open",
  "in-sessions",
  "evaluated",
  "extended",
  "completed",
  "other-measures",
  "withdrawn",
] as const

/**
 * The name of a treatment-flow state, the discriminant `state` of {@link FlowState}.
 * @example
 * const s: StateName = "in-sessions"
 * @category models
 */
export type StateName = (typeof STATE_NAMES)[number]

/**
 * The states that end a flow; no event is accepted from them.
 * @example
 * TERMINAL_STATES // ["completed", "other-measures", "withdrawn"]
 * @category models
 */
export const TERMINAL_STATES = ["completed", "other-measures", "withdrawn"] as const

/**
 * The name of a terminal state.
 * @example
 * const t: TerminalStateName = "completed"
 * @category models
 */
export type TerminalStateName = (typeof TERMINAL_STATES)[number]

/**
 * Every event type, in flow order; use it to enumerate events (e.g. in a UI or a test).
 * @example
 * EVENT_TYPES[0] // "HoldJointMeeting"
 * @category models
 */
export const EVENT_TYPES = [
  "HoldJointMeeting",
  "OpenEpisode",
  "AttendSession",
  "EvaluateGoal",
  "Complete",
  "Extend",
  "TryOtherMeasures",
  "Withdraw",
] as const

/**
 * The name of an event, the discriminant `type` of {@link FlowEvent}.
 * @example
 * const e: EventType = "Extend"
 * @category models
 */
export type EventType = (typeof EVENT_TYPES)[number]

/**
 * The possible answers of a goal evaluation.
 * @example
 * GOAL_REACHED // ["yes", "partly", "no"]
 * @category models
 */
export const GOAL_REACHED = goalReachedCodes

/**
 * Whether the goal was reached at an evaluation: fully, partly or not.
 * @example
 * const r: GoalReached = "partly"
 * @category models
 */
export type GoalReached = (typeof GOAL_REACHED)[number]
