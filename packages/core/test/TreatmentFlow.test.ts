/**
 * Tests for the treatment flow, Mestringsenhetens modell for aktivitet §"Fysisk aktivitet som behandling" (Saksgang).
 *
 * Example tests pin every legal and illegal step with its exact English and
 * bokmål message; model-based tests (fc.commands + fc.modelRun) try random
 * event sequences, legal and illegal, against a small independent model.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CoreError } from "../src/CoreError.js"
import {
  allowedEvents,
  EVENT_TYPES,
  type EventType,
  type FlowErrorCode,
  type FlowEvent,
  type FlowState,
  GOAL_REACHED,
  type GoalReached,
  isTerminal,
  replay,
  STATE_NAMES,
  type StateName,
  start,
  TERMINAL_STATES,
  transition,
} from "../src/TreatmentFlow.js"

// ---------------------------------------------------------------------------
// Fixtures: one canonical case, and a way to reach each state
// ---------------------------------------------------------------------------

const REFERRAL = "2024-01-08"
/** One extension period, as the fixture policy (treatment.max-extensions) gives. */
const ONE = { maxExtensions: 1 } as const
const GOAL = "Gå en tur på 30 minutter to ganger i uka"

const ev = {
  meeting: { type: "HoldJointMeeting", date: "2024-01-15", goal: GOAL },
  open: { type: "OpenEpisode", date: "2024-01-16" },
  session: { type: "AttendSession", date: "2024-01-22" },
  evaluate: { type: "EvaluateGoal", date: "2024-03-18", goalReached: "partly" },
  extend: { type: "Extend", date: "2024-03-19" },
  complete: { type: "Complete", date: "2024-03-20" },
  other: { type: "TryOtherMeasures", date: "2024-03-20" },
  withdraw: { type: "Withdraw", date: "2024-02-01" },
} as const satisfies Record<string, FlowEvent>

const pathTo: Readonly<Record<StateName, ReadonlyArray<FlowEvent>>> = {
  referred: [],
  "goal-set": [ev.meeting],
  "episode-open": [ev.meeting, ev.open],
  "in-sessions": [ev.meeting, ev.open, ev.session],
  evaluated: [ev.meeting, ev.open, ev.session, ev.evaluate],
  extended: [ev.meeting, ev.open, ev.session, ev.evaluate, ev.extend],
  completed: [ev.meeting, ev.open, ev.session, ev.evaluate, ev.complete],
  "other-measures": [ev.meeting, ev.open, ev.session, ev.evaluate, ev.other],
  withdrawn: [ev.meeting, ev.open, ev.session, ev.withdraw],
}

/** Folds events with `transition`, failing the test on the first refusal. */
const run = (events: ReadonlyArray<FlowEvent>, options: { maxExtensions: number } = ONE): FlowState => {
  let state = start({ date: REFERRAL }, options)
  for (const e of events) {
    const r = transition(state, e)
    if (!r.ok) throw new Error(`fixture refused ${e.type}: ${r.error.message.en}`)
    state = r.state
  }
  return state
}

const at = (name: StateName, options: { maxExtensions: number } = ONE): FlowState => run(pathTo[name], options)

/** An event of the given type, late enough for every fixture state. */
const anEvent = (type: EventType, date = "2024-04-01"): FlowEvent => {
  switch (type) {
    case "HoldJointMeeting":
      return { type, date, goal: "Nytt mål" }
    case "EvaluateGoal":
      return { type, date, goalReached: "yes" }
    default:
      return { type, date }
  }
}

const refused = (state: FlowState, event: FlowEvent) => {
  const r = transition(state, event)
  if (r.ok) throw new Error(`expected ${event.type} to be refused from ${state.state}`)
  return r.error
}

const accepted = (state: FlowState, event: FlowEvent): FlowState => {
  const r = transition(state, event)
  if (!r.ok) throw new Error(`expected ${event.type} to be accepted from ${state.state}: ${r.error.message.en}`)
  return r.state
}

