// Feedback ↔ Basic "feedback": who gave it (employee, citizen, experience
// council), about what, and a rating. The comment is free text that may name
// people, so it is written only when the caller asks (includeFeedbackComments).
import type { Feedback } from "../Feedback.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { type Json, put } from "./reader.js"
import { coding, concept } from "./terminology.js"

export const feedback = mapping<Feedback>({
  entity: "feedback",
  resourceType: "Basic",
  write: (f, ctx) => ({
    resourceType: "Basic",
    identifier: [ctx.identifier("feedback", f.id)],
    code: concept("record-type", "feedback"),
    created: f.date,
    extension: [
      ...X.code(X.EXT.feedbackSource, coding("feedback-source", f.source)),
      ...X.ref(
        X.EXT.offering,
        f.offeringId === undefined ? undefined : ctx.ref("offerings", f.offeringId, "HealthcareService"),
      ),
      ...X.code(X.EXT.category, f.category === undefined ? undefined : coding("category", f.category)),
      ...X.str(X.EXT.theme, ctx.text(f.theme)),
      ...X.int(X.EXT.rating, f.rating),
      ...X.str(
        X.EXT.comment,
        f.comment === undefined || !ctx.options.includeFeedbackComments ? undefined : ctx.text(f.comment),
      ),
    ],
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("feedback"))
    put(record, "source", r.extensionCode(X.EXT.feedbackSource, "feedback-source"))
    put(record, "date", r.resource.created)
    put(record, "offeringId", r.extensionRef(X.EXT.offering, "offerings"))
    put(record, "category", r.extensionCode(X.EXT.category, "category"))
    put(record, "theme", r.value(X.EXT.theme, "valueString"))
    put(record, "rating", r.value(X.EXT.rating, "valueInteger"))
    put(record, "comment", r.value(X.EXT.comment, "valueString"))
    return record
  },
  locations: {
    id: "Basic.identifier",
    source: "Basic.extension",
    date: "Basic.created",
    offeringId: "Basic.extension",
    category: "Basic.extension",
    theme: "Basic.extension",
    rating: "Basic.extension",
    comment: "Basic.extension",
  },
})
