// How messages name the states, the latest step and the events, in both
// languages: data, so wording changes without touching the machine.
import type { Bilingual } from "../internal/text.js"
import type { EventType, StateName } from "./names.js"
import type { ActiveState } from "./states.js"

/** Each state as a message names it. */
export const stateLabel: Readonly<Record<StateName, Bilingual>> = {
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
export const stepLabel: Readonly<Record<ActiveState["state"], Bilingual>> = {
  referred: { nb: "henvisning", en: "referral" },
  "goal-set": { nb: "fellesmøte", en: "joint meeting" },
  "episode-open": { nb: "episode åpnet", en: "episode opened" },
  "in-sessions": { nb: "økt", en: "session" },
  evaluated: { nb: "målevaluering", en: "goal evaluation" },
  extended: { nb: "forlengelse", en: "extension" },
}

export const eventLabel: Readonly<Record<EventType, Bilingual>> = {
  HoldJointMeeting: { nb: "holde fellesmøtet", en: "hold the joint meeting" },
  OpenEpisode: { nb: "åpne episoden", en: "open the episode" },
  AttendSession: { nb: "registrere en økt", en: "register a session" },
  EvaluateGoal: { nb: "evaluere målet", en: "evaluate the goal" },
  Complete: { nb: "fullføre behandlingen", en: "complete the treatment" },
  Extend: { nb: "forlenge behandlingen", en: "extend the treatment" },
  TryOtherMeasures: { nb: "gå videre til andre tiltak", en: "move on to other measures" },
  Withdraw: { nb: "trekke saken", en: "withdraw the case" },
}