const addDays = (date: string, n: number): string => {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
  return new Date(ms + n * 86_400_000).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------------------
// The full transition table
// ---------------------------------------------------------------------------

type Expected = { readonly next: StateName } | { readonly code: FlowErrorCode }

const T = (code: FlowErrorCode): Expected => ({ code })
const N = (next: StateName): Expected => ({ next })
const terminalRow: Readonly<Record<EventType, Expected>> = {
  HoldJointMeeting: T("terminal-state"),
  OpenEpisode: T("terminal-state"),
  AttendSession: T("terminal-state"),
  EvaluateGoal: T("terminal-state"),
  Complete: T("terminal-state"),
  Extend: T("terminal-state"),
  TryOtherMeasures: T("terminal-state"),
  Withdraw: T("terminal-state"),
}

/** Every (state, event) pair, written out independently of the implementation. */
const table: Readonly<Record<StateName, Readonly<Record<EventType, Expected>>>> = {
  referred: {
    HoldJointMeeting: N("goal-set"),
    OpenEpisode: T("goal-required"),
    AttendSession: T("goal-required"),
    EvaluateGoal: T("goal-required"),
    Complete: T("evaluation-required"),
    Extend: T("evaluation-required"),
    TryOtherMeasures: T("evaluation-required"),
    Withdraw: N("withdrawn"),
  },
  "goal-set": {
    HoldJointMeeting: T("illegal-step"),
    OpenEpisode: N("episode-open"),
    AttendSession: T("episode-required"),
    EvaluateGoal: T("episode-required"),
    Complete: T("evaluation-required"),
    Extend: T("evaluation-required"),
    TryOtherMeasures: T("evaluation-required"),
    Withdraw: N("withdrawn"),
  },
  "episode-open": {
    HoldJointMeeting: T("illegal-step"),
    OpenEpisode: T("illegal-step"),
    AttendSession: N("in-sessions"),
    EvaluateGoal: T("no-sessions-yet"),
    Complete: T("evaluation-required"),
    Extend: T("evaluation-required"),
    TryOtherMeasures: T("evaluation-required"),
    Withdraw: N("withdrawn"),
  },
  "in-sessions": {
    HoldJointMeeting: T("illegal-step"),
    OpenEpisode: T("illegal-step"),
    AttendSession: N("in-sessions"),
    EvaluateGoal: N("evaluated"),
    Complete: T("evaluation-required"),
    Extend: T("evaluation-required"),
    TryOtherMeasures: T("evaluation-required"),
    Withdraw: N("withdrawn"),
  },
  evaluated: {
    HoldJointMeeting: T("illegal-step"),
    OpenEpisode: T("illegal-step"),
    AttendSession: T("outcome-required"),
    EvaluateGoal: T("outcome-required"),
    Complete: N("completed"),
    Extend: N("extended"),
    TryOtherMeasures: N("other-measures"),
    Withdraw: T("outcome-required"),
  },
  extended: {
    HoldJointMeeting: T("illegal-step"),
    OpenEpisode: T("illegal-step"),
    AttendSession: N("in-sessions"),
    EvaluateGoal: T("no-sessions-yet"),
    Complete: T("evaluation-required"),
    Extend: T("evaluation-required"),
    TryOtherMeasures: T("evaluation-required"),
    Withdraw: N("withdrawn"),
  },
  completed: terminalRow,
  "other-measures": terminalRow,
  withdrawn: terminalRow,
}

describe("transition table", () => {
  const cases = STATE_NAMES.flatMap((s) => EVENT_TYPES.map((e) => [s, e, table[s][e]] as const))

  it.each(cases)("%s + %s", (from, type, expected) => {
    const r = transition(at(from), anEvent(type))
    if ("next" in expected) {
      expect(r.ok).toBe(true)
      if (r.ok) expect(r.state.state).toBe(expected.next)
    } else {
      expect(r).toMatchObject({
        ok: false,
        error: { _tag: "IllegalTransition", from, event: type, code: expected.code },
      })
    }
  })

  it.each(STATE_NAMES)("allowedEvents(%s) lists exactly the accepted events", (name) => {
    const expected = EVENT_TYPES.filter((e) => "next" in table[name][e])
    expect(allowedEvents(at(name))).toEqual(expected)
  })
})

// ---------------------------------------------------------------------------
// Exact messages for every illegal step
// ---------------------------------------------------------------------------

const illegal: ReadonlyArray<readonly [StateName, EventType, FlowErrorCode, string, string]> = [
  [
    "referred",
    "OpenEpisode",
    "goal-required",
    "A specific goal must be set in a joint meeting with the citizen and the therapist before it is possible to open the episode.",
    "Et konkret mål må settes i et fellesmøte med innbygger og behandler før det er mulig å åpne episoden.",
  ],
  [
    "referred",
    "AttendSession",
    "goal-required",
    "A specific goal must be set in a joint meeting with the citizen and the therapist before it is possible to register a session.",
    "Et konkret mål må settes i et fellesmøte med innbygger og behandler før det er mulig å registrere en økt.",
  ],
  [
    "referred",
    "EvaluateGoal",
    "goal-required",
    "A specific goal must be set in a joint meeting with the citizen and the therapist before it is possible to evaluate the goal.",
    "Et konkret mål må settes i et fellesmøte med innbygger og behandler før det er mulig å evaluere målet.",
  ],
  [
    "referred",
    "Complete",
    "evaluation-required",
    "The goal must be evaluated before it is possible to complete the treatment (status: referred).",
    "Målet må evalueres før det er mulig å fullføre behandlingen (status: henvist).",
  ],
  [
    "referred",
    "Extend",
    "evaluation-required",
    "The goal must be evaluated before it is possible to extend the treatment (status: referred).",
    "Målet må evalueres før det er mulig å forlenge behandlingen (status: henvist).",
  ],
  [
    "referred",
    "TryOtherMeasures",
    "evaluation-required",
    "The goal must be evaluated before it is possible to move on to other measures (status: referred).",
    "Målet må evalueres før det er mulig å gå videre til andre tiltak (status: henvist).",
  ],
  [
    "goal-set",
    "HoldJointMeeting",
    "illegal-step",
    "It is not possible to hold the joint meeting now (status: goal set); the joint meeting was already held on 2024-01-15.",
    "Det er ikke mulig å holde fellesmøtet nå (status: mål satt); fellesmøtet ble allerede holdt 2024-01-15.",
  ],
  [
    "goal-set",
    "AttendSession",
    "episode-required",
    "The therapist must open an episode for the activity in the record before it is possible to register a session.",
    "Behandler må åpne en episode for aktiviteten i journalen før det er mulig å registrere en økt.",
  ],
  [
    "goal-set",
    "EvaluateGoal",
    "episode-required",
    "The therapist must open an episode for the activity in the record before it is possible to evaluate the goal.",
    "Behandler må åpne en episode for aktiviteten i journalen før det er mulig å evaluere målet.",
  ],
  [
    "goal-set",
    "Complete",
    "evaluation-required",
    "The goal must be evaluated before it is possible to complete the treatment (status: goal set).",
    "Målet må evalueres før det er mulig å fullføre behandlingen (status: mål satt).",
  ],
  [
    "goal-set",
    "Extend",
    "evaluation-required",
    "The goal must be evaluated before it is possible to extend the treatment (status: goal set).",
    "Målet må evalueres før det er mulig å forlenge behandlingen (status: mål satt).",
  ],
  [
    "goal-set",
    "TryOtherMeasures",
    "evaluation-required",
    "The goal must be evaluated before it is possible to move on to other measures (status: goal set).",
    "Målet må evalueres før det er mulig å gå videre til andre tiltak (status: mål satt).",
  ],
  [
    "episode-open",
    "HoldJointMeeting",
    "illegal-step",
    "It is not possible to hold the joint meeting now (status: episode open); the joint meeting was already held on 2024-01-15.",
    "Det er ikke mulig å holde fellesmøtet nå (status: episode åpnet); fellesmøtet ble allerede holdt 2024-01-15.",
  ],
  [
    "episode-open",
    "OpenEpisode",
    "illegal-step",
    "It is not possible to open the episode now (status: episode open); the episode was already opened on 2024-01-16.",
    "Det er ikke mulig å åpne episoden nå (status: episode åpnet); episoden ble allerede åpnet 2024-01-16.",
  ],
  [
    "episode-open",
    "EvaluateGoal",
    "no-sessions-yet",
    "The goal cannot be evaluated before at least one session has been attended.",
    "Målet kan ikke evalueres før minst én økt er gjennomført.",
  ],
  [
    "episode-open",
    "Complete",
    "evaluation-required",
    "The goal must be evaluated before it is possible to complete the treatment (status: episode open).",
    "Målet må evalueres før det er mulig å fullføre behandlingen (status: episode åpnet).",
  ],
  [
    "episode-open",
    "Extend",
    "evaluation-required",
    "The goal must be evaluated before it is possible to extend the treatment (status: episode open).",
    "Målet må evalueres før det er mulig å forlenge behandlingen (status: episode åpnet).",
  ],
  [
    "episode-open",
    "TryOtherMeasures",
    "evaluation-required",
    "The goal must be evaluated before it is possible to move on to other measures (status: episode open).",
    "Målet må evalueres før det er mulig å gå videre til andre tiltak (status: episode åpnet).",
  ],
  [
    "in-sessions",
    "HoldJointMeeting",
    "illegal-step",
    "It is not possible to hold the joint meeting now (status: in sessions); the joint meeting was already held on 2024-01-15.",
    "Det er ikke mulig å holde fellesmøtet nå (status: i gang med økter); fellesmøtet ble allerede holdt 2024-01-15.",
  ],
  [
    "in-sessions",
    "OpenEpisode",
    "illegal-step",
    "It is not possible to open the episode now (status: in sessions); the episode was already opened on 2024-01-16.",
    "Det er ikke mulig å åpne episoden nå (status: i gang med økter); episoden ble allerede åpnet 2024-01-16.",
  ],
  [
    "in-sessions",
    "Complete",
    "evaluation-required",
    "The goal must be evaluated before it is possible to complete the treatment (status: in sessions).",
    "Målet må evalueres før det er mulig å fullføre behandlingen (status: i gang med økter).",
  ],
  [
    "in-sessions",
    "Extend",
    "evaluation-required",
    "The goal must be evaluated before it is possible to extend the treatment (status: in sessions).",
    "Målet må evalueres før det er mulig å forlenge behandlingen (status: i gang med økter).",
  ],
  [
    "in-sessions",
    "TryOtherMeasures",
    "evaluation-required",
    "The goal must be evaluated before it is possible to move on to other measures (status: in sessions).",
    "Målet må evalueres før det er mulig å gå videre til andre tiltak (status: i gang med økter).",
  ],
  [
    "evaluated",
    "HoldJointMeeting",
    "illegal-step",
    "It is not possible to hold the joint meeting now (status: evaluated); the joint meeting was already held on 2024-01-15.",
    "Det er ikke mulig å holde fellesmøtet nå (status: evaluert); fellesmøtet ble allerede holdt 2024-01-15.",
  ],
  [
    "evaluated",
    "OpenEpisode",
    "illegal-step",
    "It is not possible to open the episode now (status: evaluated); the episode was already opened on 2024-01-16.",
    "Det er ikke mulig å åpne episoden nå (status: evaluert); episoden ble allerede åpnet 2024-01-16.",
  ],
  [
    "evaluated",
    "AttendSession",
    "outcome-required",
    "The goal was evaluated on 2024-03-18 and an outcome must be chosen next (complete, extend or other measures); it is not possible to register a session now.",
    "Målet ble evaluert 2024-03-18, og neste steg er å velge utfall (fullføre, forlenge eller andre tiltak); det er ikke mulig å registrere en økt nå.",
  ],
  [
    "evaluated",
    "EvaluateGoal",
    "outcome-required",
    "The goal was evaluated on 2024-03-18 and an outcome must be chosen next (complete, extend or other measures); it is not possible to evaluate the goal now.",
    "Målet ble evaluert 2024-03-18, og neste steg er å velge utfall (fullføre, forlenge eller andre tiltak); det er ikke mulig å evaluere målet nå.",
  ],
  [
    "evaluated",
    "Withdraw",
    "outcome-required",
    "The goal was evaluated on 2024-03-18 and an outcome must be chosen next (complete, extend or other measures); it is not possible to withdraw the case now.",
    "Målet ble evaluert 2024-03-18, og neste steg er å velge utfall (fullføre, forlenge eller andre tiltak); det er ikke mulig å trekke saken nå.",
  ],
  [
    "extended",
    "HoldJointMeeting",
    "illegal-step",
    "It is not possible to hold the joint meeting now (status: extended); the joint meeting was already held on 2024-01-15.",
    "Det er ikke mulig å holde fellesmøtet nå (status: forlenget); fellesmøtet ble allerede holdt 2024-01-15.",
  ],
  [
    "extended",
    "OpenEpisode",
    "illegal-step",
    "It is not possible to open the episode now (status: extended); the episode was already opened on 2024-01-16.",
    "Det er ikke mulig å åpne episoden nå (status: forlenget); episoden ble allerede åpnet 2024-01-16.",
  ],
  [
    "extended",
    "EvaluateGoal",
    "no-sessions-yet",
    "The goal cannot be evaluated before at least one session has been attended in the extended period.",
    "Målet kan ikke evalueres før minst én økt er gjennomført i forlengelsesperioden.",
  ],
  [
    "extended",
    "Complete",
    "evaluation-required",
    "The goal must be evaluated again after the extended period before it is possible to complete the treatment (status: extended).",
    "Målet må evalueres på nytt etter forlengelsesperioden før det er mulig å fullføre behandlingen (status: forlenget).",
  ],
  [
    "extended",
    "Extend",
    "evaluation-required",
    "The goal must be evaluated again after the extended period before it is possible to extend the treatment (status: extended).",
    "Målet må evalueres på nytt etter forlengelsesperioden før det er mulig å forlenge behandlingen (status: forlenget).",
  ],
  [
    "extended",
    "TryOtherMeasures",
    "evaluation-required",
    "The goal must be evaluated again after the extended period before it is possible to move on to other measures (status: extended).",
    "Målet må evalueres på nytt etter forlengelsesperioden før det er mulig å gå videre til andre tiltak (status: forlenget).",
  ],
  [
    "completed",
    "HoldJointMeeting",
    "terminal-state",
    "The treatment flow is closed (completed on 2024-03-20); it is not possible to hold the joint meeting.",
    "Behandlingsforløpet er avsluttet (fullført 2024-03-20); det er ikke mulig å holde fellesmøtet.",
  ],
  [
    "completed",
    "OpenEpisode",
    "terminal-state",
    "The treatment flow is closed (completed on 2024-03-20); it is not possible to open the episode.",
    "Behandlingsforløpet er avsluttet (fullført 2024-03-20); det er ikke mulig å åpne episoden.",
  ],
  [
    "completed",
    "AttendSession",
    "terminal-state",
    "The treatment flow is closed (completed on 2024-03-20); it is not possible to register a session.",
    "Behandlingsforløpet er avsluttet (fullført 2024-03-20); det er ikke mulig å registrere en økt.",
  ],
  [
    "completed",
    "EvaluateGoal",
    "terminal-state",
    "The treatment flow is closed (completed on 2024-03-20); it is not possible to evaluate the goal.",
    "Behandlingsforløpet er avsluttet (fullført 2024-03-20); det er ikke mulig å evaluere målet.",
  ],
  [
    "completed",
    "Complete",
    "terminal-state",
    "The treatment flow is closed (completed on 2024-03-20); it is not possible to complete the treatment.",
    "Behandlingsforløpet er avsluttet (fullført 2024-03-20); det er ikke mulig å fullføre behandlingen.",
  ],
  [
    "completed",
    "Extend",
    "terminal-state",
    "The treatment flow is closed (completed on 2024-03-20); it is not possible to extend the treatment.",
    "Behandlingsforløpet er avsluttet (fullført 2024-03-20); det er ikke mulig å forlenge behandlingen.",
  ],
  [
    "completed",
    "TryOtherMeasures",
    "terminal-state",
    "The treatment flow is closed (completed on 2024-03-20); it is not possible to move on to other measures.",
    "Behandlingsforløpet er avsluttet (fullført 2024-03-20); det er ikke mulig å gå videre til andre tiltak.",
  ],
  [
    "completed",
    "Withdraw",
    "terminal-state",
    "The treatment flow is closed (completed on 2024-03-20); it is not possible to withdraw the case.",
    "Behandlingsforløpet er avsluttet (fullført 2024-03-20); det er ikke mulig å trekke saken.",
  ],
  [
    "other-measures",
    "HoldJointMeeting",
    "terminal-state",
    "The treatment flow is closed (other measures on 2024-03-20); it is not possible to hold the joint meeting.",
    "Behandlingsforløpet er avsluttet (andre tiltak 2024-03-20); det er ikke mulig å holde fellesmøtet.",
  ],
  [
    "other-measures",
    "OpenEpisode",
    "terminal-state",
    "The treatment flow is closed (other measures on 2024-03-20); it is not possible to open the episode.",
    "Behandlingsforløpet er avsluttet (andre tiltak 2024-03-20); det er ikke mulig å åpne episoden.",
  ],
  [
    "other-measures",
    "AttendSession",
    "terminal-state",
    "The treatment flow is closed (other measures on 2024-03-20); it is not possible to register a session.",
    "Behandlingsforløpet er avsluttet (andre tiltak 2024-03-20); det er ikke mulig å registrere en økt.",
  ],
  [
    "other-measures",
    "EvaluateGoal",
    "terminal-state",
    "The treatment flow is closed (other measures on 2024-03-20); it is not possible to evaluate the goal.",
    "Behandlingsforløpet er avsluttet (andre tiltak 2024-03-20); det er ikke mulig å evaluere målet.",
  ],
  [
    "other-measures",
    "Complete",
    "terminal-state",
    "The treatment flow is closed (other measures on 2024-03-20); it is not possible to complete the treatment.",
    "Behandlingsforløpet er avsluttet (andre tiltak 2024-03-20); det er ikke mulig å fullføre behandlingen.",
  ],
  [
    "other-measures",
    "Extend",
    "terminal-state",
    "The treatment flow is closed (other measures on 2024-03-20); it is not possible to extend the treatment.",
    "Behandlingsforløpet er avsluttet (andre tiltak 2024-03-20); det er ikke mulig å forlenge behandlingen.",
  ],
  [
    "other-measures",
    "TryOtherMeasures",
    "terminal-state",
    "The treatment flow is closed (other measures on 2024-03-20); it is not possible to move on to other measures.",
    "Behandlingsforløpet er avsluttet (andre tiltak 2024-03-20); det er ikke mulig å gå videre til andre tiltak.",
  ],
  [
    "other-measures",
    "Withdraw",
    "terminal-state",
    "The treatment flow is closed (other measures on 2024-03-20); it is not possible to withdraw the case.",
    "Behandlingsforløpet er avsluttet (andre tiltak 2024-03-20); det er ikke mulig å trekke saken.",
  ],
  [
    "withdrawn",
    "HoldJointMeeting",
    "terminal-state",
    "The treatment flow is closed (withdrawn on 2024-02-01); it is not possible to hold the joint meeting.",
    "Behandlingsforløpet er avsluttet (trukket 2024-02-01); det er ikke mulig å holde fellesmøtet.",
  ],
  [
    "withdrawn",
    "OpenEpisode",
    "terminal-state",
    "The treatment flow is closed (withdrawn on 2024-02-01); it is not possible to open the episode.",
    "Behandlingsforløpet er avsluttet (trukket 2024-02-01); det er ikke mulig å åpne episoden.",
  ],
  [
    "withdrawn",
    "AttendSession",
    "terminal-state",
    "The treatment flow is closed (withdrawn on 2024-02-01); it is not possible to register a session.",
    "Behandlingsforløpet er avsluttet (trukket 2024-02-01); det er ikke mulig å registrere en økt.",
  ],
  [
    "withdrawn",
    "EvaluateGoal",
    "terminal-state",
    "The treatment flow is closed (withdrawn on 2024-02-01); it is not possible to evaluate the goal.",
    "Behandlingsforløpet er avsluttet (trukket 2024-02-01); det er ikke mulig å evaluere målet.",
  ],
  [
    "withdrawn",
    "Complete",
    "terminal-state",
    "The treatment flow is closed (withdrawn on 2024-02-01); it is not possible to complete the treatment.",
    "Behandlingsforløpet er avsluttet (trukket 2024-02-01); det er ikke mulig å fullføre behandlingen.",
  ],
  [
    "withdrawn",
    "Extend",
    "terminal-state",
    "The treatment flow is closed (withdrawn on 2024-02-01); it is not possible to extend the treatment.",
    "Behandlingsforløpet er avsluttet (trukket 2024-02-01); det er ikke mulig å forlenge behandlingen.",
  ],
  [
    "withdrawn",
    "TryOtherMeasures",
    "terminal-state",
    "The treatment flow is closed (withdrawn on 2024-02-01); it is not possible to move on to other measures.",
    "Behandlingsforløpet er avsluttet (trukket 2024-02-01); det er ikke mulig å gå videre til andre tiltak.",
  ],
  [
    "withdrawn",
    "Withdraw",
    "terminal-state",
    "The treatment flow is closed (withdrawn on 2024-02-01); it is not possible to withdraw the case.",
    "Behandlingsforløpet er avsluttet (trukket 2024-02-01); det er ikke mulig å trekke saken.",
  ],
]

describe("messages of illegal steps (English and bokmål)", () => {
  it("covers every refused pair of the table", () => {
    const refusedPairs = STATE_NAMES.flatMap((s) =>
      EVENT_TYPES.filter((e) => "code" in table[s][e]).map((e) => `${s}/${e}`),
    )
    expect(illegal.map(([s, e]) => `${s}/${e}`).sort()).toEqual(refusedPairs.sort())
  })

  it.each(illegal)("%s + %s → %s", (from, type, code, en, nb) => {
    expect(refused(at(from), anEvent(type))).toEqual({
      _tag: "IllegalTransition",
      from,
      event: type,
      code,
      message: { en, nb },
    })
  })
})

describe("other refusals (exact messages)", () => {
  it("a joint meeting without a goal text is refused", () => {
    expect(refused(at("referred"), { type: "HoldJointMeeting", date: "2024-01-15", goal: "   " })).toEqual({
      _tag: "IllegalTransition",
      from: "referred",
      event: "HoldJointMeeting",
      code: "goal-required",
      message: {
        en: "The joint meeting must set a specific goal for the activity; the goal text is empty.",
        nb: "Fellesmøtet må sette et konkret mål for aktiviteten; målteksten er tom.",
      },
    })
  })

  it.each([
    [
      "referred",
      { type: "HoldJointMeeting", date: "2024-01-07", goal: GOAL },
      "Cannot hold the joint meeting on 2024-01-07: the previous step (referral) is dated 2024-01-08, and dates must not go backwards.",
      "Kan ikke holde fellesmøtet 2024-01-07: forrige steg (henvisning) er datert 2024-01-08, og datoer kan ikke gå bakover.",
    ],
    [
      "goal-set",
      { type: "OpenEpisode", date: "2024-01-14" },
      "Cannot open the episode on 2024-01-14: the previous step (joint meeting) is dated 2024-01-15, and dates must not go backwards.",
      "Kan ikke åpne episoden 2024-01-14: forrige steg (fellesmøte) er datert 2024-01-15, og datoer kan ikke gå bakover.",
    ],
    [
      "episode-open",
      { type: "AttendSession", date: "2024-01-15" },
      "Cannot register a session on 2024-01-15: the previous step (episode opened) is dated 2024-01-16, and dates must not go backwards.",
      "Kan ikke registrere en økt 2024-01-15: forrige steg (episode åpnet) er datert 2024-01-16, og datoer kan ikke gå bakover.",
    ],
    [
      "in-sessions",
      { type: "EvaluateGoal", date: "2024-01-21", goalReached: "yes" },
      "Cannot evaluate the goal on 2024-01-21: the previous step (session) is dated 2024-01-22, and dates must not go backwards.",
      "Kan ikke evaluere målet 2024-01-21: forrige steg (økt) er datert 2024-01-22, og datoer kan ikke gå bakover.",
    ],
    [
      "evaluated",
      { type: "Complete", date: "2024-03-17" },
      "Cannot complete the treatment on 2024-03-17: the previous step (goal evaluation) is dated 2024-03-18, and dates must not go backwards.",
      "Kan ikke fullføre behandlingen 2024-03-17: forrige steg (målevaluering) er datert 2024-03-18, og datoer kan ikke gå bakover.",
    ],
    [
      "extended",
      { type: "Withdraw", date: "2024-03-18" },
      "Cannot withdraw the case on 2024-03-18: the previous step (extension) is dated 2024-03-19, and dates must not go backwards.",
      "Kan ikke trekke saken 2024-03-18: forrige steg (forlengelse) er datert 2024-03-19, og datoer kan ikke gå bakover.",
    ],
  ] as const)("an event dated before the previous step is refused (%s)", (from, event, en, nb) => {
    expect(refused(at(from), event)).toEqual({
      _tag: "IllegalTransition",
      from,
      event: event.type,
      code: "date-before-previous-step",
      message: { en, nb },
    })
  })

  it("an event on the same day as the previous step is accepted", () => {
    const s = accepted(at("goal-set"), { type: "OpenEpisode", date: "2024-01-15" })
    expect(s.state).toBe("episode-open")
  })

  it.each(["2024-02-30", "2024-13-01", "24-01-16", "2024-1-16", ""])("an invalid date %j is refused", (date) => {
    expect(refused(at("goal-set"), { type: "OpenEpisode", date })).toEqual({
      _tag: "IllegalTransition",
      from: "goal-set",
      event: "OpenEpisode",
      code: "invalid-date",
      message: {
        en: `The date "${date}" is not an existing calendar date in the form YYYY-MM-DD.`,
        nb: `Datoen «${date}» er ikke en gyldig kalenderdato på formen ÅÅÅÅ-MM-DD.`,
      },
    })
  })

  it("an evaluation with an unknown answer is refused", () => {
    const goalReached = "maybe" as unknown as GoalReached
    expect(refused(at("in-sessions"), { type: "EvaluateGoal", date: "2024-03-18", goalReached })).toEqual({
      _tag: "IllegalTransition",
      from: "in-sessions",
      event: "EvaluateGoal",
      code: "goal-reached-required",
      message: {
        en: 'The evaluation must state whether the goal was reached: "yes", "partly" or "no" (got "maybe").',
        nb: 'Evalueringen må angi om målet ble nådd: "yes" (ja), "partly" (delvis) eller "no" (nei) (fikk "maybe").',
      },
    })
  })

  it("an untyped, unknown event is refused instead of throwing", () => {
    const bogus = { type: "Teleport", date: "2024-04-01" } as unknown as FlowEvent
    const r = transition(at("referred"), bogus)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe("illegal-step")
      expect(r.error.message).toEqual({
        en: '"Teleport" is not an event of the treatment flow.',
        nb: "«Teleport» er ikke en hendelse i behandlingsforløpet.",
      })
    }
  })

  it("a second extension is refused with the default limit of 1", () => {
    const s = run([
      ...pathTo.extended,
      { type: "AttendSession", date: "2024-03-25" },
      { type: "EvaluateGoal", date: "2024-05-13", goalReached: "no" },
    ])
    expect(s.state).toBe("evaluated")
    expect(refused(s, { type: "Extend", date: "2024-05-14" })).toEqual({
      _tag: "IllegalTransition",
      from: "evaluated",
      event: "Extend",
      code: "extension-limit-reached",
      message: {
        en: "A treatment can be extended at most 1 time; this one has already been extended 1 time.",
        nb: "En behandling kan forlenges maksimalt 1 gang; denne er allerede forlenget 1 gang.",
      },
    })
  })

  it("no extension is allowed with maxExtensions 0", () => {
    expect(refused(at("evaluated", { maxExtensions: 0 }), ev.extend).message).toEqual({
      en: "A treatment can be extended at most 0 times; this one has already been extended 0 times.",
      nb: "En behandling kan forlenges maksimalt 0 ganger; denne er allerede forlenget 0 ganger.",
    })
  })

  it("two extensions are allowed with maxExtensions 2, not three", () => {
    const again = (from: string): ReadonlyArray<FlowEvent> => [
      { type: "Extend", date: from },
      { type: "AttendSession", date: from },
      { type: "EvaluateGoal", date: from, goalReached: "partly" },
    ]
    const s = run([...pathTo.evaluated, ...again("2024-04-01"), ...again("2024-05-01")], { maxExtensions: 2 })
    expect(s.context.extensionsUsed).toBe(2)
    expect(refused(s, { type: "Extend", date: "2024-06-01" }).message).toEqual({
      en: "A treatment can be extended at most 2 times; this one has already been extended 2 times.",
      nb: "En behandling kan forlenges maksimalt 2 ganger; denne er allerede forlenget 2 ganger.",
    })
  })

  it("after an extension, completing during sessions requires a new evaluation", () => {
    const s = run([...pathTo.extended, { type: "AttendSession", date: "2024-03-25" }])
    expect(refused(s, { type: "Complete", date: "2024-03-26" })).toEqual({
      _tag: "IllegalTransition",
      from: "in-sessions",
      event: "Complete",
      code: "evaluation-required",
      message: {
        en: "The goal must be evaluated again after the extended period before it is possible to complete the treatment (status: in sessions).",
        nb: "Målet må evalueres på nytt etter forlengelsesperioden før det er mulig å fullføre behandlingen (status: i gang med økter).",
      },
    })
  })
})

