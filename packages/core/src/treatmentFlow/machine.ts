// The machine: one function per event, each checking in the fixed order the
// module documentation of TreatmentFlow gives, and `step` choosing among them.
import { isIsoDate } from "../IsoDate.js"
import type {
  AttendSession,
  Complete,
  EvaluateGoal,
  Extend,
  FlowEvent,
  HoldJointMeeting,
  OpenEpisode,
  TryOtherMeasures,
  Withdraw,
} from "./events.js"
import {
  alreadyHeld,
  alreadyOpened,
  dateBackwards,
  emptyGoal,
  episodeRequired,
  evaluationRequired,
  extensionLimit,
  goalReachedRequired,
  goalRequired,
  invalidDate,
  noSessionsYet,
  outcomeRequired,
  type Rejection,
  terminal,
  unknownEvent,
} from "./messages.js"
import { GOAL_REACHED, type GoalReached } from "./names.js"
import { type ActiveState, type EpisodeContext, type FlowContext, type FlowState, isTerminal } from "./states.js"

export type Step = Rejection | { readonly ok: true; readonly state: FlowState }

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
export const step = (state: FlowState, event: FlowEvent): Step => {
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
      return unknownEvent(unknownType)
    }
  }
}
