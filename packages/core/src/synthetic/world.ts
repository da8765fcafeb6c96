/**
 * The generator's working state: the records built so far, record ids, the
 * staff roster and each citizen's hidden traits (attendance propensity).
 *
 * @module
 */

import { dayNumber, fromDayNumber } from "../Calendar.js"
import type { Catalogue } from "../Catalogue.js"
import type { Citizen } from "../Citizen.js"
import type { CommunityTransition } from "../CommunityTransition.js"
import type { Department, DepartmentId } from "../Department.js"
import type { Enrollment } from "../Enrollment.js"
import type { Episode } from "../Episode.js"
import type { Extension } from "../Extension.js"
import type { Feedback } from "../Feedback.js"
import type { FitScore } from "../FitScore.js"
import type { GoalEvaluation } from "../GoalEvaluation.js"
import type { JointMeeting } from "../JointMeeting.js"
import { type Offering, transitionEnd } from "../Offering.js"
import type { OfferingProposal } from "../OfferingProposal.js"
import * as Policy from "../Policy.js"
import type { Referral } from "../Referral.js"
import type { ResourceContribution } from "../ResourceContribution.js"
import type { Attendance, Session } from "../Session.js"
import type { Staff, StaffRole } from "../Staff.js"
import { type Day, yearBounds } from "./calendar.js"
import type { Random } from "./random.js"

/** One mutable array per entity, filled while generating. */
export interface Records {
  departments: Array<Department>
  offerings: Array<Offering>
  citizens: Array<Citizen>
  staff: Array<Staff>
  referrals: Array<Referral>
  jointMeetings: Array<JointMeeting>
  episodes: Array<Episode>
  enrollments: Array<Enrollment>
  sessions: Array<Session>
  attendance: Array<Attendance>
  extensions: Array<Extension>
  goalEvaluations: Array<GoalEvaluation>
  transitions: Array<CommunityTransition>
  fitScores: Array<FitScore>
  proposals: Array<OfferingProposal>
  contributions: Array<ResourceContribution>
  feedback: Array<Feedback>
}

/** A citizen and the traits the generator draws behaviour from. */
export interface Person {
  readonly citizen: Citizen
  /** Probability of being present at a booked session (0.6–0.95). */
  readonly propensity: number
  /** Gets help from at least one of the unit's departments. */
  readonly unit: boolean
}

/** How a citizen turned out for one session. */
export type AttendanceStatus = Attendance["status"]

/**
 * The state of one generation run.
 * @example
 * const w = new World(2024, Catalogue.sandnes(), new Random(1))
 * @category constructors
 */
export class World {
  readonly records: Records = {
    departments: [],
    offerings: [],
    citizens: [],
    staff: [],
    referrals: [],
    jointMeetings: [],
    episodes: [],
    enrollments: [],
    sessions: [],
    attendance: [],
    extensions: [],
    goalEvaluations: [],
    transitions: [],
    fitScores: [],
    proposals: [],
    contributions: [],
    feedback: [],
  }
  readonly people: Array<Person> = []
  /** First and last day of the year. */
  readonly start: Day
  readonly end: Day
  /** The department that hosts the activity team (RPHA in Sandnes). */
  readonly activityDepartment: DepartmentId
  private readonly counters = new Map<string, number>()
  private readonly roster = new Map<string, Array<Staff>>()

  constructor(
    readonly year: number,
    readonly catalogue: Catalogue,
    readonly policy: Policy.Policy,
    readonly random: Random,
  ) {
    const b = yearBounds(year)
    this.start = b.start
    this.end = b.end
    const votes = new Map<DepartmentId, number>()
    for (const o of catalogue.offerings) {
      if (o.operator.team === "activity-team")
        votes.set(o.operator.department, (votes.get(o.operator.department) ?? 0) + 1)
    }
    let best: DepartmentId | undefined
    for (const [d, n] of votes) if (best === undefined || n > (votes.get(best) ?? 0)) best = d
    const fallback = catalogue.departments[catalogue.departments.length - 1]?.id
    if (best === undefined && fallback === undefined) throw new Error("The catalogue has no departments")
    this.activityDepartment = (best ?? fallback) as DepartmentId
  }

  /** A fresh record id such as `n-2024-00017`. */
  /** The limits of an enrollment in `o` that starts on `start`, as the policy dates them. */
  limitsOf(o: Offering, start: Day): Policy.Limits {
    const day = fromDayNumber(start)
    return Policy.limits(this.policy, o, { question: day, enrollmentStart: day })
  }