// ---------------------------------------------------------------------------
// Legal steps and what they record
// ---------------------------------------------------------------------------

describe("legal steps", () => {
  it("start records the referral", () => {
    const s = start({ date: REFERRAL }, ONE)
    expect(s).toEqual({
      state: "referred",
      context: {
        maxExtensions: 1,
        referralDate: REFERRAL,
        sessionDates: [],
        sessionsInPeriod: 0,
        sessionsTotal: 0,
        evaluationDates: [],
        extensionDates: [],
        extensionsUsed: 0,
        lastDate: REFERRAL,
      },
    })
    expect(start({ date: REFERRAL }, { maxExtensions: 3 }).context.maxExtensions).toBe(3)
  })

  it.each([
    [{ date: "2024-02-30" }, ONE],
    [{ date: "08.01.2024" }, ONE],
    [{ date: REFERRAL }, {}],
    [{ date: REFERRAL }, { maxExtensions: -1 }],
    [{ date: REFERRAL }, { maxExtensions: 1.5 }],
    [{ date: REFERRAL }, { maxExtensions: Number.NaN }],
  ])("start rejects malformed input %j %j with a CoreError", (referral, options) => {
    expect(() => start(referral, options as { maxExtensions: number })).toThrow(CoreError)
  })

  it("HoldJointMeeting sets the (trimmed) goal and its date", () => {
    const s = accepted(at("referred"), { type: "HoldJointMeeting", date: "2024-01-15", goal: `  ${GOAL} ` })
    expect(s.state).toBe("goal-set")
    expect(s.context).toMatchObject({ goal: GOAL, jointMeetingDate: "2024-01-15", lastDate: "2024-01-15" })
  })

  it("OpenEpisode records the episode date", () => {
    const s = accepted(at("goal-set"), ev.open)
    expect(s.state).toBe("episode-open")
    expect(s.context).toMatchObject({ episodeOpenedDate: "2024-01-16", sessionsInPeriod: 0, lastDate: "2024-01-16" })
  })

  it("AttendSession counts sessions in the period and in total", () => {
    const one = accepted(at("episode-open"), ev.session)
    const two = accepted(one, { type: "AttendSession", date: "2024-01-29" })
    expect(one.state).toBe("in-sessions")
    expect(two.state).toBe("in-sessions")
    expect(two.context).toMatchObject({
      sessionDates: ["2024-01-22", "2024-01-29"],
      sessionsInPeriod: 2,
      sessionsTotal: 2,
      lastDate: "2024-01-29",
    })
  })

  it.each(GOAL_REACHED)("EvaluateGoal records the answer %s", (goalReached) => {
    const s = accepted(at("in-sessions"), { type: "EvaluateGoal", date: "2024-03-18", goalReached })
    expect(s.state).toBe("evaluated")
    expect(s.context).toMatchObject({ goalReached, evaluationDates: ["2024-03-18"], lastDate: "2024-03-18" })
  })

  it("Complete closes the flow after an evaluation", () => {
    const s = accepted(at("evaluated"), ev.complete)
    expect(s.state).toBe("completed")
    expect(s.context).toMatchObject({ closedDate: "2024-03-20", goalReached: "partly", sessionsTotal: 1 })
    expect(isTerminal(s)).toBe(true)
  })

  it("TryOtherMeasures closes the flow after an evaluation", () => {
    const s = accepted(at("evaluated"), ev.other)
    expect(s.state).toBe("other-measures")
    expect(s.context).toMatchObject({ closedDate: "2024-03-20", goalReached: "partly" })
    expect(isTerminal(s)).toBe(true)
  })

  it("Extend starts a new period: sessions resume and must be evaluated again", () => {
    const ext = accepted(at("evaluated"), ev.extend)
    expect(ext.state).toBe("extended")
    expect(ext.context).toMatchObject({
      extensionsUsed: 1,
      extensionDates: ["2024-03-19"],
      sessionsInPeriod: 0,
      sessionsTotal: 1,
    })
    const sessions = accepted(ext, { type: "AttendSession", date: "2024-03-25" })
    expect(sessions.context).toMatchObject({ sessionsInPeriod: 1, sessionsTotal: 2 })
    const evaluated = accepted(sessions, { type: "EvaluateGoal", date: "2024-05-13", goalReached: "yes" })
    expect(evaluated.context).toMatchObject({ goalReached: "yes", evaluationDates: ["2024-03-18", "2024-05-13"] })
    expect(accepted(evaluated, { type: "Complete", date: "2024-05-13" }).state).toBe("completed")
  })

  it.each(["referred", "goal-set", "episode-open", "in-sessions", "extended"] as const)(
    "Withdraw from %s records where the citizen dropped out",
    (from) => {
      const s = accepted(at(from), { type: "Withdraw", date: "2024-04-01" })
      expect(s.state).toBe("withdrawn")
      if (s.state === "withdrawn") expect(s.withdrawnFrom).toBe(from)
      expect(s.context.closedDate).toBe("2024-04-01")
    },
  )

  it("transition does not mutate its input", () => {
    const s = at("in-sessions")
    const snapshot = structuredClone(s)
    accepted(s, { type: "AttendSession", date: "2024-01-29" })
    expect(s).toEqual(snapshot)
  })
})

