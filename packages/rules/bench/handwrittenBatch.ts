// The batch baseline: a hand-written loop that derives each subject's facts
// itself, into one reused object, runs the hand-written rule function
// (handwritten.ts) on them and writes one row of codes per subject, 3 where
// a value the subject leaves open (the age from a birth year alone, the
// joint meeting) changes the answer. The policy's values are read from the
// tree once, before any subject, as a program written for this policy would
// hold them; nothing is looked up by name per subject.
import { Calendar } from "@aktivitetsmodell/core"
import type { Facts } from "../src/Facts.js"
import { InForce, PeriodLength, type PolicyTree, type Subject } from "../src/index.js"
import { dayNumber } from "../src/internal/dayNumber.js"
import { handWritten, ids } from "./handwritten.js"

type Dated = {
  readonly enrollmentStart: boolean
  readonly values: ReadonlyArray<{ from: string; value: number | string }>
}
interface OfferingRow {
  readonly id: string
  readonly category: string
  readonly department: string
  readonly status: string
  readonly price: number
  readonly sessions: Dated | undefined
  readonly weeks: Dated | undefined
  readonly perWeek: Dated | undefined
  readonly cohortLength: Dated | undefined
}

const valueAt = (p: Dated | undefined, start: string | undefined, date: string): number | string | undefined => {
  if (p === undefined) return undefined
  const at = p.enrollmentStart && start !== undefined ? start : date
  let v: number | string | undefined
  for (const e of p.values) {
    if (e.from <= at) v = e.value
    else break
  }
  return v
}
const num = (v: number | string | undefined): number | null => (typeof v === "number" ? v : null)

