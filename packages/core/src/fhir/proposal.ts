// OfferingProposal ↔ Basic "offering-proposal": a proposal for a new offering,
// the activity team's decision and any escalation to the extended leadership
// group, authored by the staff member who proposed it.
import type { OfferingProposal } from "../OfferingProposal.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { type Json, put, putParts } from "./reader.js"
import { coding, concept } from "./terminology.js"

export const proposals = mapping<OfferingProposal>({
  entity: "proposals",
  resourceType: "Basic",
  write: (p, ctx) => ({
    resourceType: "Basic",
    identifier: [ctx.identifier("proposals", p.id)],
    code: concept("record-type", "offering-proposal"),
    created: p.date,
    author: ctx.ref("staff", p.proposedBy, "PractitionerRole"),
    extension: [
      ...X.str(X.EXT.title, ctx.text(p.title)),
      ...X.ref(
        X.EXT.proposedByDepartment,
        p.proposedByDepartment === undefined
          ? undefined
          : ctx.ref("departments", p.proposedByDepartment, "Organization"),
      ),
      ...X.code(X.EXT.category, coding("category", p.category)),
      ...X.bool(X.EXT.requested, p.requested),
      ...(p.decision === undefined
        ? []
        : X.complex(X.EXT.decision, [
            ...X.date("date", p.decision.date),
            ...X.code("outcome", coding("proposal-outcome", p.decision.outcome)),
            ...X.str("reason", p.decision.reason === undefined ? undefined : ctx.text(p.decision.reason)),
          ])),
      ...(p.escalation === undefined
        ? []
        : X.complex(X.EXT.escalation, [
            ...X.date("date", p.escalation.date),
            ...X.code("to", coding("escalation-level", p.escalation.to)),
            ...X.code("outcome", coding("proposal-outcome", p.escalation.outcome)),
          ])),
    ],
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("proposals"))
    put(record, "title", r.value(X.EXT.title, "valueString"))
    put(record, "date", r.resource.created)
    put(record, "proposedBy", r.ref(r.resource.author, "staff", "Basic.author"))
    put(record, "proposedByDepartment", r.extensionRef(X.EXT.proposedByDepartment, "departments"))
    put(record, "category", r.extensionCode(X.EXT.category, "category"))
    put(record, "requested", r.value(X.EXT.requested, "valueBoolean"))
    putParts(record, "decision", r.extension(X.EXT.decision), {
      date: (e) => r.value("date", "valueDate", e),
      outcome: (e) => r.extensionCode("outcome", "proposal-outcome", e),
      reason: (e) => r.value("reason", "valueString", e),
    })
    putParts(record, "escalation", r.extension(X.EXT.escalation), {
      date: (e) => r.value("date", "valueDate", e),
      to: (e) => r.extensionCode("to", "escalation-level", e),
      outcome: (e) => r.extensionCode("outcome", "proposal-outcome", e),
    })
    return record
  },
  locations: {
    id: "Basic.identifier",
    title: "Basic.extension",
    date: "Basic.created",
    proposedBy: "Basic.author",
    proposedByDepartment: "Basic.extension",
    category: "Basic.extension",
    requested: "Basic.extension",
    decision: "Basic.extension",
    escalation: "Basic.extension",
  },
})