describe("replay", () => {
  it("replays a whole case", () => {
    const r = replay(REFERRAL, pathTo.completed, ONE)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.state).toEqual(at("completed"))
  })

  it("returns the first refused event with its index and the last accepted state", () => {
    const r = replay(REFERRAL, [ev.meeting, ev.session, ev.open], ONE)
    expect(r).toMatchObject({
      ok: false,
      index: 1,
      error: { code: "episode-required", from: "goal-set", event: "AttendSession" },
    })
    if (!r.ok) expect(r.state).toEqual(at("goal-set"))
  })

  it("passes maxExtensions on", () => {
    const r = replay(REFERRAL, [...pathTo.evaluated, ev.extend], { maxExtensions: 0 })
    expect(r).toMatchObject({ ok: false, index: 4, error: { code: "extension-limit-reached" } })
  })
})

// ---------------------------------------------------------------------------
// Model-based testing with fc.commands
// ---------------------------------------------------------------------------

type Phase = StateName

/** The model: just enough to know which event is legal and what it changes. */
interface Model {
  phase: Phase
  readonly maxExtensions: number
  extensionsUsed: number
  sessionsInPeriod: number
  sessionsTotal: number
  evaluations: number
  lastDate: string
  goalReached: GoalReached | undefined
}

interface Real {
  state: FlowState
}

