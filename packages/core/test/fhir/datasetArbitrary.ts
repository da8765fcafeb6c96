// Small random municipality-years for the FHIR round trip. Ids of records that
// others refer to come from small pools, so most references point inside the
// bundle; a reference is sometimes drawn fresh, so some point outside it
// (and travel by identifier). Field values come from ../arbitraries.ts where
// it has an arbitrary for the entity.
import * as fc from "fast-check"
import type { Dataset } from "../../src/index.js"
import * as A from "../arbitraries.js"

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
// fc.record leaves out keys whose arbitrary gave undefined only with requiredKeys; strip them here instead.
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
// -0 survives JSON as 0; the model has no use for it.
const noNegativeZero = (n: number) => (n === 0 ? 0 : n)
const month = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`)

interface Pools {
  departments: Array<string>
  offerings: Array<string>
  citizens: Array<string>
  staff: Array<string>
  referrals: Array<string>
  jointMeetings: Array<string>
  enrollments: Array<string>
  sessions: Array<string>
}

const pools: fc.Arbitrary<Pools> = fc.record({
  departments: fc.uniqueArray(A.slug, { maxLength: 3 }),
  offerings: fc.uniqueArray(A.slug, { maxLength: 3 }),
  citizens: fc.uniqueArray(A.pseudonym, { maxLength: 4 }),
  staff: fc.uniqueArray(A.recordId, { maxLength: 3 }),
  referrals: fc.uniqueArray(A.recordId, { maxLength: 3 }),
  jointMeetings: fc.uniqueArray(A.recordId, { maxLength: 2 }),
  enrollments: fc.uniqueArray(A.recordId, { maxLength: 4 }),
  sessions: fc.uniqueArray(A.recordId, { maxLength: 3 }),
})

const each = <T>(ids: ReadonlyArray<string>, record: (id: string) => fc.Arbitrary<T>): fc.Arbitrary<Array<T>> =>
  ids.length === 0 ? fc.constant([]) : fc.tuple(...ids.map(record))

const build = (p: Pools): fc.Arbitrary<Dataset.Dataset> => {
  const pick = (pool: ReadonlyArray<string>, fresh: fc.Arbitrary<string>) =>
    pool.length === 0
      ? fresh
      : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fresh })
  const dept = pick(p.departments, A.slug)
  const offeringId = pick(p.offerings, A.slug)
  const citizenId = pick(p.citizens, A.pseudonym)
  const staffId = pick(p.staff, A.recordId)
  const referralId = pick(p.referrals, A.recordId)
  const enrollmentId = pick(p.enrollments, A.recordId)
  const sessionId = pick(p.sessions, A.recordId)
  const category = fc.constantFrom("treatment", "everyday", "participation", "department")

  const department = (id: string) => fc.record({ id: fc.constant(id), name: fc.record({ nb: A.text, en: A.text }) })
  const status = fc.oneof(
    fc.constant({ kind: "active" }),
    fc.record({
      kind: fc.constant("transferred"),
      effective: A.isoDate,
      from: fc.oneof(fc.constant("all-departments"), fc.array(dept, { maxLength: 3 })),
      to: dept,
    }),
    fc.record({ kind: fc.constant("discontinued"), formerOperator: dept }),
  )
  const offering = (id: string) =>
    fc
      .record({
        id: fc.constant(id),
        name: fc.record({ nb: A.text, en: A.text }),
        description: A.text,
        category,
        operator: fc.record({
          department: dept,
          team: fc.constantFrom("activity-team", "department"),
          partners: fc.array(fc.constantFrom("students", "blue-cross", "peer-support-workers"), { maxLength: 3 }),
        }),
        format: fc.constantFrom("individual", "group"),
        access: fc.constantFrom(
          "open",
          "referral",
          "intake",
          "application",
          "binding-registration",
          "individual-decision",
        ),
        audience: fc.constantFrom("unit", "unit-or-healthy-life-centre", "own-department"),
        location: opt(A.text),
        schedule: fc
          .record({
            frequency: fc.constantFrom("weekly", "monthly-cohort", "per-plan", "course", "ongoing", "occasional"),
            note: opt(A.text),
          })
          .map(defined),
        endsWhen: opt(fc.constantFrom("activity-started", "no-longer-needed")),
        priceNok: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1_000_000, noNaN: true }).map(noNegativeZero)),
        continuation: opt(
          fc
            .record({
              destination: A.text,
              kind: fc.constantFrom("club", "membership", "community-offering"),
              after: opt(A.text),
            })
            .map(defined),
        ),
        status,
        seed: fc.record({ document: A.text, section: A.text }),
      })
      .map(defined)
  const citizen = (id: string) =>
    fc.tuple(A.citizen, fc.array(dept, { maxLength: 3 })).map(([c, departments]) => ({ ...c, id, departments }))
  const staff = (id: string) =>
    fc
      .record({
        id: fc.constant(id),
        role: fc.constantFrom(
          "activity-lead",
          "therapist",
          "activity-team-member",
          "peer-support-worker",
          "student",
          "volunteer",
          "department-staff",
        ),
        department: opt(dept),
        organisation: opt(A.text),
      })
      .map(defined)
  const referral = (id: string) =>
    fc
      .tuple(A.referral, citizenId, staffId, offeringId)
      .map(([r, c, s, o]) => ({ ...r, id, citizenId: c, therapistId: s, offeringId: o }))
  const jointMeeting = (id: string) =>
    fc.record({
      id: fc.constant(id),
      referralId,
      citizenId,
      therapistId: staffId,
      teamMemberId: staffId,
      date: A.isoDate,
      goal: fc.record({ text: A.text, measure: opt(A.text) }).map(defined),
    })
  const enrollment = (id: string) =>
    fc
      .tuple(A.enrollment, citizenId, offeringId, referralId)
      .map(([n, c, o, r]) =>
        defined({ ...n, id, citizenId: c, offeringId: o, referralId: n.referralId === undefined ? undefined : r }),
      )
  const session = (id: string) =>
    fc
      .record({
        id: fc.constant(id),
        offeringId,
        date: A.isoDate,
        cohort: opt(month),
        staffIds: fc.array(staffId, { maxLength: 3 }),
        students: fc.integer({ min: 0, max: 100 }),
        volunteers: fc.integer({ min: 0, max: 100 }),
      })
      .map(defined)

  const few = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 })
  return (
    fc
      .record({
        year: fc.integer({ min: 2000, max: 2100 }),
        departments: each(p.departments, department),
        offerings: each(p.offerings, offering),
        citizens: each(p.citizens, citizen),
        staff: each(p.staff, staff),
        referrals: each(p.referrals, referral),
        jointMeetings: each(p.jointMeetings, jointMeeting),
        episodes: few(fc.record({ id: A.recordId, referralId, citizenId, therapistId: staffId, date: A.isoDate })),
        enrollments: each(p.enrollments, enrollment),
        sessions: each(p.sessions, session),
        attendance: few(
          fc.tuple(A.attendance, sessionId, enrollmentId, citizenId, offeringId).map(([a, s, n, c, o]) => ({
            ...a,
            sessionId: s,
            enrollmentId: n,
            citizenId: c,
            offeringId: o,
          })),
        ),
        extensions: few(fc.record({ id: A.recordId, enrollmentId, date: A.isoDate, newEnd: A.isoDate })),
        goalEvaluations: few(
          fc.record({
            id: A.recordId,
            enrollmentId,
            therapistId: staffId,
            date: A.isoDate,
            goalReached: fc.constantFrom("yes", "partly", "no"),
            decision: fc.constantFrom("completed", "extend", "other-measures"),
          }),
        ),
        transitions: few(
          fc
            .record({
              id: A.recordId,
              citizenId,
              fromOfferingId: opt(offeringId),
              enrollmentId: opt(enrollmentId),
              date: A.isoDate,
              destination: A.text,
              kind: fc.constantFrom(
                "club",
                "membership",
                "community-offering",
                "volunteer-organisation",
                "work",
                "other",
              ),
            })
            .map(defined),
        ),
        fitScores: few(
          fc
            .tuple(A.fitScore, citizenId, opt(enrollmentId))
            .map(([f, c, n]) => defined({ ...f, citizenId: c, enrollmentId: n })),
        ),
        proposals: few(
          fc
            .record({
              id: A.recordId,
              title: A.text,
              date: A.isoDate,
              proposedBy: staffId,
              proposedByDepartment: opt(dept),
              category,
              requested: fc.boolean(),
              decision: opt(
                fc
                  .record({ date: A.isoDate, outcome: fc.constantFrom("approved", "declined"), reason: opt(A.text) })
                  .map(defined),
              ),
              escalation: opt(
                fc.record({
                  date: A.isoDate,
                  to: fc.constantFrom("extended-leadership-group", "activity-lead"),
                  outcome: fc.constantFrom("pending", "approved", "declined"),
                }),
              ),
            })
            .map(defined),
        ),
        contributions: few(
          fc.tuple(A.contribution, dept, opt(staffId)).map(([c, d, s]) =>
            defined({
              ...c,
              department: d,
              sharePercent: noNegativeZero(c.sharePercent),
              staffId: c.staffId === undefined ? undefined : s,
            }),
          ),
        ),
        feedback: few(
          fc
            .tuple(A.feedback, opt(offeringId))
            .map(([f, o]) => defined({ ...f, offeringId: f.offeringId === undefined ? undefined : o })),
        ),
      })
      // fast-check builds records without a prototype; the import builds plain objects.
      .map((d) => structuredClone(d) as unknown as Dataset.Dataset)
  )
}

/** A small random municipality-year whose records pass the schemas. */
export const dataset: fc.Arbitrary<Dataset.Dataset> = pools.chain(build)