/** The hand-written batch for `tree` on `date`. */
export const handWrittenBatch = (tree: PolicyTree.Tree, date: string) => {
  const now = InForce.on(tree, date)
  const policy = InForce.policy(tree)
  const dated = (name: string): Dated | undefined => {
    const p = policy.parameters.get(name)
    return p === undefined ? undefined : { enrollmentStart: p.datedBy === "enrollment-start", values: p.values }
  }
  const offerings = new Map<string, OfferingRow>()
  for (const [id, o] of now.offerings)
    offerings.set(id, {
      id,
      category: o.category,
      department: o.operator.department,
      status: o.status.kind,
      price: o.priceNok,
      sessions: dated(`offerings.${id}.sessions`),
      weeks: dated(`offerings.${id}.weeks`),
      perWeek: dated(`offerings.${id}.sessions-per-week`),
      cohortLength: dated(`offerings.${id}.cohort-length`),
    })
  const maxExtensions = dated("treatment.max-extensions")
  const transitionEnd = (() => {
    const start = valueAt(dated("model.start"), undefined, date)
    const length = valueAt(dated("transition.duration"), undefined, date)
    return typeof start === "string" && typeof length === "string"
      ? Calendar.addDays(PeriodLength.addTo(start, length), -1)
      : null
  })()
  // A cohort's last day, worked out once per month and length.
  const cohortEnds = new Map<string, string>()
  const cohortEnd = (month: string, length: string): string => {
    const key = `${month}/${length}`
    let end = cohortEnds.get(key)
    if (end === undefined) {
      end = Calendar.addDays(PeriodLength.addTo(`${month}-01`, length), -1)
      cohortEnds.set(key, end)
    }
    return end
  }
  const today = dayNumber(date)
  const lastOfYear = date.endsWith("-12-31")
  const year = Number(date.slice(0, 4))
  const adults = ids.indexOf("eligibility/adults-only")
  const meeting = ids.indexOf("eligibility/treatment-needs-joint-meeting")
  const f = {} as { -readonly [K in keyof Facts]: Facts[K] }
  const row = new Uint8Array(ids.length)
  return (subjects: ReadonlyArray<Subject.Subject>): Uint8Array => {
    const n = ids.length
    const codes = new Uint8Array(subjects.length * n)
    for (let s = 0; s < subjects.length; s++) {
      const subject = subjects[s]!
      const c = subject.citizen
      const o = subject.offering === undefined ? undefined : offerings.get(subject.offering)
      const e = subject.enrollment
      const start = e?.start
      let age: number | null = null
      let otherAge: number | null = null
      if (c !== undefined) {
        if (c.birthDate !== undefined) age = Calendar.ageOn(c.birthDate, date)
        else if (c.birthYear !== undefined) {
          age = year - c.birthYear
          if (!lastOfYear) otherAge = age - 1
        }
      }
      const departments = c?.departments ?? []
      const length = e === undefined ? undefined : valueAt(o?.cohortLength, start, date)
      f.date = date
      f.age = age
      f.citizenDepartments = departments
      f.getsHelpFromUnit = departments.length > 0
      f.healthyLifeCentre = c?.healthyLifeCentre ?? false
      f.offering = o?.id ?? null
      f.offeringCategory = o?.category ?? null
      f.offeringDepartment = o?.department ?? null
      f.offeringStatus = o?.status ?? null
      f.offeringPriceNok = o?.price ?? null
      f.transitionEnd = o?.status === "discontinued" ? transitionEnd : null
      f.hasReferral = subject.referral ?? false
      f.jointMeetingHeld = subject.jointMeetingHeld ?? false
      f.intakeRegistered = subject.intakeRegistered ?? false
      f.applied = subject.applied ?? false
      f.individualDecision = subject.individualDecision ?? false
      f.newApplication = subject.newApplication ?? false
      f.bindingRegistration = subject.bindingRegistration ?? false
      f.enrolled = e !== undefined
      f.sessionsUsed = e === undefined ? null : (e.sessionsUsed ?? 0)
      f.sessionsThisWeek = e === undefined ? null : (e.sessionsThisWeek ?? 0)
      f.periodWeek = e === undefined ? null : Math.floor((today - dayNumber(e.periodStart ?? e.start)) / 7) + 1
      f.extensionsUsed = e === undefined ? null : (e.extensionsUsed ?? 0)
      f.extensionRequested = e?.extensionRequested ?? false
      f.sessionLimit = num(valueAt(o?.sessions, start, date))
      f.weekLimit = num(valueAt(o?.weeks, start, date))
      f.sessionsPerWeekLimit = num(valueAt(o?.perWeek, start, date))
      f.extensionLimit = o?.category === "treatment" ? num(valueAt(maxExtensions, start, date)) : null
      f.cohortEnd =
        typeof length === "string" && e !== undefined ? cohortEnd(e.cohort ?? e.start.slice(0, 7), length) : null
      f.activityStarted = e?.activityStarted ?? null
      f.stillNeeded = e?.stillNeeded ?? null
      f.movedToCommunity = e?.movedToCommunity ?? false
      f.consecutiveNoShows = e?.consecutiveNoShows ?? 0
      f.hasGoalEvaluation = e?.goalReached !== undefined
      f.goalReached = e?.goalReached ?? null
      const fit = subject.fit
      f.hasFitScore = fit !== undefined
      f.ors = fit?.ors ?? null
      f.srs = fit?.srs ?? null
      f.offTrack = fit?.offTrack ?? false
      const proposal = subject.proposal
      f.hasProposal = proposal !== undefined
      f.proposalRequested = proposal?.requested ?? null
      f.proposalDecision = proposal?.decision ?? null
      f.proposalByDepartment = proposal?.byDepartment ?? null
      f.proposalCategory = proposal?.category ?? null
      handWritten(f, row)
      // The open values: only the age rule reads the age (as handWritten tests it), only the joint-meeting rule the meeting.
      if (otherAge !== null && f.offering !== null && otherAge >= 18 !== (age as number) >= 18) row[adults] = 3
      if (subject.jointMeetingHeld === undefined && f.offeringCategory === "treatment") row[meeting] = 3
      codes.set(row, s * n)
    }
    return codes
  }
}
