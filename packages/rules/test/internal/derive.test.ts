// The fact derivation made fast (parameters looked up once per period, day
// numbers without Date, one writer shared with the batch path) against the
// derivation it replaced, kept here verbatim as the reference: the same
// facts, the same parameters behind each fact, the same open inputs, for
// random subjects on random dates and for every question of a synthetic year.
import { Calendar, Policy } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Facts } from "../../src/Facts.js"
import { DatasetSubjects, InForce, PeriodLength, type Subject, SubjectFacts } from "../../src/index.js"
import type { Context, DatedParameter, Used } from "../../src/internal/derive.js"
import type { Open } from "../../src/internal/open.js"
import { loadTreeOrThrow, shippedPolicyDir } from "../../src/node/index.js"
import { subjectOnDate } from "../arbitraries.js"
import { fixture } from "../helpers.js"

const agesOn = (c: Subject.Subject["citizen"], date: string): ReadonlyArray<number | null> => {
  if (c === undefined) return [null]
  if (c.birthDate !== undefined) return [Calendar.ageOn(c.birthDate, date)]
  if (c.birthYear === undefined) return [null]
  const reached = Number(date.slice(0, 4)) - c.birthYear
  return date.endsWith("-12-31") ? [reached] : [reached, reached - 1]
}

const reference = <P extends DatedParameter>(subject: Subject.Subject, date: string, now: Context<P>) => {
  const c = subject.citizen
  const o = subject.offering === undefined ? undefined : now.offerings.get(subject.offering)
  const e = subject.enrollment
  const when: Policy.When = e === undefined ? { question: date } : { question: date, enrollmentStart: e.start }
  const used = new Map<string, Array<Used<P>>>()
  const use = (fact: string, name: string): Used<P> | undefined => {
    const parameter = now.policy.parameters.get(name)
    if (parameter === undefined) return undefined
    const at = Policy.dateFor(parameter.datedBy, when)
    let found = now.parameters.get(name)
    if (at !== date) {
      const entry = Policy.valueOn(parameter.values, at)
      found = entry === undefined ? undefined : { parameter, entry }
    }
    if (found === undefined) return undefined
    used.set(fact, [...(used.get(fact) ?? []), found])
    return found
  }
  const numberOf = (fact: string, name: string): number | null => {
    const v = use(fact, name)?.entry.value
    return typeof v === "number" ? v : null
  }
  const departments = c?.departments ?? []
  const limit = (fact: string, key: "sessions" | "weeks" | "sessionsPerWeek"): number | null =>
    o === undefined ? null : numberOf(fact, Policy.limitName(o.id, key))
  let transitionEnd: string | null = null
  if (o?.status.kind === "discontinued") {
    use("transitionEnd", "model.start")
    use("transitionEnd", "transition.duration")
    transitionEnd = Policy.transitionEnd(now.policy, { question: date }) ?? null
  }
  const extensionLimit = o?.category === "treatment" ? numberOf("extensionLimit", Policy.names.maxExtensions) : null
  let cohortEnd: string | null = null
  if (o !== undefined && e !== undefined) {
    const length = use("cohortEnd", Policy.limitName(o.id, "cohortLength"))?.entry.value
    if (typeof length === "string")
      cohortEnd = Calendar.addDays(PeriodLength.addTo(`${e.cohort ?? e.start.slice(0, 7)}-01`, length), -1)
  }
  const fit = subject.fit
  const proposal = subject.proposal
  const ages = agesOn(c, date)
  const facts: Facts = {
    date,
    age: ages[0] ?? null,
    citizenDepartments: departments,
    getsHelpFromUnit: departments.length > 0,
    healthyLifeCentre: c?.healthyLifeCentre ?? false,
    offering: o?.id ?? null,
    offeringCategory: o?.category ?? null,
    offeringDepartment: o?.operator.department ?? null,
    offeringStatus: o?.status.kind ?? null,
    offeringPriceNok: o?.priceNok ?? null,
    transitionEnd,
    hasReferral: subject.referral ?? false,
    jointMeetingHeld: subject.jointMeetingHeld ?? false,
    intakeRegistered: subject.intakeRegistered ?? false,
    applied: subject.applied ?? false,
    individualDecision: subject.individualDecision ?? false,
    newApplication: subject.newApplication ?? false,
    bindingRegistration: subject.bindingRegistration ?? false,
    enrolled: e !== undefined,
    sessionsUsed: e === undefined ? null : (e.sessionsUsed ?? 0),
    sessionsThisWeek: e === undefined ? null : (e.sessionsThisWeek ?? 0),
    periodWeek: e === undefined ? null : Math.floor(Calendar.daysBetween(e.periodStart ?? e.start, date) / 7) + 1,
    extensionsUsed: e === undefined ? null : (e.extensionsUsed ?? 0),
    extensionRequested: e?.extensionRequested ?? false,
    sessionLimit: limit("sessionLimit", "sessions"),
    weekLimit: limit("weekLimit", "weeks"),
    sessionsPerWeekLimit: limit("sessionsPerWeekLimit", "sessionsPerWeek"),
    extensionLimit,
    cohortEnd,
    activityStarted: e?.activityStarted ?? null,
    stillNeeded: e?.stillNeeded ?? null,
    movedToCommunity: e?.movedToCommunity ?? false,
    consecutiveNoShows: e?.consecutiveNoShows ?? 0,
    hasGoalEvaluation: e?.goalReached !== undefined,
    goalReached: e?.goalReached ?? null,
    hasFitScore: fit !== undefined,
    ors: fit?.ors ?? null,
    srs: fit?.srs ?? null,
    offTrack: fit?.offTrack ?? false,
    hasProposal: proposal !== undefined,
    proposalRequested: proposal?.requested ?? null,
    proposalDecision: proposal?.decision ?? null,
    proposalByDepartment: proposal?.byDepartment ?? null,
    proposalCategory: proposal?.category ?? null,
  }
  const open: Array<Open> = []
  if (ages.length > 1) open.push({ missing: "citizen.birthDate", options: ages.map((age) => ({ age })) })
  if (subject.jointMeetingHeld === undefined)
    open.push({ missing: "jointMeetingHeld", options: [{ jointMeetingHeld: false }, { jointMeetingHeld: true }] })
  return { facts, parameters: used, open }
}

