/**
 * FIT scores for treatment sessions: ORS (outcome) and SRS (session) forms of
 * four items 0–10 with one decimal. Items are drawn as whole tenths so that
 * `total` is exactly their sum, with no floating-point drift.
 *
 * @module
 */

import { fromDayNumber } from "../Calendar.js"
import type { FitScore } from "../FitScore.js"
import type { Pseudonym } from "../Pseudonym.js"
import type { Day } from "./calendar.js"
import type { Random } from "./random.js"
import type { World } from "./world.js"

/**
 * Splits a total in tenths (0–400) into four items of 0–100 tenths each,
 * unevenly, as four marks on a line would be.
 * @example
 * splitTenths(random, 195) // e.g. [52, 41, 55, 47]
 * @category constructors
 */
export const splitTenths = (random: Random, total: number): [number, number, number, number] => {
  const t = Math.max(0, Math.min(400, Math.round(total)))
  const items: [number, number, number, number] = [0, 0, 0, 0]
  const base = Math.floor(t / 4)
  for (let i = 0; i < 4; i++) items[i] = base + (i < t - base * 4 ? 1 : 0)
  for (let k = 0; k < 6; k++) {
    const from = random.int(0, 3)
    const to = random.int(0, 3)
    if (from === to) continue
    const d = Math.min(random.int(0, 15), items[from]!, 100 - items[to]!)
    items[from]! -= d
    items[to]! += d
  }
  return items
}

/** One citizen's ORS course through a treatment: a start level and a trend per attended session. */
export interface OrsCourse {
  readonly start: number
  readonly slope: number
}

/**
 * An ORS course: first total about 19 ± 6; most improve about one point per
 * session, some (≈15 %) deteriorate.
 * @example
 * orsCourse(random).start
 * @category constructors
 */
export const orsCourse = (random: Random): OrsCourse => ({
  start: Math.min(36, Math.max(3, random.normal(19, 6))),
  slope: random.chance(0.15) ? random.normal(-0.6, 0.4) : random.normal(1.1, 0.6),
})

const form = (
  w: World,
  random: Random,
  citizenId: Pseudonym,
  enrollmentId: string,
  day: Day,
  instrument: FitScore["instrument"],
  tenths: number,
): FitScore => {
  const items = splitTenths(random, tenths)
  const sum = items[0] + items[1] + items[2] + items[3]
  return {
    id: w.id("o"),
    citizenId,
    enrollmentId,
    date: fromDayNumber(day),
    instrument,
    items: [items[0] / 10, items[1] / 10, items[2] / 10, items[3] / 10],
    total: sum / 10,
  }
}

/**
 * Records the ORS and SRS forms of the `n`-th attended session (0-based).
 * SRS totals are mostly 36–40; about 10 % fall below the alert level of 36.
 * @example
 * recordFit(world, random, course, citizenId, "n-2024-00001", day, 0)
 * @category constructors
 */
export const recordFit = (
  w: World,
  random: Random,
  course: OrsCourse,
  citizenId: Pseudonym,
  enrollmentId: string,
  day: Day,
  n: number,
): void => {
  const ors = course.start + course.slope * n + random.normal(0, 1.5)
  w.records.fitScores.push(
    form(w, random, citizenId, enrollmentId, day, "ORS", Math.round(Math.min(40, Math.max(0, ors)) * 10)),
  )
  const srs = random.chance(0.1) ? random.int(250, 359) : random.int(360, 400)
  w.records.fitScores.push(form(w, random, citizenId, enrollmentId, day, "SRS", srs))
}
