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
import type { Bilingual } from "./internal/text.js"
import * as Redact from "./Redact.js"

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

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
export const GOAL_REACHED = ["yes", "partly", "no"] as const

/**
 * Whether the goal was reached at an evaluation: fully, partly or not.
 * @example
 * const r: GoalReached = "partly"
 * @category models
 */
export type GoalReached = (typeof GOAL_REACHED)[number]

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Errors and results
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

const stateLabel: Readonly<Record<StateName, Bilingual>> = {
  referred: { nb: "henvist", en: "referred" },
  "goal-set": { nb: "mål satt", en: "goal set" },
  "episode-open": { nb: "episode åpnet", en: "episode open" },
  "in-sessions": { nb: "i gang med økter", en: "in sessions" },
  evaluated: { nb: "evaluert", en: "evaluated" },
  extended: { nb: "forlenget", en: "extended" },
  completed: { nb: "fullført", en: "completed" },
  "other-measures": { nb: "andre tiltak", en: "other measures" },
  withdrawn: { nb: "trukket", en: "withdrawn" },
}

/** The latest step of a non-terminal state, for date messages. */
const stepLabel: Readonly<Record<ActiveState["state"], Bilingual>> = {
  referred: { nb: "henvisning", en: "referral" },
  "goal-set": { nb: "fellesmøte", en: "joint meeting" },
  "episode-open": { nb: "episode åpnet", en: "episode opened" },
  "in-sessions": { nb: "økt", en: "session" },
  evaluated: { nb: "målevaluering", en: "goal evaluation" },
  extended: { nb: "forlengelse", en: "extension" },
}

const eventLabel: Readonly<Record<EventType, Bilingual>> = {
  HoldJointMeeting: { nb: "holde fellesmøtet", en: "hold the joint meeting" },
  OpenEpisode: { nb: "åpne episoden", en: "open the episode" },
  AttendSession: { nb: "registrere en økt", en: "register a session" },
  EvaluateGoal: { nb: "evaluere målet", en: "evaluate the goal" },
  Complete: { nb: "fullføre behandlingen", en: "complete the treatment" },
  Extend: { nb: "forlenge behandlingen", en: "extend the treatment" },
  TryOtherMeasures: { nb: "gå videre til andre tiltak", en: "move on to other measures" },
  Withdraw: { nb: "trekke saken", en: "withdraw the case" },
}

const times = (n: number): string => `${n} ${n === 1 ? "time" : "times"}`
const ganger = (n: number): string => `${n} ${n === 1 ? "gang" : "ganger"}`

interface Rejection {
  readonly ok: false
  readonly code: FlowErrorCode
  readonly message: Bilingual
}

// Messages may quote what the caller passed; one redaction keeps identity numbers out.
const reject = (code: FlowErrorCode, en: string, nb: string): Rejection => ({
  ok: false,
  code,
  message: { nb: Redact.text(nb), en: Redact.text(en) },
})

const terminal = (state: TerminalState, type: EventType): Rejection =>
  reject(
    "terminal-state",
    `The treatment flow is closed (${stateLabel[state.state].en} on ${state.context.closedDate}); it is not possible to ${eventLabel[type].en}.`,
    `Behandlingsforløpet er avsluttet (${stateLabel[state.state].nb} ${state.context.closedDate}); det er ikke mulig å ${eventLabel[type].nb}.`,
  )

const goalRequired = (type: EventType): Rejection =>
  reject(
    "goal-required",
    `A specific goal must be set in a joint meeting with the citizen and the therapist before it is possible to ${eventLabel[type].en}.`,
    `Et konkret mål må settes i et fellesmøte med innbygger og behandler før det er mulig å ${eventLabel[type].nb}.`,
  )

const emptyGoal: Rejection = reject(
  "goal-required",
  "The joint meeting must set a specific goal for the activity; the goal text is empty.",
  "Fellesmøtet må sette et konkret mål for aktiviteten; målteksten er tom.",
)

const episodeRequired = (type: EventType): Rejection =>
  reject(
    "episode-required",
    `The therapist must open an episode for the activity in the record before it is possible to ${eventLabel[type].en}.`,
    `Behandler må åpne en episode for aktiviteten i journalen før det er mulig å ${eventLabel[type].nb}.`,
  )

const noSessionsYet = (state: EpisodeOpen | Extended): Rejection =>
  state.state === "extended"
    ? reject(
        "no-sessions-yet",
        "The goal cannot be evaluated before at least one session has been attended in the extended period.",
        "Målet kan ikke evalueres før minst én økt er gjennomført i forlengelsesperioden.",
      )
    : reject(
        "no-sessions-yet",
        "The goal cannot be evaluated before at least one session has been attended.",
        "Målet kan ikke evalueres før minst én økt er gjennomført.",
      )