// Key order too: facts are written out (receipts, the CLI) in catalogue order.
const same = (tree: ReturnType<typeof fixture>, subject: Subject.Subject, date: string) => {
  const now = InForce.on(tree, date)
  const got = SubjectFacts.of(subject, date, now)
  const want = reference(subject, date, now)
  expect(Object.keys(got.facts)).toEqual(Object.keys(want.facts))
  expect(got.facts).toEqual(want.facts)
  expect([...got.parameters]).toEqual([...want.parameters])
  expect(got.open).toEqual(want.open)
}

describe("fact derivation", () => {
  it("gives what the derivation it replaced gave, for random subjects and dates (property)", () => {
    const tree = fixture()
    fc.assert(
      fc.property(subjectOnDate, ({ subject, date }) => same(tree, subject, date)),
      { numRuns: 500 },
    )
  })

  it("gives what the derivation it replaced gave for a fit score or proposal that is null rather than left out (property)", () => {
    // A part given as null counts as given, with nothing in it; the fast
    // writer tests each part once, so both spellings of "none" are checked.
    const tree = fixture()
    const nulled = fc.tuple(subjectOnDate, fc.boolean(), fc.boolean()).map(([{ subject, date }, fit, proposal]) => ({
      subject: { ...subject, ...(fit ? { fit: null } : {}), ...(proposal ? { proposal: null } : {}) },
      date,
    }))
    fc.assert(
      fc.property(nulled, ({ subject, date }) => same(tree, subject as unknown as Subject.Subject, date)),
      { numRuns: 200 },
    )
  })

  it("gives what the derivation it replaced gave, for every question of a synthetic year on the shipped policy", () => {
    const tree = loadTreeOrThrow(shippedPolicyDir())
    const policy = InForce.policy(tree)
    for (const item of DatasetSubjects.of(generate({ policy, seed: 1, year: 2024 }), policy))
      same(tree, item.subject, item.date)
  })
})