  /** A number of the policy on `date` (the question's date). */
  number(name: string, date: string): number {
    return Policy.requireNumber(this.policy, name, { question: date })
  }

  /** The model's first day, as the policy in force at the end of the year gives it. */
  modelStart(): string {
    return Policy.requireDate(this.policy, Policy.names.modelStart, { question: fromDayNumber(this.end) })
  }

  id(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1
    this.counters.set(prefix, n)
    return `${prefix}-${this.year}-${String(n).padStart(5, "0")}`
  }

  /** Adds a staff member to the records and the roster. */
  addStaff(s: Staff): void {
    this.records.staff.push(s)
    for (const key of [s.role, `${s.role}@${s.department ?? ""}`]) {
      const list = this.roster.get(key)
      if (list === undefined) this.roster.set(key, [s])
      else list.push(s)
    }
  }

  /** Staff with a role, optionally in one department. */
  staffOf(role: StaffRole, department?: DepartmentId): ReadonlyArray<Staff> {
    return this.roster.get(department === undefined ? role : `${role}@${department}`) ?? []
  }

  /** The ids of one or two activity-team members (the activity lead when there are none). */
  teamIds(random: Random, max = 2): Array<string> {
    const team = this.staffOf("activity-team-member")
    const pool = team.length > 0 ? team : this.staffOf("activity-lead")
    return random.sample(pool, random.int(1, Math.max(1, Math.min(max, pool.length)))).map((s) => s.id)
  }

  /**
   * The days an offering runs this year: all year, or for a discontinued
   * offering only until its transition ends (and not at all once it has).
   */
  window(o: Offering): { readonly from: Day; readonly to: Day } | undefined {
    if (o.status.kind !== "discontinued") return { from: this.start, to: this.end }
    const last = transitionEnd(o, this.policy, fromDayNumber(this.end))
    if (last === undefined) return undefined
    const to = Math.min(dayNumber(last), this.end)
    return dayNumber(this.modelStart()) <= this.end && to >= this.start ? { from: this.start, to } : undefined
  }

  /** Records that a citizen who completed an enrollment went on to somewhere in the community. */
  handOver(
    e: Pick<Enrollment, "id" | "citizenId" | "offeringId"> & { readonly closedOn: string },
    to: Pick<CommunityTransition, "destination" | "kind">,
  ): void {
    this.records.transitions.push({
      id: this.id("t"),
      citizenId: e.citizenId,
      fromOfferingId: e.offeringId,
      enrollmentId: e.id,
      date: e.closedOn as CommunityTransition["date"],
      destination: to.destination,
      kind: to.kind,
    })
  }

  /** Records a session. */
  session(
    o: Offering,
    day: Day,
    staffIds: ReadonlyArray<string>,
    students = 0,
    volunteers = 0,
    cohort?: string,
  ): Session {
    const s: Session = {
      id: this.id("x"),
      offeringId: o.id,
      date: fromDayNumber(day),
      ...(cohort === undefined ? {} : { cohort }),
      staffIds: [...staffIds],
      students,
      volunteers,
    }
    this.records.sessions.push(s)
    return s
  }

  /** Records a citizen's attendance at a session. */
  attend(s: Session, enrollmentId: string, p: Person, status: AttendanceStatus): void {
    this.records.attendance.push({
      id: this.id("a"),
      sessionId: s.id,
      enrollmentId,
      citizenId: p.citizen.id,
      offeringId: s.offeringId,
      date: s.date,
      status,
    })
  }
}

/**
 * Present with the citizen's propensity; otherwise absent with notice (60 %)
 * or a no-show.
 * @example
 * attendanceStatus(random, 0.8)
 * @category constructors
 */
export const attendanceStatus = (random: Random, propensity: number): AttendanceStatus =>
  random.chance(propensity) ? "present" : random.chance(0.6) ? "absent" : "no-show"

/**
 * A weight for an offering id, from a table of Sandnes' offerings; offerings
 * the table does not know (another municipality's catalogue) weigh `fallback`.
 * @example
 * weightOf({ turgruppe: 2 }, "turgruppe") // 2
 * @category constructors
 */
export const weightOf = (table: Readonly<Record<string, number>>, id: string, fallback = 1): number =>
  table[id] ?? fallback

/**
 * Whether a person may join an offering, by its audience.
 * @example
 * mayJoin(person, offering)
 * @category predicates
 */
export const mayJoin = (p: Person, o: Offering): boolean =>
  o.audience === "own-department"
    ? p.citizen.departments.includes(o.operator.department)
    : o.audience === "unit"
      ? p.unit
      : p.unit || p.citizen.healthyLifeCentre
