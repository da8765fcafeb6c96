// Offering ↔ HealthcareService. FHIR has elements for the name, description,
// category, operator, access (referral method), audience (eligibility),
// format (characteristic) and location; how an open-ended offering ends, its
// schedule, price, status history, continuation and seed citation ride in
// extensions. Numeric limits are policy parameters, not part of an offering.
import type { Offering } from "../Offering.js"
import type { ExportContext } from "./context.js"
import { readName } from "./department.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { asArray, type Found, isObject, type Json, put, putParts, type ResourceReader } from "./reader.js"
import { coding, concept } from "./terminology.js"
import type { Extension, HealthcareService } from "./types.js"

const status = (s: Offering["status"], ctx: ExportContext): Array<Extension> => {
  const kind = X.code("kind", coding("offering-status", s.kind))
  switch (s.kind) {
    case "active":
      return X.complex(X.EXT.offeringStatus, kind)
    case "transferred":
      return X.complex(X.EXT.offeringStatus, [
        ...kind,
        ...X.date("effective", s.effective),
        ...(s.from === "all-departments"
          ? X.bool("fromAllDepartments", true)
          : s.from.flatMap((d) => X.ref("from", ctx.ref("departments", d, "Organization")))),
        ...X.ref("to", ctx.ref("departments", s.to, "Organization")),
      ])
    case "discontinued":
      return X.complex(X.EXT.offeringStatus, [
        ...kind,
        ...X.ref("formerOperator", ctx.ref("departments", s.formerOperator, "Organization")),
      ])
  }
}

