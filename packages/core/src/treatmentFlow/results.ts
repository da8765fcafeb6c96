// What a transition or a replay returns: the next state, or why an event was refused.
import type { Bilingual } from "../internal/text.js"
import type { EventType, StateName } from "./names.js"
import type { FlowState } from "./states.js"

/**
 * Why an event was refused; stable, machine-readable codes for {@link FlowError}.
 *
 * - `terminal-state`: the flow is already closed.
 * - `goal-required`: no goal yet (or the joint meeting's goal text is empty).
 * - `episode-required`: the episode is not open in the record yet.
 * - `no-sessions-yet`: evaluation without any session in the current period.
 * - `evaluation-required`: an outcome (complete, extend, other measures) without a goal evaluation.
 * - `outcome-required`: after an evaluation, only an outcome is accepted.
 * - `extension-limit-reached`: `maxExtensions` extensions are already used.
 * - `illegal-step`: the step was already done (joint meeting, episode).
 * - `invalid-date`: the date is not an existing `YYYY-MM-DD` date.
 * - `date-before-previous-step`: the date is before the latest step's date.
 * - `goal-reached-required`: the evaluation's `goalReached` is not "yes", "partly" or "no".
 *
 * @example
 * const c: FlowErrorCode = "extension-limit-reached"
 * @category models
 */
export type FlowErrorCode =
  | "terminal-state"
  | "goal-required"
  | "episode-required"
  | "no-sessions-yet"
  | "evaluation-required"
  | "outcome-required"
  | "extension-limit-reached"
  | "illegal-step"
  | "invalid-date"
  | "date-before-previous-step"
  | "goal-reached-required"

/**
 * A refused event: which state refused which event, why (`code`), and a message in English and bokmål.
 * @example
 * const r = transition(start({ date: "2024-01-08" }, { maxExtensions: 1 }), { type: "Complete", date: "2024-01-09" })
 * if (!r.ok) r.error.code // "evaluation-required"
 * @category models
 */
export interface FlowError {
  readonly _tag: "IllegalTransition"
  readonly from: StateName
  readonly event: EventType
  readonly code: FlowErrorCode
  readonly message: Bilingual
}

/**
 * The result of {@link transition}: the next state, or the reason the event was refused.
 * @example
 * const r: TransitionResult = transition(start({ date: "2024-01-08" }, { maxExtensions: 1 }), { type: "Withdraw", date: "2024-01-10" })
 * @category models
 */
export type TransitionResult =
  | { readonly ok: true; readonly state: FlowState }
  | { readonly ok: false; readonly error: FlowError }

/**
 * The result of {@link replay}: the final state, or the first refused event with its index and the last accepted state.
 * @example
 * const r: ReplayResult = replay("2024-01-08", [])
 * @category models
 */
export type ReplayResult =
  | { readonly ok: true; readonly state: FlowState }
  | { readonly ok: false; readonly error: FlowError; readonly index: number; readonly state: FlowState }
