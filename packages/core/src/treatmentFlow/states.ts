// The states of the treatment flow and what each has recorded.
import type { GoalReached } from "./names.js"

/**
 * What the flow has recorded so far; the fields present depend on the state (see the state types).
 *
 * All dates are ISO `YYYY-MM-DD` strings. `sessionsInPeriod` counts sessions
 * since the episode was opened or last extended; `sessionsTotal` counts all.
 * `goalReached` is the answer of the latest evaluation.
 *
 * @example
 * start({ date: "2024-01-08" }, { maxExtensions: 1 }).context.sessionsTotal // 0
 * @category models
 */
export interface FlowContext {
  /** How many extensions this flow allows (the `maxExtensions` option of {@link start}). */
  readonly maxExtensions: number
  readonly referralDate: string
  readonly jointMeetingDate?: string
  readonly goal?: string
  readonly episodeOpenedDate?: string
  /** The date of every attended session, in order. */
  readonly sessionDates: ReadonlyArray<string>
  readonly sessionsInPeriod: number
  readonly sessionsTotal: number
  /** The date of every goal evaluation, in order. */
  readonly evaluationDates: ReadonlyArray<string>
  /** The date of every extension, in order. */
  readonly extensionDates: ReadonlyArray<string>
  readonly extensionsUsed: number
  readonly goalReached?: GoalReached
  /** The date the flow ended (terminal states only). */
  readonly closedDate?: string
  /** The date of the latest step; the next event must not be dated before it. */
  readonly lastDate: string
}

/**
 * The context once a goal has been set in the joint meeting.
 * @example
 * const goalOf = (s: GoalSet): string => s.context.goal
 * @category models
 */
export interface GoalContext extends FlowContext {
  readonly goal: string
  readonly jointMeetingDate: string
}

/**
 * The context once the episode has been opened in the record.
 * @example
 * const openedOn = (s: InSessions): string => s.context.episodeOpenedDate
 * @category models
 */
export interface EpisodeContext extends GoalContext {
  readonly episodeOpenedDate: string
}

/**
 * The context once the goal has been evaluated at least once.
 * @example
 * const answer = (s: Evaluated): GoalReached => s.context.goalReached
 * @category models
 */
export interface EvaluatedContext extends EpisodeContext {
  readonly goalReached: GoalReached
}

/**
 * The referral has been received by the activity lead; nothing else has happened.
 * @example
 * start({ date: "2024-01-08" }, { maxExtensions: 1 }).state // "referred"
 * @category models
 */
export interface Referred {
  readonly state: "referred"
  readonly context: FlowContext
}

/**
 * The joint meeting has set a goal; the episode is not yet open.
 * @example
 * const s: GoalSet["state"] = "goal-set"
 * @category models
 */
export interface GoalSet {
  readonly state: "goal-set"
  readonly context: GoalContext
}

/**
 * The episode is open in the record; no session has been attended yet.
 * @example
 * const s: EpisodeOpen["state"] = "episode-open"
 * @category models
 */
export interface EpisodeOpen {
  readonly state: "episode-open"
  readonly context: EpisodeContext
}

/**
 * At least one session has been attended in the current period; the goal can be evaluated.
 * @example
 * const s: InSessions["state"] = "in-sessions"
 * @category models
 */
export interface InSessions {
  readonly state: "in-sessions"
  readonly context: EpisodeContext
}

/**
 * The goal has been evaluated; the therapist must now choose the outcome.
 * @example
 * const s: Evaluated["state"] = "evaluated"
 * @category models
 */
export interface Evaluated {
  readonly state: "evaluated"
  readonly context: EvaluatedContext
}

/**
 * The treatment got one more period; sessions resume and must be evaluated again.
 * @example
 * const s: Extended["state"] = "extended"
 * @category models
 */
export interface Extended {
  readonly state: "extended"
  readonly context: EvaluatedContext
}

/**
 * Terminal: the treatment is completed after an evaluation.
 * @example
 * const s: Completed["state"] = "completed"
 * @category models
 */
export interface Completed {
  readonly state: "completed"
  readonly context: EvaluatedContext & { readonly closedDate: string }
}

/**
 * Terminal: after an evaluation, other measures are to be tried.
 * @example
 * const s: OtherMeasures["state"] = "other-measures"
 * @category models
 */
export interface OtherMeasures {
  readonly state: "other-measures"
  readonly context: EvaluatedContext & { readonly closedDate: string }
}

/**
 * The states a case can be withdrawn from: every non-terminal state except `"evaluated"` (an outcome is due there).
 * @example
 * const s: WithdrawableStateName = "in-sessions"
 * @category models
 */
export type WithdrawableStateName = "referred" | "goal-set" | "episode-open" | "in-sessions" | "extended"

/**
 * Terminal: the citizen dropped out before an evaluation; `withdrawnFrom` tells where.
 * @example
 * const s: Withdrawn["state"] = "withdrawn"
 * @category models
 */
export interface Withdrawn {
  readonly state: "withdrawn"
  readonly withdrawnFrom: WithdrawableStateName
  readonly context: FlowContext & { readonly closedDate: string }
}

/**
 * A state of the treatment flow, discriminated on `state`; create one with {@link start}.
 * @example
 * const s: FlowState = start({ date: "2024-01-08" }, { maxExtensions: 1 })
 * @category models
 */
export type FlowState =
  | Referred
  | GoalSet
  | EpisodeOpen
  | InSessions
  | Evaluated
  | Extended
  | Completed
  | OtherMeasures
  | Withdrawn

/**
 * A state that ends the flow.
 * @example
 * const done = (s: TerminalState) => s.context.closedDate
 * @category models
 */
export type TerminalState = Completed | OtherMeasures | Withdrawn

/**
 * A state from which events may still be accepted.
 * @example
 * const open = (s: ActiveState) => s.context.lastDate
 * @category models
 */
export type ActiveState = Exclude<FlowState, TerminalState>

/**
 * True when the flow has ended (completed, other measures or withdrawn); no event is accepted then.
 * @example
 * isTerminal(start({ date: "2024-01-08" }, { maxExtensions: 1 })) // false
 * @category predicates
 */
export const isTerminal = (state: FlowState): state is TerminalState => {
  try {
    const s: unknown = (state as { readonly state?: unknown } | null | undefined)?.state
    return s === "completed" || s === "other-measures" || s === "withdrawn"
  } catch {
    // A predicate answers; a value that cannot be read is not a terminal state.
    return false
  }
}
