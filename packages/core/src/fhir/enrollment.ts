// Enrollment ↔ EpisodeOfCare of type "enrollment" — every enrollment, of every
// category, not only treatment: an EpisodeOfCare is "an association between a
// patient and an organization/healthcare provider(s) during which time
// encounters may occur", which is what participation in an offering is.
// The offering rides in an extension (R4's EpisodeOfCare has no element for
// the service). Type also carries the offering's category and, for offerings
// the crosswalk marks reportable, the KPR service type (Volven 9151); these
// are derived from the offering and not read back.
import type { Enrollment } from "../Enrollment.js"
import { KPR_SERVICE_SYSTEM } from "./canonical.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { asArray, isObject, type Json, put } from "./reader.js"
import { coding, concept } from "./terminology.js"
import type { CodeableConcept, EpisodeOfCare } from "./types.js"

const fhirStatus: Record<Enrollment["status"], EpisodeOfCare["status"]> = {
  ongoing: "active",
  completed: "finished",
  withdrawn: "cancelled",
}

const modelStatus: Record<string, Enrollment["status"] | undefined> = Object.fromEntries(
  Object.entries(fhirStatus).map(([model, fhir]) => [fhir, model as Enrollment["status"]]),
)

export const enrollments = mapping<Enrollment>({
  entity: "enrollments",
  resourceType: "EpisodeOfCare",
  write: (n, ctx) => {
    const offering = ctx.offerings.get(n.offeringId)
    const kpr = ctx.kprService.get(n.offeringId)
    const type: Array<CodeableConcept> = [concept("record-type", "enrollment")]
    if (offering !== undefined) type.push(concept("category", offering.category))
    if (kpr !== undefined) type.push({ coding: [{ system: KPR_SERVICE_SYSTEM, code: kpr.code, display: kpr.display }] })
    const episode: EpisodeOfCare = {
      resourceType: "EpisodeOfCare",
      identifier: [ctx.identifier("enrollments", n.id)],
      status: fhirStatus[n.status],
      type,
      patient: ctx.patient(n.citizenId),
      ...(offering === undefined
        ? {}
        : { managingOrganization: ctx.ref("departments", offering.operator.department, "Organization") }),
      period: n.end === undefined ? { start: n.start } : { start: n.start, end: n.end },
      ...(n.referralId === undefined
        ? {}
        : { referralRequest: [ctx.ref("referrals", n.referralId, "ServiceRequest")] }),
      extension: [
        ...X.ref(X.EXT.offering, ctx.ref("offerings", n.offeringId, "HealthcareService")),
        ...X.code(X.EXT.enrollmentStatus, coding("enrollment-status", n.status)),
        ...X.date(X.EXT.cohort, n.cohort),
        ...X.date(X.EXT.closedOn, n.closedOn),
      ],
    }
    return episode
  },
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("enrollments"))
    put(record, "citizenId", r.ref(r.resource.patient, "citizens", "EpisodeOfCare.patient"))
    put(record, "offeringId", r.extensionRef(X.EXT.offering, "offerings"))
    const period = isObject(r.resource.period) ? r.resource.period : {}
    put(record, "start", period.start)
    put(record, "end", period.end)
    const referral = asArray(r.resource.referralRequest)[0]
    put(
      record,
      "referralId",
      referral === undefined ? undefined : r.ref(referral, "referrals", "EpisodeOfCare.referralRequest[0]"),
    )
    put(record, "cohort", r.value(X.EXT.cohort, "valueDate"))
    const status = r.extension(X.EXT.enrollmentStatus)
    // Another producer may send only FHIR's status; the mapping is one-to-one.
    put(
      record,
      "status",
      status === undefined
        ? modelStatus[String(r.resource.status)]
        : r.code(status.value.valueCoding, "enrollment-status", `${status.at}.valueCoding`),
    )
    put(record, "closedOn", r.value(X.EXT.closedOn, "valueDate"))
    return record
  },
  locations: {
    id: "EpisodeOfCare.identifier",
    citizenId: "EpisodeOfCare.patient",
    offeringId: "EpisodeOfCare.extension",
    start: "EpisodeOfCare.period.start",
    end: "EpisodeOfCare.period.end",
    referralId: "EpisodeOfCare.referralRequest",
    cohort: "EpisodeOfCare.extension",
    status: "EpisodeOfCare.extension",
    closedOn: "EpisodeOfCare.extension",
  },
})
