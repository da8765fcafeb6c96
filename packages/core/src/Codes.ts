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

/**
 * The kinds of an offering's status: running, moved to a new operator, or
 * ended and handing its participants over.
 * @example
 * Codes.offeringStatus // ["active", "transferred", "discontinued"]
 * @category models
 */
export const offeringStatus = ["active", "transferred", "discontinued"] as const

/**
 * Where an escalated offering proposal stands. A proposal's own decision is
 * one of the first two; an escalation may still be pending.
 * @example
 * Codes.proposalOutcome // ["approved", "declined", "pending"]
 * @category models
 */
export const proposalOutcome = ["approved", "declined", "pending"] as const
