/**
 * Departments' own groups (Mestringsenhetens modell for aktivitet §Egne grupper i avdelingene): occasional
 * sessions, about monthly, run by the department's staff for its own
 * citizens. In the model's first year (2023) also the discontinued groups,
 * which run only until their transition ends (Mestringsenhetens modell for aktivitet §Endringer av
 * eksisterende tilbud) and hand their participants over to the community.
 *
 * @module
 */

import { dayNumber } from "../Calendar.js"
import type { Offering } from "../Offering.js"
import type { Session } from "../Session.js"
import { isHoliday, weekly, workday } from "./calendar.js"
import type { Random } from "./random.js"
import { participate, type Schedule } from "./sessions.js"
import { communityDestinations } from "./treatment.js"
import { mayJoin, type World } from "./world.js"

/** Share of a department's citizens who join each of its occasional groups. */
const occasionalJoinShare = 0.04
/** Share of a department's citizens who were in each discontinued weekly group. */
const discontinuedJoinShare = 0.03
/** Share of a discontinued group's participants helped over to a community offering. */
const handedOverShare = 0.5

const staffFor = (w: World, random: Random, o: Offering): (() => Array<string>) => {
  const own = w.staffOf("department-staff", o.operator.department)
  const pool = own.length > 0 ? own : w.staffOf("therapist", o.operator.department)
  return () => (pool.length === 0 ? [] : random.sample(pool, random.int(1, Math.min(2, pool.length))).map((s) => s.id))
}

/** About one session a month on a working day, with no session in July. */
const monthlySessions: Schedule = (w, random, o, from, to, staff) => {
  const out: Array<Session> = []
  for (let m = 1; m <= 12; m++) {
    if (m === 7) continue
    const first = dayNumber(`${w.year}-${String(m).padStart(2, "0")}-01`)
    const last = m === 12 ? w.end : dayNumber(`${w.year}-${String(m + 1).padStart(2, "0")}-01`) - 1
    const lo = Math.max(first, from)
    const hi = Math.min(last, to)
    if (lo > hi) continue
    const d = workday(random.int(lo, hi))
    if (d <= hi) out.push(w.session(o, d, staff()))
  }
  return out
}

/**
 * Generates the department groups' sessions and participation.
 * @example
 * makeDepartmentGroups(world)
 * @category constructors
 */
export const makeDepartmentGroups = (w: World): void => {
  const random = w.random.fork("departments")
  for (const o of w.catalogue.offerings) {
    if (o.category !== "department") continue
    const win = w.window(o)
    if (win === undefined) continue
    const discontinued = o.status.kind === "discontinued"
    const staff = staffFor(w, random, o)
    const sessions =
      o.schedule.frequency === "weekly" || discontinued
        ? weekly(win.from, win.to, random.int(1, 5), isHoliday).map((d) => w.session(o, d, staff()))
        : monthlySessions(w, random, o, win.from, win.to, staff)
    if (sessions.length === 0) continue
    const share = discontinued ? discontinuedJoinShare : occasionalJoinShare
    for (const p of w.people) {
      if (!mayJoin(p, o) || !random.chance(share)) continue
      if (discontinued) {
        // Participants from before the model; the group ends with the transition.
        const from = random.chance(0.8) ? 0 : random.int(0, Math.min(3, sessions.length - 1))
        const leaves = random.chance(0.15)
        const e = participate(
          w,
          random,
          p,
          o,
          sessions,
          from,
          leaves
            ? { kind: "withdrawn", at: random.int(from, sessions.length - 1) }
            : { kind: "completed", at: sessions.length - 1 },
        )
        if (e?.status === "completed" && e.closedOn !== undefined && random.chance(handedOverShare)) {
          w.handOver(
            { ...e, closedOn: e.closedOn },
            { destination: random.pick(communityDestinations), kind: "community-offering" },
          )
        }
      } else {
        const from = random.chance(0.4) ? 0 : random.int(0, sessions.length - 1)
        const leaves = random.chance(0.2) && from < sessions.length - 1
        participate(
          w,
          random,
          p,
          o,
          sessions,
          from,
          leaves ? { kind: "withdrawn", at: random.int(from + 1, sessions.length - 1) } : { kind: "ongoing" },
          {
            presence: Math.max(0.5, p.propensity - 0.1),
          },
        )
      }
    }
  }
}
