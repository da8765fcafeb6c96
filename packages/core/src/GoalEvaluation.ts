/**
 * The therapist's evaluation when a treatment ends: was the goal reached, or
 * should other measures be tried (Mestringsenhetens modell for aktivitet §Fysisk aktivitet som behandling, Saksgang 5).
 *
 * @module
 */
import * as Schema from "effect/Schema"
import * as Codes from "./Codes.js"
import { IsoDate } from "./IsoDate.js"
import { RecordId } from "./internal/checks.js"

/**
 * The answers to "was the goal reached?": `Codes.goalReached`
 * (`TreatmentFlow.GOAL_REACHED` is this list too).
 * @example
 * GoalEvaluation.goalReachedCodes // ["yes", "partly", "no"]
 * @category models
 */
export const goalReachedCodes: typeof Codes.goalReached = Codes.goalReached
/** @category models */
export type GoalReached = (typeof goalReachedCodes)[number]

/**
 * What the therapist decides after evaluating the goal: `Codes.goalDecision`.
 * @example
 * GoalEvaluation.decisionCodes // ["completed", "extend", "other-measures"]
 * @category models
 */
export const decisionCodes: typeof Codes.goalDecision = Codes.goalDecision
/** @category models */
export type Decision = (typeof decisionCodes)[number]

/**
 * A goal evaluation and the decision it led to: `completed` (moves on),
 * `extend` (one more period), or `other-measures`.
 * @example
 * Schema.decodeUnknownSync(GoalEvaluation.GoalEvaluation)({ id: "g-1", enrollmentId: "n-1", therapistId: "s-2", date: "2024-02-28", goalReached: "partly", decision: "extend" })
 * @category schemas
 */
export const GoalEvaluation = Schema.Struct({
  id: RecordId,
  enrollmentId: RecordId,
  therapistId: RecordId,
  date: IsoDate,
  goalReached: Schema.Literals(goalReachedCodes),
  decision: Schema.Literals(decisionCodes),
}).annotate({ identifier: "GoalEvaluation", title: "Goal evaluation (måloppnåelse)" })
/** @category models */
export type GoalEvaluation = typeof GoalEvaluation.Type
