/**
 * Earlier participation: some of the year's participants took part in an
 * everyday offering the year before, so "new versus returning citizens" has
 * returning citizens to find. Those enrollments started and closed in the
 * previous year and carry no sessions: only their start tells the history.
 *
 * @module
 */

import { dayNumber, fromDayNumber } from "../Calendar.js"
import type { Enrollment } from "../Enrollment.js"
import { yearBounds } from "./calendar.js"
import { mayJoin, type World } from "./world.js"

/** Share of the year's participants who also took part the year before. */
export const returningShare = 0.3

/**
 * Adds a completed previous-year enrollment in an open everyday offering for
 * about {@link returningShare} of the citizens enrolled this year. Only
 * citizens who were adults all of the previous year qualify, so the adults
 * invariant holds on the earlier date too.
 * @example
 * makeHistory(world)
 * @category constructors
 */
export const makeHistory = (w: World): void => {
  const random = w.random.fork("history")
  const enrolled = new Set(w.records.enrollments.map((e) => e.citizenId))
  const open = w.catalogue.offerings.filter(
    (o) => o.category === "everyday" && o.access === "open" && o.status.kind !== "discontinued",
  )
  if (open.length === 0) return
  const previous = yearBounds(w.year - 1)
  const history: Array<Enrollment> = []
  for (const p of w.people) {
    if (!enrolled.has(p.citizen.id) || p.citizen.birthYear > w.year - 20 || !random.chance(returningShare)) continue
    const choices = open.filter((o) => mayJoin(p, o))
    if (choices.length === 0) continue
    const o = random.pick(choices)
    const start = random.int(previous.start + 9, dayNumber(`${w.year - 1}-10-01`))
    const closed = Math.min(start + random.int(30, 120), previous.end)
    history.push({
      id: w.id("n"),
      citizenId: p.citizen.id,
      offeringId: o.id,
      start: fromDayNumber(start),
      status: "completed",
      closedOn: fromDayNumber(closed),
    })
  }
  // Earlier enrollments come first, as an export sorted by start would have them.
  w.records.enrollments.unshift(...history)
}