const evaluationRequired = (state: Exclude<ActiveState, Evaluated>, type: EventType): Rejection =>
  state.context.extensionsUsed > 0
    ? reject(
        "evaluation-required",
        `The goal must be evaluated again after the extended period before it is possible to ${eventLabel[type].en} (status: ${stateLabel[state.state].en}).`,
        `Målet må evalueres på nytt etter forlengelsesperioden før det er mulig å ${eventLabel[type].nb} (status: ${stateLabel[state.state].nb}).`,
      )
    : reject(
        "evaluation-required",
        `The goal must be evaluated before it is possible to ${eventLabel[type].en} (status: ${stateLabel[state.state].en}).`,
        `Målet må evalueres før det er mulig å ${eventLabel[type].nb} (status: ${stateLabel[state.state].nb}).`,
      )

const outcomeRequired = (state: Evaluated, type: EventType): Rejection => {
  const date = state.context.evaluationDates.at(-1) ?? state.context.lastDate
  return reject(
    "outcome-required",
    `The goal was evaluated on ${date} and an outcome must be chosen next (complete, extend or other measures); it is not possible to ${eventLabel[type].en} now.`,
    `Målet ble evaluert ${date}, og neste steg er å velge utfall (fullføre, forlenge eller andre tiltak); det er ikke mulig å ${eventLabel[type].nb} nå.`,
  )
}

const extensionLimit = (state: Evaluated): Rejection => {
  const { maxExtensions: max, extensionsUsed: used } = state.context
  return reject(
    "extension-limit-reached",
    `A treatment can be extended at most ${times(max)}; this one has already been extended ${times(used)}.`,
    `En behandling kan forlenges maksimalt ${ganger(max)}; denne er allerede forlenget ${ganger(used)}.`,
  )
}

const alreadyHeld = (state: Exclude<ActiveState, Referred>, type: EventType): Rejection =>
  reject(
    "illegal-step",
    `It is not possible to ${eventLabel[type].en} now (status: ${stateLabel[state.state].en}); the joint meeting was already held on ${state.context.jointMeetingDate}.`,
    `Det er ikke mulig å ${eventLabel[type].nb} nå (status: ${stateLabel[state.state].nb}); fellesmøtet ble allerede holdt ${state.context.jointMeetingDate}.`,
  )

const alreadyOpened = (state: Exclude<ActiveState, Referred | GoalSet>, type: EventType): Rejection =>
  reject(
    "illegal-step",
    `It is not possible to ${eventLabel[type].en} now (status: ${stateLabel[state.state].en}); the episode was already opened on ${state.context.episodeOpenedDate}.`,
    `Det er ikke mulig å ${eventLabel[type].nb} nå (status: ${stateLabel[state.state].nb}); episoden ble allerede åpnet ${state.context.episodeOpenedDate}.`,
  )

const invalidDate = (date: unknown): Rejection =>
  reject(
    "invalid-date",
    `The date "${String(date)}" is not an existing calendar date in the form YYYY-MM-DD.`,
    `Datoen «${String(date)}» er ikke en gyldig kalenderdato på formen ÅÅÅÅ-MM-DD.`,
  )

const dateBackwards = (state: ActiveState, type: EventType, date: string): Rejection =>
  reject(
    "date-before-previous-step",
    `Cannot ${eventLabel[type].en} on ${date}: the previous step (${stepLabel[state.state].en}) is dated ${state.context.lastDate}, and dates must not go backwards.`,
    `Kan ikke ${eventLabel[type].nb} ${date}: forrige steg (${stepLabel[state.state].nb}) er datert ${state.context.lastDate}, og datoer kan ikke gå bakover.`,
  )

const goalReachedRequired = (value: unknown): Rejection =>
  reject(
    "goal-reached-required",
    `The evaluation must state whether the goal was reached: "yes", "partly" or "no" (got "${String(value)}").`,
    `Evalueringen må angi om målet ble nådd: "yes" (ja), "partly" (delvis) eller "no" (nei) (fikk "${String(value)}").`,
  )

// ---------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------

type Step = Rejection | { readonly ok: true; readonly state: FlowState }

const accept = (state: FlowState): Step => ({ ok: true, state })

/** Checks the event date against the state, then builds the next state. */
const dated = (state: ActiveState, event: FlowEvent, build: (date: string) => Step): Step => {
  const date: unknown = event.date
  if (!isIsoDate(date)) return invalidDate(date)
  if (date < state.context.lastDate) return dateBackwards(state, event.type, date)
  return build(date)
}

const isGoalReached = (u: unknown): u is GoalReached => GOAL_REACHED.some((g) => g === u)

