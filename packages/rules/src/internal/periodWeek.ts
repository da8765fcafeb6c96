// The week of an enrollment period a question falls in, counted from 1: the
// fact `periodWeek`. A batch asks it of every enrolled subject on one day,
// and their periods start on a few hundred dates at most, so the answer is
// remembered per start text for the day rather than the text read again.
import { dayNumber } from "./dayNumber.js"

// Far more start dates than a batch's enrollments have; crafted subjects cannot grow it without bound.
const startsRemembered = 1_000

/** The week of a period starting on `start`, on the day numbered `today`. */
export const periodWeek = (today: number, start: string): number => Math.floor((today - dayNumber(start)) / 7) + 1

/** {@link periodWeek} on the day numbered `today`, remembered per start text. */
export const periodWeeksOn = (today: number): ((start: string) => number) => {
  const byStart = new Map<string, number>()
  return (start) => {
    // Only a text is remembered: anything else is worked out (or refused) as before.
    if (typeof start !== "string") return periodWeek(today, start)
    let week = byStart.get(start)
    if (week === undefined) {
      if (byStart.size >= startsRemembered) byStart.clear()
      week = periodWeek(today, start)
      byStart.set(start, week)
    }
    return week
  }
}
