/**
 * The treatment flow for "activity as treatment" as an explicit, pure state
 * machine.
 *
 * Source: Mestringsenhetens modell for aktivitet §"Fysisk aktivitet som behandling" (Saksgang):
 *
 * 1. The therapist sends a referral to the activity lead (`start`).
 * 2. An activity-team member joins a joint meeting with the citizen and the
 *    therapist, and a specific goal for the activity is set (`HoldJointMeeting`).
 * 3. The therapist opens an episode for the activity in the record (`OpenEpisode`).
 * 4. Sessions take place; the therapist follows up progress toward the goal
 *    (`AttendSession`).
 * 5. When the period ends, the therapist evaluates whether the goal was reached
 *    (`EvaluateGoal`).
 * 6. The outcome is chosen: completed (`Complete`), extended by at most
 *    `maxExtensions` more periods (`Extend`; the policy's
 *    `treatment.max-extensions`, given to `start`; sessions and a new
 *    evaluation follow), or other measures (`TryOtherMeasures`). The citizen
 *    may drop out before an evaluation (`Withdraw`).
 *
 * ```text
 * referred ─HoldJointMeeting→ goal-set ─OpenEpisode→ episode-open ─AttendSession→ in-sessions
 * in-sessions ─AttendSession→ in-sessions ─EvaluateGoal→ evaluated
 * evaluated ─Complete→ completed | ─TryOtherMeasures→ other-measures | ─Extend→ extended
 * extended ─AttendSession→ in-sessions
 * any state before an evaluation ─Withdraw→ withdrawn
 * ```
 *
 * Every function here is total and pure: `transition` and `replay` never
 * throw; they return a typed {@link FlowError} with English and Norwegian
 * bokmål messages. Only `start` throws, and only for a malformed referral date
 * or `maxExtensions` (programming errors, not case events).
 *
 * Checks run in a fixed order, so the reported error is predictable:
 * terminal state → the step's place in the flow (including the extension
 * limit) → the event date (format, then not before the previous step) → the
 * event's content (goal text, goal reached).
 *
 * @module
 */
import { CoreError } from "./CoreError.js"
import { isIsoDate } from "./IsoDate.js"
import { guard } from "./internal/guard.js"
import * as Redact from "./Redact.js"
import type { FlowEvent } from "./treatmentFlow/events.js"
import { step } from "./treatmentFlow/machine.js"
import { invalidDate } from "./treatmentFlow/messages.js"
import { EVENT_TYPES, type EventType } from "./treatmentFlow/names.js"
import type { ReplayResult, TransitionResult } from "./treatmentFlow/results.js"
import type { FlowState } from "./treatmentFlow/states.js"

// The model of the flow, one concept a module: names, events, states, results.
export * from "./treatmentFlow/events.js"
export * from "./treatmentFlow/names.js"
export * from "./treatmentFlow/results.js"
export * from "./treatmentFlow/states.js"

/**
 * Starts a flow from the therapist's referral to the activity lead; use it to get the first state.
 * `maxExtensions` is the policy's number of extension periods for the
 * offering: `Policy.limits(policy, offering, when).extensions`.
 *
 * Throws a `RangeError` if the referral date is not an existing `YYYY-MM-DD`
 * date or `maxExtensions` is not a non-negative integer.
 *
 * @example
 * const s = start({ date: "2024-01-08" }, { maxExtensions: Policy.limits(policy, offering, { question: "2024-01-08" }).extensions ?? 0 })
 * s.state // "referred"
 * @category constructors
 */
export const start = guard(
  "TreatmentFlow.start",
  { en: "a referral with a date (YYYY-MM-DD)", nb: "en henvisning med dato (ÅÅÅÅ-MM-DD)" },
  (referral: { readonly date: string }, options: { readonly maxExtensions: number }): FlowState => {
    const date: unknown = referral.date
    if (!isIsoDate(date)) throw new CoreError("invalid-argument", invalidDate(date).message)
    const maxExtensions: unknown = options?.maxExtensions
    if (typeof maxExtensions !== "number" || !Number.isSafeInteger(maxExtensions) || maxExtensions < 0) {
      throw new CoreError("invalid-argument", {
        en: `maxExtensions must be a non-negative integer (got ${Redact.show(maxExtensions, 20)}).`,
        nb: `maxExtensions må være et heltall som ikke er negativt (fikk ${Redact.show(maxExtensions, 20)}).`,
      })
    }
    return {
      state: "referred",
      context: {
        maxExtensions: maxExtensions as number,
        referralDate: date,
        sessionDates: [],
        sessionsInPeriod: 0,
        sessionsTotal: 0,
        evaluationDates: [],
        extensionDates: [],
        extensionsUsed: 0,
        lastDate: date,
      },
    }
  },
)

/**
 * Applies one event to a state; use it whenever a step of the case happens. Never throws.
 * @example
 * const r = transition(start({ date: "2024-01-08" }, { maxExtensions: 1 }), { type: "HoldJointMeeting", date: "2024-01-15", goal: "Walk 30 minutes" })
 * r.ok && r.state.state // "goal-set"
 * @category transitions
 */
export const transition = guard(
  "TreatmentFlow.transition",
  { en: "a flow state and an event", nb: "en forløpstilstand og en hendelse" },
  (state: FlowState, event: FlowEvent): TransitionResult => {
    const result = step(state, event)
    if (result.ok) return result
    return {
      ok: false,
      error: {
        _tag: "IllegalTransition",
        from: state.state,
        event: event.type,
        code: result.code,
        message: result.message,
      },
    }
  },
)

/**
 * Folds events over a fresh flow; use it to rebuild a case from its stored history. Stops at the first refused event.
 *
 * Throws only as {@link start} does (malformed referral date or options).
 *
 * @example
 * const r = replay("2024-01-08", [{ type: "Withdraw", date: "2024-01-09" }], { maxExtensions: 1 })
 * r.ok && r.state.state // "withdrawn"
 * @category transitions
 */
export const replay = guard(
  "TreatmentFlow.replay",
  { en: "a referral date and a list of events", nb: "en henvisningsdato og en liste med hendelser" },
  (
    referralDate: string,
    events: ReadonlyArray<FlowEvent>,
    options: { readonly maxExtensions: number },
  ): ReplayResult => {
    let state = start({ date: referralDate }, options)
    for (let index = 0; index < events.length; index++) {
      const event = events[index]
      if (event === undefined) continue
      const result = transition(state, event)
      if (!result.ok) return { ok: false, error: result.error, index, state }
      state = result.state
    }
    return { ok: true, state }
  },
)

const probe = (type: EventType, date: string): FlowEvent => {
  switch (type) {
    case "HoldJointMeeting":
      return { type, date, goal: "probe" }
    case "EvaluateGoal":
      return { type, date, goalReached: "yes" }
    default:
      return { type, date }
  }
}

/**
 * The event types the state accepts (given a valid date not before the latest step); use it to offer next actions.
 * @example
 * allowedEvents(start({ date: "2024-01-08" }, { maxExtensions: 1 })) // ["HoldJointMeeting", "Withdraw"]
 * @category predicates
 */
export const allowedEvents = guard(
  "TreatmentFlow.allowedEvents",
  { en: "a flow state", nb: "en forløpstilstand" },
  (state: FlowState): ReadonlyArray<EventType> =>
    EVENT_TYPES.filter((type) => step(state, probe(type, state.context.lastDate)).ok),
)
