/**
 * Help to take part in society (Mestringsenhetens modell for aktivitet §Hjelp til å bli mer deltagende i
 * samfunnet): Recoveryhjelpa's peer-support workers help until the citizen has
 * started an activity; Inkludert's Blå Kors time-givers help as long as it is
 * needed; Aktivitetskontakt is given by individual decision to those who
 * already have one (new applications are granted as Recoveryhjelpa).
 *
 * @module
 */
import type { CommunityTransition } from "../CommunityTransition.js"
import type { Offering } from "../Offering.js"
import type { Session } from "../Session.js"
import { type Day, workday } from "./calendar.js"
import type { Random } from "./random.js"
import { type Ending, participate } from "./sessions.js"
import { communityDestinations } from "./treatment.js"
import { mayJoin, type Person, type World } from "./world.js"

/** Share of citizens per kind of participation help. */
export const participationShare = {
  "activity-started": 0.1,
  "no-longer-needed": 0.05,
  "individual-decision": 0.02,
  other: 0.03,
} as const

type Kind = keyof typeof participationShare

const kindOf = (o: Offering): Kind =>
  o.endsWhen ?? (o.access === "individual-decision" ? "individual-decision" : "other")

/** Where citizens go once they have started an activity, by kind of transition. */
const startedDestinations: ReadonlyArray<readonly [CommunityTransition["kind"], ReadonlyArray<string>, number]> = [
  ["community-offering", communityDestinations, 0.5],
  ["club", ["Lokalt idrettslag", "Sandnes Sjakklubb", "Sykkelklubb"], 0.2],
  ["volunteer-organisation", ["Frivilligsentralen", "Røde Kors", "Kirkens Bymisjon"], 0.15],
  ["work", ["Arbeidstrening", "Deltidsjobb"], 0.15],
]

const transitionTo = (random: Random): { kind: CommunityTransition["kind"]; destination: string } => {
  const [kind, places] = random.weighted(startedDestinations.map((d) => [d, d[2]] as const))
  return { kind, destination: random.pick(places) }
}

/** Meeting days from `start`, every `gap()` days, up to `until`; the last one is `until` itself when `closeOnLast`. */
const meetingDays = (start: Day, until: Day, gap: () => number, closeOnLast: boolean): Array<Day> => {
  const out: Array<Day> = []
  for (let d = start; d < until || (!closeOnLast && d === until); d = workday(d + gap())) out.push(d)
  if (closeOnLast && (out.length === 0 || out[out.length - 1]! < until)) out.push(until)
  return out
}

const helpers = (w: World, o: Offering): ReadonlyArray<string> => {
  const peers = o.operator.partners.includes("peer-support-workers") ? w.staffOf("peer-support-worker") : []
  const pool = peers.length > 0 ? peers : w.staffOf("activity-team-member")
  return pool.map((s) => s.id)
}

const sessionsFor = (
  w: World,
  random: Random,
  o: Offering,
  days: ReadonlyArray<Day>,
  helper: string | undefined,
): Array<Session> => {
  const blueCross = o.operator.partners.includes("blue-cross")
  return days.map((d) => {
    const staff = helper === undefined ? [] : blueCross ? (random.chance(0.3) ? [helper] : []) : [helper]
    return w.session(o, d, staff, 0, blueCross ? random.int(1, 2) : 0)
  })
}

const join = (w: World, random: Random, p: Person, o: Offering, kind: Kind, from: Day, to: Day): void => {
  const pool = helpers(w, o)
  const helper = pool.length === 0 ? undefined : random.pick(pool)
  let start: Day
  let until: Day
  let ending: Ending["kind"]
  let gap: () => number
  switch (kind) {
    case "activity-started": {
      // Lasts until the citizen has started an activity: 3–16 weeks.
      start = workday(random.int(from, Math.max(from, to - 14)))
      until = workday(start + 7 * random.int(3, 16))
      ending = "completed"
      gap = () => random.int(5, 10)
      break
    }
    case "individual-decision": {
      // Existing decisions continue from the start of the year.
      start = workday(from + random.int(1, 20))
      const stops = random.chance(0.2)
      until = stops ? workday(start + random.int(60, 300)) : to + 1
      ending = stops ? "completed" : "ongoing"
      gap = () => random.int(12, 16)
      break
    }
    default: {
      // As long as the citizen wants or needs it.
      start = workday(random.int(from, Math.max(from, to - 14)))
      const stops = random.chance(0.55)
      until = stops ? workday(start + 7 * random.int(8, 40)) : to + 1
      ending = stops ? (random.chance(0.65) ? "completed" : "withdrawn") : "ongoing"
      gap = () => random.int(6, 9)
    }
  }
  if (start > to) return
  if (until > to) {
    until = to
    ending = "ongoing"
  }
  const days = meetingDays(start, until, gap, ending === "completed")
  if (days.length === 0) return
  const sessions = sessionsFor(w, random, o, days, helper)
  const e = participate(
    w,
    random,
    p,
    o,
    sessions,
    0,
    ending === "ongoing" ? { kind: "ongoing" } : { kind: ending, at: sessions.length - 1 },
  )
  if (e === undefined || e.status !== "completed" || e.closedOn === undefined) return
  if (kind === "activity-started" || random.chance(0.3)) {
    w.handOver({ ...e, closedOn: e.closedOn }, transitionTo(random))
  }
}

/**
 * Generates participation help for about 10 % (Recoveryhjelpa), 5 % (Inkludert)
 * and 2 % (Aktivitetskontakt) of the citizens.
 * @example
 * makeParticipation(world)
 * @category constructors
 */
export const makeParticipation = (w: World): void => {
  const random = w.random.fork("participation")
  const offerings = w.catalogue.offerings.filter((o) => o.category === "participation" && w.window(o) !== undefined)
  const unitShare = Math.max(0.01, w.people.filter((p) => p.unit).length / Math.max(1, w.people.length))
  for (const o of offerings) {
    const kind = kindOf(o)
    const win = w.window(o)!
    for (const p of w.people) {
      if (mayJoin(p, o) && random.chance(participationShare[kind] / unitShare))
        join(w, random, p, o, kind, win.from, win.to)
    }
  }
}