/** Coverage gathered across all model runs, checked after the property. */
const seen = { phases: new Set<string>(), codes: new Set<string>() }

const TERMINAL: ReadonlySet<Phase> = new Set<Phase>(["completed", "other-measures", "withdrawn"])

/** The model's own rules: which code (if any) refuses an event, ignoring dates and content. */
const modelRule = (m: Readonly<Model>, type: EventType): FlowErrorCode | undefined => {
  const p = m.phase
  if (TERMINAL.has(p)) return "terminal-state"
  const outcome = type === "Complete" || type === "Extend" || type === "TryOtherMeasures"
  if (p === "evaluated") {
    if (type === "HoldJointMeeting" || type === "OpenEpisode") return "illegal-step"
    if (!outcome) return "outcome-required"
    if (type === "Extend" && m.extensionsUsed >= m.maxExtensions) return "extension-limit-reached"
    return undefined
  }
  if (outcome) return "evaluation-required"
  switch (type) {
    case "HoldJointMeeting":
      return p === "referred" ? undefined : "illegal-step"
    case "OpenEpisode":
      return p === "referred" ? "goal-required" : p === "goal-set" ? undefined : "illegal-step"
    case "AttendSession":
      return p === "referred" ? "goal-required" : p === "goal-set" ? "episode-required" : undefined
    case "EvaluateGoal":
      if (p === "referred") return "goal-required"
      if (p === "goal-set") return "episode-required"
      return m.sessionsInPeriod > 0 ? undefined : "no-sessions-yet"
    default:
      return undefined // Withdraw
  }
}

const isValidDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/u.test(s) && !Number.isNaN(Date.parse(s)) && new Date(Date.parse(s)).toISOString().startsWith(s)

/** Applies an accepted event to the model. */
const modelApply = (m: Model, e: FlowEvent): void => {
  m.lastDate = e.date
  switch (e.type) {
    case "HoldJointMeeting":
      m.phase = "goal-set"
      return
    case "OpenEpisode":
      m.phase = "episode-open"
      return
    case "AttendSession":
      m.phase = "in-sessions"
      m.sessionsInPeriod++
      m.sessionsTotal++
      return
    case "EvaluateGoal":
      m.phase = "evaluated"
      m.evaluations++
      m.goalReached = e.goalReached
      return
    case "Complete":
      m.phase = "completed"
      return
    case "Extend":
      m.phase = "extended"
      m.extensionsUsed++
      m.sessionsInPeriod = 0
      return
    case "TryOtherMeasures":
      m.phase = "other-measures"
      return
    case "Withdraw":
      m.phase = "withdrawn"
      return
  }
}

/** The expected outcome: terminal → flow rules → date format → date order → content. */
const modelExpect = (m: Readonly<Model>, e: FlowEvent): FlowErrorCode | undefined => {
  const rule = modelRule(m, e.type)
  if (rule !== undefined) return rule
  if (!isValidDate(e.date)) return "invalid-date"
  if (e.date < m.lastDate) return "date-before-previous-step"
  if (e.type === "HoldJointMeeting" && e.goal.trim() === "") return "goal-required"
  if (e.type === "EvaluateGoal" && !(GOAL_REACHED as ReadonlyArray<string>).includes(e.goalReached)) {
    return "goal-reached-required"
  }
  return undefined
}

