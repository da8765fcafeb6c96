// An enrollment's state at the last session of one of its periods, for
// DatasetSubjects: what derive.enrollmentOn gives on that session's date,
// counted in one pass over the sessions instead of three filtered copies and
// an ISO week computed per session. Two dates share an ISO week exactly when
// their Monday-based week numbers from 1970 are equal, so a week is a day
// number divided by 7 rather than a formatted "YYYY-Www". A test holds the
// two equal on generated years.
import type { IsoDate } from "@aktivitetsmodell/core"
import { dayNumber } from "./dayNumber.js"
import type { Period } from "./derive.js"

// 1970-01-01 was a Thursday: three days on, weeks start on Monday.
const weekOf = (date: string): number => Math.floor((dayNumber(date) + 3) / 7)

/** The session an enrollment's period is asked about (its last), by index in `attended`, or -1. */
export const lastSessionIn = (attended: ReadonlyArray<{ readonly date: string }>, period: Period): number => {
  const { start, end } = period
  for (let i = attended.length - 1; i >= 0; i--) {
    const d = attended[i]!.date
    if ((start === undefined || d >= start) && (end === undefined || d <= end)) return i
  }
  return -1
}

/** Enrollment state as derive.enrollmentOn writes it, with the questions asked at a period's end after it. */
export interface PeriodState {
  readonly start: IsoDate.IsoDate
  readonly periodStart: IsoDate.IsoDate
  readonly cohort?: string
  readonly sessionsUsed: number
  readonly sessionsThisWeek: number
  readonly extensionsUsed: number
  readonly stillNeeded: boolean
  readonly consecutiveNoShows: number
  readonly extensionRequested: boolean
  readonly activityStarted: boolean
  readonly movedToCommunity: boolean
}

/**
 * The state on `date` in period `k` (whose start is set), with the questions
 * asked at its end; keys in the order enrollmentOn and then the questions
 * give them, so the objects are the ones the straightforward path builds.
 */
export const stateAt = (
  e: { readonly start: IsoDate.IsoDate; readonly cohort?: string | undefined; readonly closedOn?: string | undefined },
  attended: ReadonlyArray<{ readonly date: string; readonly status: string }>,
  periods: ReadonlyArray<Period>,
  k: number,
  date: string,
  asked: { readonly activityStarted: boolean; readonly movedToCommunity: boolean },
): PeriodState => {
  const period = periods[k]!
  const periodStart = period.start ?? e.start
  const end = period.end
  const week = weekOf(date)
  let used = 0
  let thisWeek = 0
  // No-shows in a row among the sessions up to the date, ending with the last of them.
  let noShows = 0
  for (let i = 0; i < attended.length; i++) {
    const a = attended[i]!
    const d = a.date
    if (d > date) continue
    noShows = a.status === "no-show" ? noShows + 1 : 0
    if (d < periodStart || (end !== undefined && d > end)) continue
    used++
    if (weekOf(d) === week) thisWeek++
  }
  const stillNeeded = e.closedOn === undefined || e.closedOn > date
  const extensionRequested = k + 1 < periods.length
  return e.cohort === undefined
    ? {
        start: e.start,
        periodStart,
        sessionsUsed: used,
        sessionsThisWeek: thisWeek,
        extensionsUsed: k,
        stillNeeded,
        consecutiveNoShows: noShows,
        extensionRequested,
        activityStarted: asked.activityStarted,
        movedToCommunity: asked.movedToCommunity,
      }
    : {
        start: e.start,
        periodStart,
        cohort: e.cohort,
        sessionsUsed: used,
        sessionsThisWeek: thisWeek,
        extensionsUsed: k,
        stillNeeded,
        consecutiveNoShows: noShows,
        extensionRequested,
        activityStarted: asked.activityStarted,
        movedToCommunity: asked.movedToCommunity,
      }
}
