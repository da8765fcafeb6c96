/**
 * The therapist's evaluation when a treatment ends: was the goal reached, or
 * should other measures be tried (Mestringsenhetens modell for aktivitet §Fysisk aktivitet som behandling, Saksgang 5).
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./IsoDate.js"
import { RecordId } from "./internal/checks.js"

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
  goalReached: Schema.Literals(["yes", "partly", "no"]),
  decision: Schema.Literals(["completed", "extend", "other-measures"]),
}).annotate({ identifier: "GoalEvaluation", title: "Goal evaluation (måloppnåelse)" })
/** @category models */
export type GoalEvaluation = typeof GoalEvaluation.Type
