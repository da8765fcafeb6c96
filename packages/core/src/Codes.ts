/**
 * The model's code lists, each written once and free of schemas, so that a
 * lean browser bundle (the rules' `decide` entry) can check codes without
 * loading Effect. The schemas (`GoalEvaluation`, …) are built from these.
 *
 * @module
 */

/**
 * The answers to "was the goal reached?".
 * @example
 * Codes.goalReached // ["yes", "partly", "no"]
 * @category models
 */
export const goalReached = ["yes", "partly", "no"] as const

/**
 * What the therapist decides after evaluating the goal.
 * @example
 * Codes.goalDecision // ["completed", "extend", "other-measures"]
 * @category models
 */
export const goalDecision = ["completed", "extend", "other-measures"] as const