/** A date relative to the model's latest step (mostly forward, sometimes back), or a malformed one. */
type DateSpec = { readonly shift: number } | { readonly literal: string }

const dateSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 21 }).map((shift) => ({ shift })) },
  { weight: 3, arbitrary: fc.integer({ min: -30, max: -1 }).map((shift) => ({ shift })) },
  { weight: 1, arbitrary: fc.constantFrom("2024-02-30", "2023-13-01", "2024-1-5", "").map((literal) => ({ literal })) },
)

const resolve = (spec: DateSpec, m: Readonly<Model>): string =>
  "literal" in spec ? spec.literal : addDays(m.lastDate, spec.shift)

/** Shared body of every command: check is always true, so illegal events are tried too. */
abstract class EventCommand implements fc.Command<Model, Real> {
  constructor(readonly when: DateSpec) {}
  abstract readonly type: EventType
  protected abstract event(date: string): FlowEvent

  check(): boolean {
    return true
  }

  run(m: Model, r: Real): void {
    const e = this.event(resolve(this.when, m))
    const before = r.state
    const expectedCode = modelExpect(m, e)
    const result = transition(before, e)

    // The machine accepts exactly when the model says the event is legal.
    if (expectedCode !== undefined) {
      expect(result).toMatchObject({
        ok: false,
        error: { _tag: "IllegalTransition", from: m.phase, event: e.type, code: expectedCode },
      })
      if (!result.ok) {
        expect(result.error.message.en.length).toBeGreaterThan(0)
        expect(result.error.message.nb.length).toBeGreaterThan(0)
      }
      seen.codes.add(expectedCode)
      return
    }
    expect(result.ok, `expected ${e.type} from ${m.phase} to be accepted`).toBe(true)
    if (!result.ok) return

    modelApply(m, e)
    r.state = result.state
    seen.phases.add(m.phase)

    // The resulting state agrees with the model.
    const ctx = r.state.context
    expect(r.state.state).toBe(m.phase)
    expect(ctx.lastDate).toBe(m.lastDate)
    expect(ctx.sessionsInPeriod).toBe(m.sessionsInPeriod)
    expect(ctx.sessionsTotal).toBe(m.sessionsTotal)
    expect(ctx.sessionDates).toHaveLength(m.sessionsTotal)
    expect(ctx.evaluationDates).toHaveLength(m.evaluations)
    expect(ctx.extensionsUsed).toBe(m.extensionsUsed)
    expect(ctx.extensionDates).toHaveLength(m.extensionsUsed)
    expect(ctx.goalReached).toBe(m.goalReached)
    expect(ctx.extensionsUsed).toBeLessThanOrEqual(ctx.maxExtensions)
    if (r.state.state === "completed") expect(before.state).toBe("evaluated")

    // allowedEvents agrees with the model's rules too.
    expect(allowedEvents(r.state)).toEqual(EVENT_TYPES.filter((t) => modelRule(m, t) === undefined))
  }

  toString(): string {
    return `${this.type}(${"literal" in this.when ? JSON.stringify(this.when.literal) : `+${this.when.shift}d`})`
  }
}

class HoldJointMeetingCommand extends EventCommand {
  readonly type = "HoldJointMeeting"
  constructor(
    when: DateSpec,
    readonly goal: string,
  ) {
    super(when)
  }
  protected event(date: string): FlowEvent {
    return { type: this.type, date, goal: this.goal }
  }
  override toString(): string {
    return `${super.toString()}[${JSON.stringify(this.goal)}]`
  }
}

class OpenEpisodeCommand extends EventCommand {
  readonly type = "OpenEpisode"
  protected event(date: string): FlowEvent {
    return { type: this.type, date }
  }
}

class AttendSessionCommand extends EventCommand {
  readonly type = "AttendSession"
  protected event(date: string): FlowEvent {
    return { type: this.type, date }
  }
}

class EvaluateGoalCommand extends EventCommand {
  readonly type = "EvaluateGoal"
  constructor(
    when: DateSpec,
    readonly goalReached: GoalReached,
  ) {
    super(when)
  }
  protected event(date: string): FlowEvent {
    return { type: this.type, date, goalReached: this.goalReached }
  }
  override toString(): string {
    return `${super.toString()}[${this.goalReached}]`
  }
}

class CompleteCommand extends EventCommand {
  readonly type = "Complete"
  protected event(date: string): FlowEvent {
    return { type: this.type, date }
  }
}

class ExtendCommand extends EventCommand {
  readonly type = "Extend"
  protected event(date: string): FlowEvent {
    return { type: this.type, date }
  }
}

class TryOtherMeasuresCommand extends EventCommand {
  readonly type = "TryOtherMeasures"
  protected event(date: string): FlowEvent {
    return { type: this.type, date }
  }
}

class WithdrawCommand extends EventCommand {
  readonly type = "Withdraw"
  protected event(date: string): FlowEvent {
    return { type: this.type, date }
  }
}

const goalText = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(GOAL, "Svømme en gang i uka") },
  { weight: 1, arbitrary: fc.constantFrom("", "  ") },
)
const goalAnswer = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...GOAL_REACHED) },
  { weight: 1, arbitrary: fc.constant("maybe" as unknown as GoalReached) },
)

/**
 * One arbitrary per command class. Withdraw is rarer so that long cases
 * (extensions, evaluations) are explored instead of ending early.
 */
const anyCommand: fc.Arbitrary<fc.Command<Model, Real>> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(dateSpec, goalText).map(([d, g]) => new HoldJointMeetingCommand(d, g)) },
  { weight: 3, arbitrary: dateSpec.map((d) => new OpenEpisodeCommand(d)) },
  { weight: 6, arbitrary: dateSpec.map((d) => new AttendSessionCommand(d)) },
  { weight: 4, arbitrary: fc.tuple(dateSpec, goalAnswer).map(([d, g]) => new EvaluateGoalCommand(d, g)) },
  { weight: 1, arbitrary: dateSpec.map((d) => new CompleteCommand(d)) },
  { weight: 4, arbitrary: dateSpec.map((d) => new ExtendCommand(d)) },
  { weight: 1, arbitrary: dateSpec.map((d) => new TryOtherMeasuresCommand(d)) },
  { weight: 1, arbitrary: dateSpec.map((d) => new WithdrawCommand(d)) },
)

const initial = (maxExtensions: number, referralDate: string): { model: Model; real: Real } => ({
  model: {
    phase: "referred",
    maxExtensions,
    extensionsUsed: 0,
    sessionsInPeriod: 0,
    sessionsTotal: 0,
    evaluations: 0,
    lastDate: referralDate,
    goalReached: undefined,
  },
  real: { state: start({ date: referralDate }, { maxExtensions }) },
})

