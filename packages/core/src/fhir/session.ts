// Session ↔ Encounter of type "session": one meeting of an offering, with the
// staff present as participants; the students and volunteers who helped are
// counts, so they ride in extensions. Each citizen's attendance is its own
// Encounter, `partOf` this one.
import type { Session } from "../Session.js"
import { HL7 } from "./canonical.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { asArray, isObject, type Json, put } from "./reader.js"
import { concept } from "./terminology.js"
import type { CodeableConcept, Extension } from "./types.js"

const TYPE = Object.freeze([concept("record-type", "session")]) as Array<CodeableConcept>

/** Ambulatory: the activities happen outside any institution, the citizen comes and goes. */
export const AMBULATORY = { system: HL7.actCode, code: "AMB", display: "ambulatory" } as const

export const sessions = mapping<Session>({
  entity: "sessions",
  resourceType: "Encounter",
  write: (s, ctx) => ({
    resourceType: "Encounter",
    identifier: [ctx.identifier("sessions", s.id)],
    status: "finished",
    class: AMBULATORY,
    type: TYPE,
    participant: s.staffIds.map((id) => ({ individual: ctx.ref("staff", id, "PractitionerRole") })),
    period: { start: s.date, end: s.date },
    extension: [
      { url: X.EXT.offering, valueReference: ctx.ref("offerings", s.offeringId, "HealthcareService") },
      ...(s.cohort === undefined ? [] : [{ url: X.EXT.cohort, valueDate: s.cohort } satisfies Extension]),
      { url: X.EXT.students, valueUnsignedInt: s.students },
      { url: X.EXT.volunteers, valueUnsignedInt: s.volunteers },
    ],
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("sessions"))
    put(record, "offeringId", r.extensionRef(X.EXT.offering, "offerings"))
    put(record, "date", isObject(r.resource.period) ? r.resource.period.start : undefined)
    put(record, "cohort", r.value(X.EXT.cohort, "valueDate"))
    record.staffIds = asArray(r.resource.participant).map((p, i) =>
      r.ref(isObject(p) ? p.individual : undefined, "staff", `Encounter.participant[${i}].individual`),
    )
    put(record, "students", r.value(X.EXT.students, "valueUnsignedInt"))
    put(record, "volunteers", r.value(X.EXT.volunteers, "valueUnsignedInt"))
    return record
  },
  locations: {
    id: "Encounter.identifier",
    offeringId: "Encounter.extension",
    date: "Encounter.period.start",
    cohort: "Encounter.extension",
    staffIds: "Encounter.participant",
    students: "Encounter.extension",
    volunteers: "Encounter.extension",
  },
})
