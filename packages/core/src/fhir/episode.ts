// Episode ↔ EpisodeOfCare of type "therapist-episode": the episode the
// therapist opens in the record for the activity, managed by the therapist
// and started by the referral. Its status is not kept by the model ("active").
import type { Episode } from "../Episode.js"
import { mapping } from "./mapping.js"
import { asArray, isObject, type Json, put } from "./reader.js"
import { concept } from "./terminology.js"

export const episodes = mapping<Episode>({
  entity: "episodes",
  resourceType: "EpisodeOfCare",
  write: (e, ctx) => ({
    resourceType: "EpisodeOfCare",
    identifier: [ctx.identifier("episodes", e.id)],
    status: "active",
    type: [concept("record-type", "therapist-episode")],
    patient: ctx.patient(e.citizenId),
    period: { start: e.date },
    referralRequest: [ctx.ref("referrals", e.referralId, "ServiceRequest")],
    careManager: ctx.ref("staff", e.therapistId, "PractitionerRole"),
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("episodes"))
    put(
      record,
      "referralId",
      r.ref(asArray(r.resource.referralRequest)[0], "referrals", "EpisodeOfCare.referralRequest[0]"),
    )
    put(record, "citizenId", r.ref(r.resource.patient, "citizens", "EpisodeOfCare.patient"))
    put(record, "therapistId", r.ref(r.resource.careManager, "staff", "EpisodeOfCare.careManager"))
    put(record, "date", isObject(r.resource.period) ? r.resource.period.start : undefined)
    return record
  },
  locations: {
    id: "EpisodeOfCare.identifier",
    referralId: "EpisodeOfCare.referralRequest",
    citizenId: "EpisodeOfCare.patient",
    therapistId: "EpisodeOfCare.careManager",
    date: "EpisodeOfCare.period.start",
  },
})
