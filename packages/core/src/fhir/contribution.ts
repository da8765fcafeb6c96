// ResourceContribution ↔ Basic "resource-contribution": a department's share
// of a position lent to, or moved as a budget post into, the activity team,
// for a period; the department is the subject.
import type { ResourceContribution } from "../ResourceContribution.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { isObject, type Json, put } from "./reader.js"
import { coding, concept } from "./terminology.js"

export const contributions = mapping<ResourceContribution>({
  entity: "contributions",
  resourceType: "Basic",
  write: (c, ctx) => ({
    resourceType: "Basic",
    identifier: [ctx.identifier("contributions", c.id)],
    code: concept("record-type", "resource-contribution"),
    subject: ctx.ref("departments", c.department, "Organization"),
    created: c.from,
    extension: [
      ...X.period(X.EXT.period, c.to === undefined ? { start: c.from } : { start: c.from, end: c.to }),
      ...X.ext(X.EXT.share, { valueDecimal: c.sharePercent }),
      ...X.code(X.EXT.contributionForm, coding("contribution-form", c.form)),
      ...X.ref(X.EXT.staff, c.staffId === undefined ? undefined : ctx.ref("staff", c.staffId, "PractitionerRole")),
    ],
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("contributions"))
    put(record, "department", r.ref(r.resource.subject, "departments", "Basic.subject"))
    const period = r.value(X.EXT.period, "valuePeriod")
    put(record, "from", isObject(period) ? period.start : undefined)
    put(record, "to", isObject(period) ? period.end : undefined)
    put(record, "sharePercent", r.value(X.EXT.share, "valueDecimal"))
    put(record, "form", r.extensionCode(X.EXT.contributionForm, "contribution-form"))
    put(record, "staffId", r.extensionRef(X.EXT.staff, "staff"))
    return record
  },
  locations: {
    id: "Basic.identifier",
    department: "Basic.subject",
    from: "Basic.extension",
    to: "Basic.extension",
    sharePercent: "Basic.extension",
    form: "Basic.extension",
    staffId: "Basic.extension",
  },
})