const holdJointMeeting = (state: ActiveState, event: HoldJointMeeting): Step => {
  if (state.state !== "referred") return alreadyHeld(state, event.type)
  return dated(state, event, (date) => {
    const raw: unknown = event.goal
    const goal = typeof raw === "string" ? raw.trim() : ""
    if (goal.length === 0) return emptyGoal
    return accept({ state: "goal-set", context: { ...state.context, goal, jointMeetingDate: date, lastDate: date } })
  })
}

const openEpisode = (state: ActiveState, event: OpenEpisode): Step => {
  if (state.state === "referred") return goalRequired(event.type)
  if (state.state !== "goal-set") return alreadyOpened(state, event.type)
  return dated(state, event, (date) =>
    accept({
      state: "episode-open",
      context: { ...state.context, episodeOpenedDate: date, sessionsInPeriod: 0, lastDate: date },
    }),
  )
}

const attendSession = (state: ActiveState, event: AttendSession): Step => {
  switch (state.state) {
    case "referred":
      return goalRequired(event.type)
    case "goal-set":
      return episodeRequired(event.type)
    case "evaluated":
      return outcomeRequired(state, event.type)
    case "episode-open":
    case "in-sessions":
    case "extended": {
      const ctx: EpisodeContext = state.context
      return dated(state, event, (date) =>
        accept({
          state: "in-sessions",
          context: {
            ...ctx,
            sessionDates: [...ctx.sessionDates, date],
            sessionsInPeriod: ctx.sessionsInPeriod + 1,
            sessionsTotal: ctx.sessionsTotal + 1,
            lastDate: date,
          },
        }),
      )
    }
  }
}

const evaluateGoal = (state: ActiveState, event: EvaluateGoal): Step => {
  switch (state.state) {
    case "referred":
      return goalRequired(event.type)
    case "goal-set":
      return episodeRequired(event.type)
    case "episode-open":
    case "extended":
      return noSessionsYet(state)
    case "evaluated":
      return outcomeRequired(state, event.type)
    case "in-sessions": {
      const ctx = state.context
      return dated(state, event, (date) => {
        const goalReached: unknown = event.goalReached
        if (!isGoalReached(goalReached)) return goalReachedRequired(goalReached)
        return accept({
          state: "evaluated",
          context: { ...ctx, goalReached, evaluationDates: [...ctx.evaluationDates, date], lastDate: date },
        })
      })
    }
  }
}

const chooseOutcome = (state: ActiveState, event: Complete | Extend | TryOtherMeasures): Step => {
  if (state.state !== "evaluated") return evaluationRequired(state, event.type)
  const ctx = state.context
  if (event.type === "Extend") {
    if (ctx.extensionsUsed >= ctx.maxExtensions) return extensionLimit(state)
    return dated(state, event, (date) =>
      accept({
        state: "extended",
        context: {
          ...ctx,
          extensionsUsed: ctx.extensionsUsed + 1,
          extensionDates: [...ctx.extensionDates, date],
          sessionsInPeriod: 0,
          lastDate: date,
        },
      }),
    )
  }
  const outcome = event.type === "Complete" ? "completed" : "other-measures"
  return dated(state, event, (date) =>
    accept({ state: outcome, context: { ...ctx, closedDate: date, lastDate: date } }),
  )
}

const withdraw = (state: ActiveState, event: Withdraw): Step => {
  if (state.state === "evaluated") return outcomeRequired(state, event.type)
  const from = state.state
  const ctx: FlowContext = state.context
  return dated(state, event, (date) =>
    accept({ state: "withdrawn", withdrawnFrom: from, context: { ...ctx, closedDate: date, lastDate: date } }),
  )
}

/** The whole transition table; see the module comment for the order of the checks. */
const step = (state: FlowState, event: FlowEvent): Step => {
  if (isTerminal(state)) return terminal(state, event.type)
  switch (event.type) {
    case "HoldJointMeeting":
      return holdJointMeeting(state, event)
    case "OpenEpisode":
      return openEpisode(state, event)
    case "AttendSession":
      return attendSession(state, event)
    case "EvaluateGoal":
      return evaluateGoal(state, event)
    case "Complete":
    case "Extend":
    case "TryOtherMeasures":
      return chooseOutcome(state, event)
    case "Withdraw":
      return withdraw(state, event)
    default: {
      // Only reachable from untyped callers; keeps `transition` total.
      const unknownType: unknown = (event satisfies never as { readonly type?: unknown }).type
      return reject(
        "illegal-step",
        `"${String(unknownType)}" is not an event of the treatment flow.`,
        `«${String(unknownType)}» er ikke en hendelse i behandlingsforløpet.`,
      )
    }
  }
}

// ---------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------

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
