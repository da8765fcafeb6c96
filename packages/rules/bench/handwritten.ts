// The shipped policy (as in force from 2023-03-09) written by hand as one
// function: the baseline the compiled path is measured against. It writes
// the same outcome codes in the same order (rule ids sorted by path), and the
// bench checks that it agrees with the compiled path on every subject.
import type { Facts } from "../src/Facts.js"

export const ids = [
  "duration/inkludert-as-long-as-needed",
  "duration/one-extension",
  "duration/recoveryhjelpa-until-activity-started",
  "duration/session-limit",
  "duration/sessions-per-week",
  "duration/walking-group-monthly-cohort",
  "duration/week-limit",
  "eligibility/adults-only",
  "eligibility/aktivitetskontakt-needs-individual-decision",
  "eligibility/aktivitetskontakt-new-applications-as-recoveryhjelpa",
  "eligibility/department-groups-own-citizens",
  "eligibility/discontinued-closed-after-transition",
  "eligibility/everyday-open-to-healthy-life-centre",
  "eligibility/karate-needs-intake",
  "eligibility/offerings-are-free",
  "eligibility/padel-needs-binding-registration",
  "eligibility/pro-service-needs-application",
  "eligibility/treatment-needs-joint-meeting",
  "eligibility/treatment-needs-referral",
  "eligibility/unit-citizens",
  "escalation/declined-offering-to-extended-leadership-group",
  "escalation/department-group-outside-own-groups",
  "escalation/discontinued-participants-not-moved",
  "escalation/fit-off-track",
  "escalation/fit-ors-below-cutoff",
  "escalation/fit-srs-below-alert",
  "escalation/goal-not-reached-to-therapist",
  "escalation/repeated-no-shows-follow-up",
] as const

const num = (x: unknown): x is number => typeof x === "number" && !Number.isNaN(x)
const branch = (applies: boolean, holds: boolean) => (applies ? (holds ? 1 : 2) : 0)

export const handWritten = (f: Facts, o: Uint8Array): void => {
  const enrolled = f.enrolled === true
  const offering = f.offering
  const category = f.offeringCategory
  const date = f.date as string
  const transitionEnd = f.transitionEnd
  o[0] = branch(enrolled && offering === "inkludert", f.stillNeeded !== false)
  o[1] = branch(
    enrolled && category === "treatment" && f.extensionRequested === true,
    num(f.extensionsUsed) && num(f.extensionLimit) && f.extensionsUsed < f.extensionLimit,
  )
  o[2] = branch(enrolled && offering === "recoveryhjelpa", f.activityStarted !== true)
  const sessionLimit = f.sessionLimit
  const perWeek = f.sessionsPerWeekLimit
  const weekLimit = f.weekLimit
  o[3] =
    num(sessionLimit) && enrolled && sessionLimit > 0
      ? num(f.sessionsUsed) && f.sessionsUsed < sessionLimit
        ? 1
        : 2
      : 0
  o[4] = num(perWeek) && enrolled && perWeek > 0 ? (num(f.sessionsThisWeek) && f.sessionsThisWeek < perWeek ? 1 : 2) : 0
  o[5] = branch(enrolled && offering === "turgruppe", typeof f.cohortEnd === "string" && date <= f.cohortEnd)
  o[6] = num(weekLimit) && enrolled && weekLimit > 0 ? (num(f.periodWeek) && f.periodWeek <= weekLimit ? 1 : 2) : 0
  o[7] = branch(offering !== null, num(f.age) && f.age >= 18)
  o[8] = branch(offering === "aktivitetskontakt" && f.newApplication === false, f.individualDecision === true)
  o[9] = branch(offering === "aktivitetskontakt", f.newApplication === true)
  o[10] = branch(
    category === "department" && f.offeringStatus !== "discontinued",
    (f.citizenDepartments as ReadonlyArray<unknown>).includes(f.offeringDepartment),
  )
  o[11] = branch(
    f.offeringStatus === "discontinued",
    typeof transitionEnd === "string" && date <= transitionEnd && f.getsHelpFromUnit === true,
  )
  o[12] = branch(category === "everyday", f.getsHelpFromUnit === true || f.healthyLifeCentre === true)
  o[13] = branch(offering === "karategruppe", f.intakeRegistered === true)
  o[14] = branch(offering !== null, f.offeringPriceNok === 0)
  o[15] = branch(offering === "padelgruppe", f.bindingRegistration === true)
  o[16] = branch(offering === "pro-service", f.applied === true)
  o[17] = branch(category === "treatment", f.jointMeetingHeld === true)
  o[18] = branch(category === "treatment", f.hasReferral === true)
  o[19] = branch(category === "treatment" || category === "participation", f.getsHelpFromUnit === true)
  o[20] = branch(f.hasProposal === true, f.proposalRequested === true && f.proposalDecision === "declined")
  o[21] = branch(f.hasProposal === true, f.proposalByDepartment !== null && f.proposalCategory !== "department")
  o[22] = branch(
    enrolled && f.offeringStatus === "discontinued",
    typeof transitionEnd === "string" && date > transitionEnd && f.movedToCommunity === false,
  )
  o[23] = branch(f.hasFitScore === true, f.offTrack === true)
  o[24] = branch(f.hasFitScore === true, num(f.ors) && f.ors < 25)
  o[25] = branch(f.hasFitScore === true, num(f.srs) && f.srs < 36)
  o[26] = branch(category === "treatment" && f.hasGoalEvaluation === true, f.goalReached !== "yes")
  o[27] = branch(enrolled, num(f.consecutiveNoShows) && f.consecutiveNoShows >= 2)
}
