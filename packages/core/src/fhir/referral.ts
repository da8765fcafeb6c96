// Referral ↔ ServiceRequest: the therapist (requester) asks the activity
// team's offering (performer) for the citizen (subject). The model keeps no
// status on a referral, so the status is derived: completed once an
// enrollment follows it, active before; import does not read it back.
import type { Referral } from "../Referral.js"
import { mapping } from "./mapping.js"
import { asArray, type Json, put } from "./reader.js"

export const referrals = mapping<Referral>({
  entity: "referrals",
  resourceType: "ServiceRequest",
  write: (r, ctx) => ({
    resourceType: "ServiceRequest",
    identifier: [ctx.identifier("referrals", r.id)],
    status: ctx.fulfilledReferrals.has(r.id) ? "completed" : "active",
    intent: "order",
    subject: ctx.patient(r.citizenId),
    authoredOn: r.date,
    requester: ctx.ref("staff", r.therapistId, "PractitionerRole"),
    performer: [ctx.ref("offerings", r.offeringId, "HealthcareService")],
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("referrals"))
    put(record, "citizenId", r.ref(r.resource.subject, "citizens", "ServiceRequest.subject"))
    put(record, "therapistId", r.ref(r.resource.requester, "staff", "ServiceRequest.requester"))
    put(record, "offeringId", r.ref(asArray(r.resource.performer)[0], "offerings", "ServiceRequest.performer[0]"))
    put(record, "date", r.resource.authoredOn)
    return record
  },
  locations: {
    id: "ServiceRequest.identifier",
    citizenId: "ServiceRequest.subject",
    therapistId: "ServiceRequest.requester",
    offeringId: "ServiceRequest.performer",
    date: "ServiceRequest.authoredOn",
  },
})
