// fast-check arbitraries for small, messy municipality-years: few citizens,
// a handful of offerings across categories (one of them reported to KPR),
// dates spilling over the year's edges, records that point nowhere.
// Indicators must cope with all of it.

import type { Dataset } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { p, year } from "./helpers.js"

const offerings = [
  "individuell-trening-mudo",
  "mindfull-restorative-yoga",
  "sandneshallen",
  "karategruppe",
  "recoveryhjelpa",
  "inkludert",
  "baltur-rpha",
  "aktivitetskontakt",
] as const
const offering = fc.constantFrom(...offerings)
const citizen = fc.integer({ min: 1, max: 8 })
// Mostly 2024, sometimes the neighbouring years.
const date = fc
  .oneof(
    {
      weight: 8,
      arbitrary: fc.date({
        min: new Date("2024-01-01T00:00:00Z"),
        max: new Date("2024-12-31T00:00:00Z"),
        noInvalidDate: true,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.date({
        min: new Date("2023-10-01T00:00:00Z"),
        max: new Date("2025-02-28T00:00:00Z"),
        noInvalidDate: true,
      }),
    },
  )
  .map((d) => d.toISOString().slice(0, 10))

const enrollment = fc.record({
  citizen,
  offeringId: offering,
  start: date,
  length: fc.integer({ min: 0, max: 120 }),
  status: fc.constantFrom("ongoing", "completed", "withdrawn"),
  closed: fc.boolean(),
  referred: fc.boolean(),
  referralLead: fc.integer({ min: 0, max: 40 }),
})

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** A small random municipality-year (2024). */
export const dataset: fc.Arbitrary<Dataset.Dataset> = fc
  .record({
    enrollments: fc.array(enrollment, { maxLength: 14 }),
    attendance: fc.array(
      fc.record({
        e: fc.nat(),
        offset: fc.integer({ min: -3, max: 60 }),
        status: fc.constantFrom("present", "present", "absent", "no-show"),
      }),
      { maxLength: 40 },
    ),
    sessions: fc.array(
      fc.record({
        offeringId: offering,
        date,
        students: fc.integer({ min: 0, max: 3 }),
        volunteers: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 12 },
    ),
    extensions: fc.array(fc.record({ e: fc.nat(), offset: fc.integer({ min: 0, max: 40 }) }), { maxLength: 4 }),
    evaluations: fc.array(
      fc.record({
        e: fc.nat(),
        offset: fc.integer({ min: 0, max: 60 }),
        goalReached: fc.constantFrom("yes", "partly", "no"),
      }),
      { maxLength: 8 },
    ),
    transitions: fc.array(
      fc.record({ e: fc.nat(), citizen, linked: fc.constantFrom("offering", "enrollment", "none"), date }),
      { maxLength: 6 },
    ),
    fit: fc.array(
      fc.record({
        citizen,
        e: fc.option(fc.nat(), { nil: undefined }),
        date,
        instrument: fc.constantFrom("ORS", "SRS"),
        total: fc.integer({ min: 0, max: 400 }).map((t) => t / 10),
      }),
      { maxLength: 20 },
    ),
    feedback: fc.array(
      fc.record({
        source: fc.constantFrom("employee", "citizen", "experience-council"),
        date,
        rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        offeringId: fc.option(offering, { nil: undefined }),
      }),
      { maxLength: 8 },
    ),
    contributions: fc.array(
      fc.record({
        department: fc.constantFrom("psykisk-helse", "rus-og-avhengighet", "rpha"),
        from: date,
        days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        sharePercent: fc.constantFrom(10, 20),
        form: fc.constantFrom("lent-position", "transferred-budget-post"),
      }),
      { maxLength: 4 },
    ),
  })
  .map((r) => {
    const enrollments = r.enrollments.map((e, i) => {
      const end = addDays(e.start, e.length)
      return {
        id: `n-${i}`,
        citizenId: p(e.citizen),
        offeringId: e.offeringId,
        start: e.start,
        end,
        status: e.status,
        ...(e.status !== "ongoing" && e.closed ? { closedOn: end } : {}),
        ...(e.referred ? { referralId: `r-${i}` } : {}),
      }
    })
    const referrals = r.enrollments.flatMap((e, i) =>
      e.referred
        ? [
            {
              id: `r-${i}`,
              citizenId: p(e.citizen),
              therapistId: "s-1",
              offeringId: e.offeringId,
              date: addDays(e.start, -e.referralLead),
            },
          ]
        : [],
    )
    const pick = (k: number) => enrollments[k % Math.max(1, enrollments.length)]
    const attendance =
      enrollments.length === 0
        ? []
        : r.attendance.map((a, i) => {
            const e = pick(a.e)!
            const d = addDays(e.start, a.offset)
            return {
              id: `a-${i}`,
              sessionId: `x-${e.offeringId}-${d}`,
              enrollmentId: e.id,
              citizenId: e.citizenId,
              offeringId: e.offeringId,
              date: d,
              status: a.status,
            }
          })
    const extensions =
      enrollments.length === 0
        ? []
        : r.extensions.map((x, i) => ({
            id: `f-${i}`,
            enrollmentId: pick(x.e)!.id,
            date: addDays(pick(x.e)!.start, x.offset),
            newEnd: addDays(pick(x.e)!.start, x.offset + 28),
          }))
    const goalEvaluations =
      enrollments.length === 0
        ? []
        : r.evaluations.map((g, i) => ({
            id: `g-${i}`,
            enrollmentId: pick(g.e)!.id,
            therapistId: "s-1",
            date: addDays(pick(g.e)!.start, g.offset),
            goalReached: g.goalReached,
            decision: "completed",
          }))
    const transitions = r.transitions.map((t, i) => {
      const e = pick(t.e)
      const link =
        e === undefined
          ? {}
          : t.linked === "offering"
            ? { fromOfferingId: e.offeringId }
            : t.linked === "enrollment"
              ? { enrollmentId: e.id }
              : {}
      return {
        id: `t-${i}`,
        citizenId: e !== undefined && t.linked !== "none" ? e.citizenId : p(t.citizen),
        date: t.date,
        destination: "Klubb",
        kind: "club",
        ...link,
      }
    })
    const fitScores = r.fit.map((f, i) => ({
      id: `o-${i}`,
      citizenId: p(f.citizen),
      ...(f.e === undefined || enrollments.length === 0 ? {} : { enrollmentId: pick(f.e)!.id }),
      date: f.date,
      instrument: f.instrument,
      items: [f.total / 4, f.total / 4, f.total / 4, f.total / 4],
      total: f.total,
    }))
    const sessions = r.sessions.map((s, i) => ({
      id: `x-${i}`,
      offeringId: s.offeringId,
      date: s.date,
      staffIds: ["s-1"],
      students: s.students,
      volunteers: s.volunteers,
    }))
    const feedback = r.feedback.map((f, i) => ({
      id: `b-${i}`,
      source: f.source,
      date: f.date,
      theme: "tema",
      ...(f.rating === undefined ? {} : { rating: f.rating }),
      ...(f.offeringId === undefined ? {} : { offeringId: f.offeringId }),
    }))
    const contributions = r.contributions.map((c, i) => ({
      id: `c-${i}`,
      department: c.department,
      from: c.from,
      ...(c.days === undefined ? {} : { to: addDays(c.from, c.days) }),
      sharePercent: c.sharePercent,
      form: c.form,
    }))
    return year({
      enrollments,
      referrals,
      attendance,
      sessions,
      extensions,
      goalEvaluations,
      transitions,
      fitScores,
      feedback,
      contributions,
    })
  })
