// Staff ↔ PractitionerRole: a role in a department, or with an organisation
// (Blå Kors) for volunteers. The library keeps no names, so no Practitioner.
import type { Staff } from "../Staff.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { asArray, type Json, put } from "./reader.js"
import { concept } from "./terminology.js"

export const staff = mapping<Staff>({
  entity: "staff",
  resourceType: "PractitionerRole",
  write: (s, ctx) => ({
    resourceType: "PractitionerRole",
    identifier: [ctx.identifier("staff", s.id)],
    active: true,
    code: [concept("staff-role", s.role)],
    ...(s.department === undefined ? {} : { organization: ctx.ref("departments", s.department, "Organization") }),
    ...(s.organisation === undefined ? {} : { extension: X.str(X.EXT.organisation, ctx.text(s.organisation)) }),
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("staff"))
    put(record, "role", r.code(asArray(r.resource.code)[0], "staff-role", "PractitionerRole.code[0]"))
    put(record, "department", r.ref(r.resource.organization, "departments", "PractitionerRole.organization"))
    put(record, "organisation", r.value(X.EXT.organisation, "valueString"))
    return record
  },
  locations: {
    id: "PractitionerRole.identifier",
    role: "PractitionerRole.code",
    department: "PractitionerRole.organization",
    organisation: "PractitionerRole.extension",
  },
})
