/**
 * Everyday activities (Mestringsenhetens modell for aktivitet §Hverdagsaktiviteter): weekly sessions at
 * fixed times run by the activity team and students, open to the unit's and
 * the healthy-life centre's citizens, long-term participation allowed. Karate
 * takes beginners at intakes and passes some on to the club after the first
 * grading; open training at Mudo passes some on to a membership; Pro-Service
 * places are applied for and have no sessions.
 *
 * @module
 */

import { dayNumber, fromDayNumber } from "../Calendar.js"
import type { Offering } from "../Offering.js"
import type { Session } from "../Session.js"
import { type Day, isHoliday, plusMonths, weekly, workday } from "./calendar.js"
import type { Random } from "./random.js"
import { type Ending, indexOnOrAfter, participate, type Schedule } from "./sessions.js"
import { mayJoin, type Person, type World, weightOf } from "./world.js"

/** Share of the unit's citizens who join everyday activities. */
export const everydayShare = 0.38
/** Share of healthy-life-centre-only citizens who join (they come for these offerings). */
const healthyLifeCentreJoinShare = 0.8
/** Months in which intake offerings (karate) start beginner groups. */
const intakeMonths = [1, 8] as const
/** Months until the first grading, after which karate beginners may join the club. */
const monthsToFirstGrading = 4
/** Share of intake participants who go on to the club after the first grading. */
const clubShare = 0.2
/** Share of open-training participants who take a membership. */
const membershipShare = 0.1
/** Share of participants who stop coming during the year. */
const withdrawnShare = 0.28

const offeringWeight: Readonly<Record<string, number>> = {
  sandneshallen: 3,
  "apen-trening-mudo": 3,
  helarsbading: 2,
  volleyball: 2,
  karategruppe: 1.2,
  lopegruppe: 2,
  "pro-service": 0.5,
}

/**
 * Weekly sessions for an offering inside its window, skipping the summer and
 * Christmas breaks, with one or two team members and, when students are
 * partners, up to three students.
 * @example
 * weeklySessions(world, random, offering, from, to, () => world.teamIds(random))
 * @category constructors
 */
export const weeklySessions: Schedule = (w, random, o, from, to, staff) => {
  const day = random.int(1, 5)
  const students = o.operator.partners.includes("students")
  return weekly(from, to, day, isHoliday).map((d) => w.session(o, d, staff(), students ? random.int(0, 3) : 0, 0))
}

const endingFor = (
  random: Random,
  o: Offering,
  sessions: ReadonlyArray<Session>,
  from: number,
): { ending: Ending; transition?: boolean } => {
  const start = dayNumber(sessions[from]!.date)
  const kind = o.continuation?.kind
  if (kind === "club" && random.chance(clubShare)) {
    const grading = indexOnOrAfter(sessions, plusMonths(start, monthsToFirstGrading))
    if (grading > from) return { ending: { kind: "completed", at: grading }, transition: true }
  } else if (kind === "membership" && random.chance(membershipShare)) {
    const at = from + random.int(6, 16)
    if (at < sessions.length) return { ending: { kind: "completed", at }, transition: true }
  }
  if (random.chance(withdrawnShare)) {
    const at = from + random.int(2, 30)
    if (at < sessions.length) return { ending: { kind: "withdrawn", at } }
  }
  return { ending: { kind: "ongoing" } }
}

const startIndex = (random: Random, o: Offering, sessions: ReadonlyArray<Session>): number => {
  if (o.access === "intake") {
    const year = sessions[0]?.date.slice(0, 4) ?? ""
    const intakes: Array<number> = []
    for (const m of intakeMonths) {
      const i = indexOnOrAfter(sessions, dayNumber(`${year}-${String(m).padStart(2, "0")}-01`))
      if (i >= 0 && Number(sessions[i]!.date.slice(5, 7)) === m) intakes.push(i)
    }
    return intakes.length === 0 ? -1 : random.pick(intakes)
  }
  // About a third have come since earlier years and turn up at the first session.
  return random.chance(0.35) ? 0 : random.int(0, Math.max(0, sessions.length - 2))
}

/** A placement without sessions (Pro-Service): applied for, usually ongoing. */
const placement = (w: World, random: Random, p: Person, o: Offering, from: Day, to: Day): void => {
  if (to - 7 < from) return
  const start = workday(random.int(from, to - 7))
  if (start > to) return
  const r = random.next()
  const close = start + random.int(30, 200)
  const ends = r < 0.2 && close <= to
  w.records.enrollments.push({
    id: w.id("n"),
    citizenId: p.citizen.id,
    offeringId: o.id,
    start: fromDayNumber(start),
    status: ends ? (r < 0.12 ? "completed" : "withdrawn") : "ongoing",
    ...(ends ? { closedOn: fromDayNumber(close) } : {}),
  })
}

/**
 * Generates the everyday offerings' sessions and participation.
 * @example
 * makeEveryday(world)
 * @category constructors
 */
export const makeEveryday = (w: World): void => {
  const random = w.random.fork("everyday")
  const offerings = w.catalogue.offerings.filter((o) => o.category === "everyday" && w.window(o) !== undefined)
  const schedule = new Map<string, Array<Session>>()
  for (const o of offerings) {
    const win = w.window(o)!
    if (o.schedule.frequency !== "ongoing")
      schedule.set(
        o.id,
        weeklySessions(w, random, o, win.from, win.to, () => w.teamIds(random, 2)),
      )
  }

  for (const p of w.people) {
    const open = offerings.filter((o) => mayJoin(p, o))
    if (open.length === 0) continue
    const share = p.unit ? everydayShare : healthyLifeCentreJoinShare
    if (!random.chance(share)) continue
    const n = random.chance(0.3) ? 2 : 1
    const chosen = new Set<Offering>()
    while (chosen.size < Math.min(n, open.length))
      chosen.add(random.weighted(open.map((o) => [o, weightOf(offeringWeight, o.id)] as const)))
    for (const o of chosen) {
      const sessions = schedule.get(o.id)
      if (sessions === undefined) {
        const win = w.window(o)!
        placement(w, random, p, o, win.from, win.to)
        continue
      }
      const from = startIndex(random, o, sessions)
      if (from < 0) continue
      const { ending, transition } = endingFor(random, o, sessions, from)
      const e = participate(w, random, p, o, sessions, from, ending)
      if (e !== undefined && transition === true && e.closedOn !== undefined && o.continuation !== undefined) {
        w.handOver({ ...e, closedOn: e.closedOn }, o.continuation)
      }
    }
  }
}
