// Attendance ↔ Encounter of type "attendance": the citizen's part of a
// session, in the enrollment's EpisodeOfCare. FHIR R4 has no "no-show" for
// an Encounter; both absences are `cancelled`, and the model's own status
// (present / absent / no-show) rides in an extension.
import type { Attendance } from "../Session.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { asArray, isObject, type Json, put } from "./reader.js"
import { AMBULATORY } from "./session.js"
import { coding, concept } from "./terminology.js"
import type { CodeableConcept } from "./types.js"

// Shared (frozen) by every attendance: a municipality-year has tens of thousands.
const TYPE = Object.freeze([concept("record-type", "attendance")]) as Array<CodeableConcept>

export const attendance = mapping<Attendance>({
  entity: "attendance",
  resourceType: "Encounter",
  write: (a, ctx) => ({
    resourceType: "Encounter",
    identifier: [ctx.identifier("attendance", a.id)],
    status: a.status === "present" ? "finished" : "cancelled",
    class: AMBULATORY,
    type: TYPE,
    subject: ctx.patient(a.citizenId),
    episodeOfCare: [ctx.ref("enrollments", a.enrollmentId, "EpisodeOfCare")],
    period: { start: a.date, end: a.date },
    partOf: ctx.ref("sessions", a.sessionId, "Encounter"),
    extension: [
      { url: X.EXT.offering, valueReference: ctx.ref("offerings", a.offeringId, "HealthcareService") },
      { url: X.EXT.attendanceStatus, valueCoding: coding("attendance-status", a.status) },
    ],
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("attendance"))
    put(record, "sessionId", r.ref(r.resource.partOf, "sessions", "Encounter.partOf"))
    put(
      record,
      "enrollmentId",
      r.ref(asArray(r.resource.episodeOfCare)[0], "enrollments", "Encounter.episodeOfCare[0]"),
    )
    put(record, "citizenId", r.ref(r.resource.subject, "citizens", "Encounter.subject"))
    put(record, "offeringId", r.extensionRef(X.EXT.offering, "offerings"))
    put(record, "date", isObject(r.resource.period) ? r.resource.period.start : undefined)
    put(record, "status", r.extensionCode(X.EXT.attendanceStatus, "attendance-status"))
    return record
  },
  locations: {
    id: "Encounter.identifier",
    sessionId: "Encounter.partOf",
    enrollmentId: "Encounter.episodeOfCare",
    citizenId: "Encounter.subject",
    offeringId: "Encounter.extension",
    date: "Encounter.period.start",
    status: "Encounter.extension",
  },
})