const referralDate = fc
  .date({ min: new Date("2023-03-09T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe("model-based: the machine agrees with the model on random event sequences", () => {
  it("accepts exactly the events the model allows, for maxExtensions 0..3", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        referralDate,
        fc.commands([anyCommand], { maxCommands: 80, size: "max" }),
        (max, referral, cmds) => {
          fc.modelRun(() => initial(max, referral), cmds)
        },
      ),
      { numRuns: 400 },
    )
    // The generator really explores the flow: every state and every refusal reason occurs.
    expect([...seen.phases].sort()).toEqual(STATE_NAMES.filter((s) => s !== "referred").sort())
    expect([...seen.codes].sort()).toEqual(
      [
        "terminal-state",
        "goal-required",
        "episode-required",
        "no-sessions-yet",
        "evaluation-required",
        "outcome-required",
        "extension-limit-reached",
        "illegal-step",
        "invalid-date",
        "date-before-previous-step",
        "goal-reached-required",
      ].sort(),
    )
  })
})

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/** A random event of any type with a date near `base` (possibly before it). */
const anyEvent = (base: string): fc.Arbitrary<FlowEvent> =>
  fc
    .tuple(fc.constantFrom(...EVENT_TYPES), fc.integer({ min: -5, max: 40 }), goalText, goalAnswer)
    .map(([type, shift, goal, goalReached]): FlowEvent => {
      const date = addDays(base, shift)
      switch (type) {
        case "HoldJointMeeting":
          return { type, date, goal }
        case "EvaluateGoal":
          return { type, date, goalReached }
        default:
          return { type, date }
      }
    })

interface Choice {
  readonly pick: number
  readonly gap: number
  readonly goalReached: GoalReached
}

const choices = fc.array(
  fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 28 }), goalReached: fc.constantFrom(...GOAL_REACHED) }),
  { maxLength: 40 },
)

/** Builds a legal event sequence by picking among the allowed events; `finish` drives it to a terminal state. */
const legalEvents = (
  referral: string,
  maxExtensions: number,
  picks: ReadonlyArray<Choice>,
  finish: boolean,
): { readonly events: ReadonlyArray<FlowEvent>; readonly states: ReadonlyArray<FlowState> } => {
  let state = start({ date: referral }, { maxExtensions })
  const events: Array<FlowEvent> = []
  const states: Array<FlowState> = [state]
  const push = (e: FlowEvent): void => {
    const r = transition(state, e)
    if (!r.ok) throw new Error(`legal generator produced an illegal ${e.type}: ${r.error.message.en}`)
    events.push(e)
    states.push(r.state)
    state = r.state
  }
  const make = (type: EventType, date: string, goalReached: GoalReached): FlowEvent =>
    type === "HoldJointMeeting"
      ? { type, date, goal: GOAL }
      : type === "EvaluateGoal"
        ? { type, date, goalReached }
        : { type, date }
  for (const c of picks) {
    const allowed = allowedEvents(state)
    const type = allowed[c.pick % Math.max(allowed.length, 1)]
    if (type === undefined) break
    push(make(type, addDays(state.context.lastDate, c.gap), c.goalReached))
  }
  if (finish && !isTerminal(state)) {
    push(make(state.state === "evaluated" ? "Complete" : "Withdraw", state.context.lastDate, "yes"))
  }
  return { events, states }
}

describe("properties", () => {
  it("extensions never exceed maxExtensions (0..3), and exactly maxExtensions can be used", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        referralDate,
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
        (max, referral, sessions) => {
          let state = start({ date: referral }, { maxExtensions: max })
          let date = referral
          const next = (e: FlowEvent): void => {
            state = accepted(state, e)
            expect(state.context.extensionsUsed).toBeLessThanOrEqual(max)
          }
          next({ type: "HoldJointMeeting", date, goal: GOAL })
          next({ type: "OpenEpisode", date })
          let extensions = 0
          for (const n of sessions) {
            for (let i = 0; i < n; i++) {
              date = addDays(date, 7)
              next({ type: "AttendSession", date })
            }
            next({ type: "EvaluateGoal", date, goalReached: "partly" })
            const r = transition(state, { type: "Extend", date })
            if (extensions < max) {
              expect(r.ok).toBe(true)
              if (r.ok) state = r.state
              extensions++
            } else {
              expect(r).toMatchObject({ ok: false, error: { code: "extension-limit-reached" } })
              expect(allowedEvents(state)).not.toContain("Extend")
              break
            }
          }
          expect(state.context.extensionsUsed).toBe(max)
          expect(state.state).toBe("evaluated")
        },
      ),
    )
  })

  it("terminal states accept no event", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        referralDate,
        choices,
        fc.array(fc.integer({ min: -5, max: 40 }), { minLength: 1, maxLength: 5 }),
        (max, referral, picks, shifts) => {
          const { states } = legalEvents(referral, max, picks, true)
          const last = states.at(-1)
          if (last === undefined) throw new Error("no state")
          expect(isTerminal(last)).toBe(true)
          expect(TERMINAL_STATES).toContain(last.state)
          expect(allowedEvents(last)).toEqual([])
          for (const shift of shifts) {
            for (const type of EVENT_TYPES) {
              const r = transition(last, anEvent(type, addDays(last.context.lastDate, shift)))
              expect(r).toMatchObject({ ok: false, error: { code: "terminal-state", from: last.state, event: type } })
            }
          }
        },
      ),
    )
  })

  it("completed is reachable only through a goal evaluation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        referralDate,
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 60 }),
        fc.array(anyEvent("2024-01-01"), { maxLength: 60 }),
        (max, referral, seeds, pool) => {
          // Random events, re-dated relative to the current state so many are accepted.
          let state = start({ date: referral }, { maxExtensions: max })
          seeds.forEach((seed, i) => {
            const template = pool[i % Math.max(pool.length, 1)]
            if (template === undefined) return
            const shifted = { ...template, date: addDays(state.context.lastDate, (seed % 10) - 1) } as FlowEvent
            const r = transition(state, shifted)
            if (r.ok && r.state.state === "completed") {
              expect(state.state).toBe("evaluated")
              expect(shifted.type).toBe("Complete")
              expect(r.state.context.evaluationDates.length).toBeGreaterThan(0)
              expect(r.state.context.goalReached).toBeDefined()
            }
            if (state.state !== "evaluated") {
              expect(transition(state, { type: "Complete", date: state.context.lastDate }).ok).toBe(false)
            }
            if (r.ok) state = r.state
          })
        },
      ),
    )
  })

  it("replay of a legal sequence equals sequential transition", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        referralDate,
        choices,
        fc.boolean(),
        (max, referral, picks, finish) => {
          const { events, states } = legalEvents(referral, max, picks, finish)
          const r = replay(referral, events, { maxExtensions: max })
          expect(r.ok).toBe(true)
          if (r.ok) expect(r.state).toEqual(states.at(-1))
        },
      ),
    )
  })

  it("replay of any sequence stops at the first refused event, like sequential transition", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.array(anyEvent("2024-01-10"), { maxLength: 12 }),
        (max, events) => {
          let state = start({ date: "2024-01-08" }, { maxExtensions: max })
          let expected: { index: number; code: FlowErrorCode } | undefined
          for (const [index, e] of events.entries()) {
            const r = transition(state, e)
            if (!r.ok) {
              expected = { index, code: r.error.code }
              break
            }
            state = r.state
          }
          const r = replay("2024-01-08", events, { maxExtensions: max })
          if (expected === undefined) {
            expect(r).toEqual({ ok: true, state })
          } else {
            expect(r).toMatchObject({ ok: false, index: expected.index, error: { code: expected.code } })
            expect(r.state).toEqual(state)
          }
        },
      ),
    )
  })
})
