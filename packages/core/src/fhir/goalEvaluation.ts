// GoalEvaluation ↔ Observation "goal-evaluation": the therapist's finding
// (was the goal reached; the model's code and HL7's goal-achievement code)
// and the decision it led to as a component. Subject and focus (the Goal)
// are derived through the enrollment's referral and not read back; the
// latest evaluation also sets Goal.achievementStatus.
import type { GoalEvaluation } from "../GoalEvaluation.js"
import * as X from "./extensions.js"
import { achievementOf } from "./jointMeeting.js"
import { mapping } from "./mapping.js"
import { asArray, isObject, type Json, put } from "./reader.js"
import { concept } from "./terminology.js"
import type { Observation } from "./types.js"

export const goalEvaluations = mapping<GoalEvaluation>({
  entity: "goalEvaluations",
  resourceType: "Observation",
  write: (g, ctx) => {
    const enrollment = ctx.enrollments.get(g.enrollmentId)
    const meeting = enrollment?.referralId === undefined ? undefined : ctx.meetingOfReferral.get(enrollment.referralId)
    const observation: Observation = {
      resourceType: "Observation",
      identifier: [ctx.identifier("goalEvaluations", g.id)],
      status: "final",
      code: concept("record-type", "goal-evaluation"),
      ...(enrollment === undefined ? {} : { subject: ctx.patient(enrollment.citizenId) }),
      ...(meeting === undefined ? {} : { focus: [ctx.ref("jointMeetings", meeting.id, "Goal")] }),
      effectiveDateTime: g.date,
      performer: [ctx.ref("staff", g.therapistId, "PractitionerRole")],
      valueCodeableConcept: achievementOf(g),
      component: [
        {
          code: concept("record-type", "goal-decision"),
          valueCodeableConcept: concept("goal-decision", g.decision),
        },
      ],
      extension: X.ref(X.EXT.enrollment, ctx.ref("enrollments", g.enrollmentId, "EpisodeOfCare")),
    }
    return observation
  },
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("goalEvaluations"))
    put(record, "enrollmentId", r.extensionRef(X.EXT.enrollment, "enrollments"))
    put(record, "therapistId", r.ref(asArray(r.resource.performer)[0], "staff", "Observation.performer[0]"))
    put(record, "date", r.resource.effectiveDateTime)
    put(
      record,
      "goalReached",
      r.code(r.resource.valueCodeableConcept, "goal-reached", "Observation.valueCodeableConcept"),
    )
    const decision = asArray(r.resource.component)[0]
    put(
      record,
      "decision",
      isObject(decision)
        ? r.code(decision.valueCodeableConcept, "goal-decision", "Observation.component[0].valueCodeableConcept")
        : undefined,
    )
    return record
  },
  locations: {
    id: "Observation.identifier",
    enrollmentId: "Observation.extension",
    therapistId: "Observation.performer",
    date: "Observation.effectiveDateTime",
    goalReached: "Observation.valueCodeableConcept",
    decision: "Observation.component",
  },
})
