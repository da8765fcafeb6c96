// Why an event is refused, in both languages: one builder per reason, each
// naming the state and event with the labels of ./labels.ts.
import type { Bilingual } from "../internal/text.js"
import * as Redact from "../Redact.js"
import { eventLabel, stateLabel, stepLabel } from "./labels.js"
import type { EventType } from "./names.js"
import type { FlowErrorCode } from "./results.js"
import type { ActiveState, EpisodeOpen, Evaluated, Extended, GoalSet, Referred, TerminalState } from "./states.js"

const times = (n: number): string => `${n} ${n === 1 ? "time" : "times"}`
const ganger = (n: number): string => `${n} ${n === 1 ? "gang" : "ganger"}`

export interface Rejection {
  readonly ok: false
  readonly code: FlowErrorCode
  readonly message: Bilingual
}

// Messages may quote what the caller passed; one redaction keeps identity numbers out.
const reject = (code: FlowErrorCode, message: Bilingual): Rejection => ({
  ok: false,
  code,
  message: { nb: Redact.text(message.nb), en: Redact.text(message.en) },
})

export const terminal = (state: TerminalState, type: EventType): Rejection =>
  reject("terminal-state", {
    en: `The treatment flow is closed (${stateLabel[state.state].en} on ${state.context.closedDate}); it is not possible to ${eventLabel[type].en}.`,
    nb: `Behandlingsforløpet er avsluttet (${stateLabel[state.state].nb} ${state.context.closedDate}); det er ikke mulig å ${eventLabel[type].nb}.`,
  })

export const goalRequired = (type: EventType): Rejection =>
  reject("goal-required", {
    en: `A specific goal must be set in a joint meeting with the citizen and the therapist before it is possible to ${eventLabel[type].en}.`,
    nb: `Et konkret mål må settes i et fellesmøte med innbygger og behandler før det er mulig å ${eventLabel[type].nb}.`,
  })

export const emptyGoal: Rejection = reject("goal-required", {
  en: "The joint meeting must set a specific goal for the activity; the goal text is empty.",
  nb: "Fellesmøtet må sette et konkret mål for aktiviteten; målteksten er tom.",
})

export const episodeRequired = (type: EventType): Rejection =>
  reject("episode-required", {
    en: `The therapist must open an episode for the activity in the record before it is possible to ${eventLabel[type].en}.`,
    nb: `Behandler må åpne en episode for aktiviteten i journalen før det er mulig å ${eventLabel[type].nb}.`,
  })

export const noSessionsYet = (state: EpisodeOpen | Extended): Rejection =>
  state.state === "extended"
    ? reject("no-sessions-yet", {
        en: "The goal cannot be evaluated before at least one session has been attended in the extended period.",
        nb: "Målet kan ikke evalueres før minst én økt er gjennomført i forlengelsesperioden.",
      })
    : reject("no-sessions-yet", {
        en: "The goal cannot be evaluated before at least one session has been attended.",
        nb: "Målet kan ikke evalueres før minst én økt er gjennomført.",
      })

export const evaluationRequired = (state: Exclude<ActiveState, Evaluated>, type: EventType): Rejection =>
  state.context.extensionsUsed > 0
    ? reject("evaluation-required", {
        en: `The goal must be evaluated again after the extended period before it is possible to ${eventLabel[type].en} (status: ${stateLabel[state.state].en}).`,
        nb: `Målet må evalueres på nytt etter forlengelsesperioden før det er mulig å ${eventLabel[type].nb} (status: ${stateLabel[state.state].nb}).`,
      })
    : reject("evaluation-required", {
        en: `The goal must be evaluated before it is possible to ${eventLabel[type].en} (status: ${stateLabel[state.state].en}).`,
        nb: `Målet må evalueres før det er mulig å ${eventLabel[type].nb} (status: ${stateLabel[state.state].nb}).`,
      })

export const outcomeRequired = (state: Evaluated, type: EventType): Rejection => {
  const date = state.context.evaluationDates.at(-1) ?? state.context.lastDate
  return reject("outcome-required", {
    en: `The goal was evaluated on ${date} and an outcome must be chosen next (complete, extend or other measures); it is not possible to ${eventLabel[type].en} now.`,
    nb: `Målet ble evaluert ${date}, og neste steg er å velge utfall (fullføre, forlenge eller andre tiltak); det er ikke mulig å ${eventLabel[type].nb} nå.`,
  })
}

export const extensionLimit = (state: Evaluated): Rejection => {
  const { maxExtensions: max, extensionsUsed: used } = state.context
  return reject("extension-limit-reached", {
    en: `A treatment can be extended at most ${times(max)}; this one has already been extended ${times(used)}.`,
    nb: `En behandling kan forlenges maksimalt ${ganger(max)}; denne er allerede forlenget ${ganger(used)}.`,
  })
}

export const alreadyHeld = (state: Exclude<ActiveState, Referred>, type: EventType): Rejection =>
  reject("illegal-step", {
    en: `It is not possible to ${eventLabel[type].en} now (status: ${stateLabel[state.state].en}); the joint meeting was already held on ${state.context.jointMeetingDate}.`,
    nb: `Det er ikke mulig å ${eventLabel[type].nb} nå (status: ${stateLabel[state.state].nb}); fellesmøtet ble allerede holdt ${state.context.jointMeetingDate}.`,
  })

export const alreadyOpened = (state: Exclude<ActiveState, Referred | GoalSet>, type: EventType): Rejection =>
  reject("illegal-step", {
    en: `It is not possible to ${eventLabel[type].en} now (status: ${stateLabel[state.state].en}); the episode was already opened on ${state.context.episodeOpenedDate}.`,
    nb: `Det er ikke mulig å ${eventLabel[type].nb} nå (status: ${stateLabel[state.state].nb}); episoden ble allerede åpnet ${state.context.episodeOpenedDate}.`,
  })

export const invalidDate = (date: unknown): Rejection =>
  reject("invalid-date", {
    en: `The date "${String(date)}" is not an existing calendar date in the form YYYY-MM-DD.`,
    nb: `Datoen «${String(date)}» er ikke en gyldig kalenderdato på formen ÅÅÅÅ-MM-DD.`,
  })

export const dateBackwards = (state: ActiveState, type: EventType, date: string): Rejection =>
  reject("date-before-previous-step", {
    en: `Cannot ${eventLabel[type].en} on ${date}: the previous step (${stepLabel[state.state].en}) is dated ${state.context.lastDate}, and dates must not go backwards.`,
    nb: `Kan ikke ${eventLabel[type].nb} ${date}: forrige steg (${stepLabel[state.state].nb}) er datert ${state.context.lastDate}, og datoer kan ikke gå bakover.`,
  })

export const goalReachedRequired = (value: unknown): Rejection =>
  reject("goal-reached-required", {
    en: `The evaluation must state whether the goal was reached: "yes", "partly" or "no" (got "${String(value)}").`,
    nb: `Evalueringen må angi om målet ble nådd: "yes" (ja), "partly" (delvis) eller "no" (nei) (fikk "${String(value)}").`,
  })

// Only reachable from untyped callers; keeps `transition` total.
export const unknownEvent = (type: unknown): Rejection =>
  reject("illegal-step", {
    en: `"${String(type)}" is not an event of the treatment flow.`,
    nb: `«${String(type)}» er ikke en hendelse i behandlingsforløpet.`,
  })