export const offerings = mapping<Offering>({
  entity: "offerings",
  resourceType: "HealthcareService",
  write: (o, ctx): HealthcareService => ({
    resourceType: "HealthcareService",
    identifier: [ctx.identifier("offerings", o.id)],
    // A discontinued offering takes no one new; its participants are being handed over.
    active: o.status.kind !== "discontinued",
    providedBy: ctx.ref("departments", o.operator.department, "Organization"),
    category: [concept("category", o.category)],
    name: ctx.text(o.name.nb),
    _name: X.translation(ctx.text(o.name.en)),
    comment: ctx.text(o.description),
    ...(o.location === undefined ? {} : { location: [{ display: ctx.text(o.location) }] }),
    eligibility: [{ code: concept("audience", o.audience) }],
    characteristic: [concept("offering-format", o.format)],
    referralMethod: [concept("access-mode", o.access)],
    appointmentRequired: o.access !== "open",
    extension: [
      ...X.code(X.EXT.operatorTeam, coding("operator-team", o.operator.team)),
      ...o.operator.partners.flatMap((p) => X.code(X.EXT.partner, coding("partner", p))),
      ...X.complex(X.EXT.schedule, [
        ...X.code("frequency", coding("schedule-frequency", o.schedule.frequency)),
        ...X.str("note", o.schedule.note === undefined ? undefined : ctx.text(o.schedule.note)),
      ]),
      ...X.code(X.EXT.endsWhen, o.endsWhen === undefined ? undefined : coding("ends-when", o.endsWhen)),
      ...X.ext(X.EXT.price, { valueMoney: { value: o.priceNok, currency: "NOK" } }),
      ...(o.continuation === undefined
        ? []
        : X.complex(X.EXT.continuation, [
            ...X.str("destination", ctx.text(o.continuation.destination)),
            ...X.code("kind", coding("continuation-kind", o.continuation.kind)),
            ...X.str("after", o.continuation.after === undefined ? undefined : ctx.text(o.continuation.after)),
          ])),
      ...status(o.status, ctx),
      ...X.complex(X.EXT.source, [
        ...X.str("document", ctx.text(o.seed.document)),
        ...X.str("section", ctx.text(o.seed.section)),
        ...X.str("lines", o.seed.lines),
        ...X.str("quote", o.seed.quote === undefined ? undefined : ctx.text(o.seed.quote)),
      ]),
    ],
  }),
  read: (r) => {
    const record: Json = {}
    const R = "HealthcareService"
    put(record, "id", r.recordId("offerings"))
    put(record, "name", readName(r.resource.name, r.resource._name))
    put(record, "description", r.resource.comment)
    put(record, "category", r.code(asArray(r.resource.category)[0], "category", `${R}.category[0]`))
    const operator: Json = {}
    put(operator, "department", r.ref(r.resource.providedBy, "departments", `${R}.providedBy`))
    put(operator, "team", r.extensionCode(X.EXT.operatorTeam, "operator-team"))
    record.operator = {
      ...operator,
      partners: r.extensions(X.EXT.partner).map((e) => r.code(e.value.valueCoding, "partner", `${e.at}.valueCoding`)),
    }
    put(record, "format", r.code(asArray(r.resource.characteristic)[0], "offering-format", `${R}.characteristic[0]`))
    put(record, "access", r.code(asArray(r.resource.referralMethod)[0], "access-mode", `${R}.referralMethod[0]`))
    const eligibility = asArray(r.resource.eligibility)[0]
    put(
      record,
      "audience",
      isObject(eligibility) ? r.code(eligibility.code, "audience", `${R}.eligibility[0].code`) : undefined,
    )
    const location = asArray(r.resource.location)[0]
    put(record, "location", isObject(location) ? location.display : undefined)
    putParts(record, "schedule", r.extension(X.EXT.schedule), {
      frequency: (e) => r.extensionCode("frequency", "schedule-frequency", e),
      note: (e) => r.value("note", "valueString", e),
    })
    put(record, "endsWhen", r.extensionCode(X.EXT.endsWhen, "ends-when"))
    const price = r.value(X.EXT.price, "valueMoney")
    put(record, "priceNok", isObject(price) ? price.value : undefined)
    putParts(record, "continuation", r.extension(X.EXT.continuation), {
      destination: (e) => r.value("destination", "valueString", e),
      kind: (e) => r.extensionCode("kind", "continuation-kind", e),
      after: (e) => r.value("after", "valueString", e),
    })
    put(record, "status", readStatus(r, r.extension(X.EXT.offeringStatus)))
    const text = (key: string) => (e: Found) => r.value(key, "valueString", e)
    putParts(record, "seed", r.extension(X.EXT.source), {
      document: text("document"),
      section: text("section"),
      lines: text("lines"),
      quote: text("quote"),
    })
    return record
  },
  locations: {
    id: "HealthcareService.identifier",
    name: "HealthcareService.name",
    "name.nb": "HealthcareService.name",
    "name.en": "HealthcareService._name.extension",
    description: "HealthcareService.comment",
    category: "HealthcareService.category",
    operator: "HealthcareService.providedBy",
    format: "HealthcareService.characteristic",
    access: "HealthcareService.referralMethod",
    audience: "HealthcareService.eligibility",
    location: "HealthcareService.location",
    schedule: "HealthcareService.extension",
    endsWhen: "HealthcareService.extension",
    priceNok: "HealthcareService.extension",
    continuation: "HealthcareService.extension",
    status: "HealthcareService.extension",
    seed: "HealthcareService.extension",
  },
})

const readStatus = (r: ResourceReader, status: Found | undefined): Json | undefined => {
  if (status === undefined) return undefined
  const kind = r.extensionCode("kind", "offering-status", status)
  const s: Json = {}
  put(s, "kind", kind)
  if (kind === "transferred") {
    put(s, "effective", r.value("effective", "valueDate", status))
    s.from =
      r.value("fromAllDepartments", "valueBoolean", status) === true
        ? "all-departments"
        : r
            .extensions("from", status)
            .map((e) => r.ref(e.value.valueReference, "departments", `${e.at}.valueReference`))
    put(s, "to", r.extensionRef("to", "departments", status))
  } else if (kind === "discontinued") {
    put(s, "formerOperator", r.extensionRef("formerOperator", "departments", status))
  }
  return s
}
