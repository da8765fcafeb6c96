// Extension (forlengelse) ↔ Basic of type "enrollment-extension". FHIR R4 has
// no resource for "this participation goes on one more period"; Basic is its
// place for records without one. The enrollment and the new last day are
// extensions.
import type { Extension } from "../Extension.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { type Json, put } from "./reader.js"
import { concept } from "./terminology.js"

export const extensions = mapping<Extension>({
  entity: "extensions",
  resourceType: "Basic",
  write: (e, ctx) => ({
    resourceType: "Basic",
    identifier: [ctx.identifier("extensions", e.id)],
    code: concept("record-type", "enrollment-extension"),
    created: e.date,
    extension: [
      ...X.ref(X.EXT.enrollment, ctx.ref("enrollments", e.enrollmentId, "EpisodeOfCare")),
      ...X.date(X.EXT.newEnd, e.newEnd),
    ],
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("extensions"))
    put(record, "enrollmentId", r.extensionRef(X.EXT.enrollment, "enrollments"))
    put(record, "date", r.resource.created)
    put(record, "newEnd", r.value(X.EXT.newEnd, "valueDate"))
    return record
  },
  locations: {
    id: "Basic.identifier",
    enrollmentId: "Basic.extension",
    date: "Basic.created",
    newEnd: "Basic.extension",
  },
})
