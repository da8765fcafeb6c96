// JointMeeting ↔ Goal. The joint meeting exists to set the goal, so it is
// exchanged as the Goal it set: started on the meeting's date, expressed with
// the therapist who owns it, addressing the referral, with the activity-team
// member in an extension. Lifecycle and achievement status are derived from
// the last goal evaluation of the treatment; import reads the evaluations
// themselves (Observations), not these.
import type { GoalEvaluation } from "../GoalEvaluation.js"
import type { JointMeeting } from "../JointMeeting.js"
import { HL7 } from "./canonical.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { asArray, isObject, type Json, put } from "./reader.js"
import { coding } from "./terminology.js"
import type { CodeableConcept, Goal } from "./types.js"

/** goal-achievement (HL7) for the model's "was the goal reached". "Partly" is progress, not arrival. */
const achievement: Record<GoalEvaluation["goalReached"], { code: string; display: string }> = {
  yes: { code: "achieved", display: "Achieved" },
  partly: { code: "improving", display: "Improving" },
  no: { code: "not-achieved", display: "Not Achieved" },
}

/** The evaluation as a CodeableConcept: the model's code and HL7's. */
export const achievementOf = (g: GoalEvaluation): CodeableConcept => ({
  coding: [coding("goal-reached", g.goalReached), { system: HL7.goalAchievement, ...achievement[g.goalReached] }],
})

const lifecycle = (last: GoalEvaluation | undefined): Goal["lifecycleStatus"] =>
  last === undefined || last.decision === "extend"
    ? "active"
    : last.decision === "completed"
      ? "completed"
      : "cancelled"

export const jointMeetings = mapping<JointMeeting>({
  entity: "jointMeetings",
  resourceType: "Goal",
  write: (m, ctx) => {
    const last = ctx.lastEvaluationOfReferral.get(m.referralId)
    const goal: Goal = {
      resourceType: "Goal",
      identifier: [ctx.identifier("jointMeetings", m.id)],
      lifecycleStatus: lifecycle(last),
      ...(last === undefined ? {} : { achievementStatus: achievementOf(last) }),
      description: { text: ctx.text(m.goal.text) },
      subject: ctx.patient(m.citizenId),
      startDate: m.date,
      ...(m.goal.measure === undefined ? {} : { target: [{ measure: { text: ctx.text(m.goal.measure) } }] }),
      expressedBy: ctx.ref("staff", m.therapistId, "PractitionerRole"),
      addresses: [ctx.ref("referrals", m.referralId, "ServiceRequest")],
      extension: X.ref(X.EXT.teamMember, ctx.ref("staff", m.teamMemberId, "PractitionerRole")),
    }
    return goal
  },
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("jointMeetings"))
    put(record, "referralId", r.ref(asArray(r.resource.addresses)[0], "referrals", "Goal.addresses[0]"))
    put(record, "citizenId", r.ref(r.resource.subject, "citizens", "Goal.subject"))
    put(record, "therapistId", r.ref(r.resource.expressedBy, "staff", "Goal.expressedBy"))
    put(record, "teamMemberId", r.extensionRef(X.EXT.teamMember, "staff"))
    put(record, "date", r.resource.startDate)
    const goal: Json = {}
    put(goal, "text", isObject(r.resource.description) ? r.resource.description.text : undefined)
    const target = asArray(r.resource.target)[0]
    put(goal, "measure", isObject(target) && isObject(target.measure) ? target.measure.text : undefined)
    record.goal = goal
    return record
  },
  locations: {
    id: "Goal.identifier",
    referralId: "Goal.addresses",
    citizenId: "Goal.subject",
    therapistId: "Goal.expressedBy",
    teamMemberId: "Goal.extension",
    date: "Goal.startDate",
    goal: "Goal.description",
  },
})
