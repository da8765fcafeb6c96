// CommunityTransition ↔ Basic "community-transition": the citizen goes on in
// an ordinary local offering (the model's overarching goal). No R4 resource
// says "joined a club"; Basic carries it with the destination and its kind.
import type { CommunityTransition } from "../CommunityTransition.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { type Json, put } from "./reader.js"
import { coding, concept } from "./terminology.js"

export const transitions = mapping<CommunityTransition>({
  entity: "transitions",
  resourceType: "Basic",
  write: (t, ctx) => ({
    resourceType: "Basic",
    identifier: [ctx.identifier("transitions", t.id)],
    code: concept("record-type", "community-transition"),
    subject: ctx.patient(t.citizenId),
    created: t.date,
    extension: [
      ...X.ref(
        X.EXT.fromOffering,
        t.fromOfferingId === undefined ? undefined : ctx.ref("offerings", t.fromOfferingId, "HealthcareService"),
      ),
      ...X.ref(
        X.EXT.enrollment,
        t.enrollmentId === undefined ? undefined : ctx.ref("enrollments", t.enrollmentId, "EpisodeOfCare"),
      ),
      ...X.str(X.EXT.destination, ctx.text(t.destination)),
      ...X.code(X.EXT.transitionKind, coding("transition-kind", t.kind)),
    ],
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("transitions"))
    put(record, "citizenId", r.ref(r.resource.subject, "citizens", "Basic.subject"))
    put(record, "fromOfferingId", r.extensionRef(X.EXT.fromOffering, "offerings"))
    put(record, "enrollmentId", r.extensionRef(X.EXT.enrollment, "enrollments"))
    put(record, "date", r.resource.created)
    put(record, "destination", r.value(X.EXT.destination, "valueString"))
    put(record, "kind", r.extensionCode(X.EXT.transitionKind, "transition-kind"))
    return record
  },
  locations: {
    id: "Basic.identifier",
    citizenId: "Basic.subject",
    fromOfferingId: "Basic.extension",
    enrollmentId: "Basic.extension",
    date: "Basic.created",
    destination: "Basic.extension",
    kind: "Basic.extension",
  },
})
