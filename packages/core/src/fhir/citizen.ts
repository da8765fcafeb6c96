// Citizen ↔ Patient. The pseudonym is the only identifier unless the caller
// passes a resolver for national identity numbers; birth year alone is a FHIR
// date of precision year.
import type { Citizen } from "../Citizen.js"
import { CoreError } from "../CoreError.js"
import { validateNationalId } from "../NationalId.js"
import type { Pseudonym } from "../Pseudonym.js"
import { DNR_SYSTEM, FNR_SYSTEM } from "./canonical.js"
import type { ExportContext } from "./context.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { type Json, put } from "./reader.js"
import { coding } from "./terminology.js"
import type { Identifier, Patient } from "./types.js"

const nationalIdentifier = (ctx: ExportContext, pseudonym: Pseudonym, index: number): Array<Identifier> => {
  const resolve = ctx.options.nationalIdResolver
  if (resolve === undefined) return []
  const number = resolve(pseudonym)
  if (number === undefined) return []
  const checked = typeof number === "string" ? validateNationalId(number.trim(), { allowSynthetic: true }) : undefined
  if (checked === undefined || !checked.ok) {
    // The number itself stays out of the message; the citizen's position says where.
    throw new CoreError("invalid-argument", {
      en: `Fhir.bundle: nationalIdResolver returned something that is not a valid national identity number for citizens[${index}]`,
      nb: `Fhir.bundle: nationalIdResolver ga noe som ikke er et gyldig fødselsnummer eller D-nummer for citizens[${index}]`,
    })
  }
  const value = (number as string).trim()
  // A D-number adds 40 to the day, synthetic ones too.
  return [{ system: Number(value[0]) >= 4 ? DNR_SYSTEM : FNR_SYSTEM, value }]
}

export const citizens = mapping<Citizen>({
  entity: "citizens",
  resourceType: "Patient",
  write: (c, ctx, index) => {
    const patient: Patient = {
      resourceType: "Patient",
      identifier: [{ system: ctx.options.pseudonymSystem, value: c.id }, ...nationalIdentifier(ctx, c.id, index)],
      birthDate: c.birthDate ?? String(c.birthYear).padStart(4, "0"),
      extension: [
        ...c.departments.flatMap((d) => X.ref(X.EXT.citizenDepartment, ctx.ref("departments", d, "Organization"))),
        ...X.bool(X.EXT.healthyLifeCentre, c.healthyLifeCentre),
        ...X.code(X.EXT.pathway, coding("pathway", String(c.pathway))),
      ],
    }
    return patient
  },
  read: (r) => {
    const system = r.ctx.pseudonymSystem
    const id = system === undefined ? undefined : r.identifier(system)
    if (id === undefined) {
      r.problem("Patient.identifier", "identifier-missing", {
        en: `No identifier with the pseudonym system ${system ?? "(unknown: the bundle has no dataset header)"}`,
        nb: `Ingen identifier med pseudonymsystemet ${system ?? "(ukjent: bunten mangler datasetthode)"}`,
      })
    }
    const record: Json = {}
    put(record, "id", id)
    const birth = r.resource.birthDate
    if (typeof birth === "string" && /^\d{4}$/u.test(birth)) put(record, "birthYear", Number(birth))
    else if (typeof birth === "string") {
      put(record, "birthYear", Number(birth.slice(0, 4)))
      put(record, "birthDate", birth)
    } else put(record, "birthYear", birth)
    record.departments = r
      .extensions(X.EXT.citizenDepartment)
      .map((e) => r.ref(e.value.valueReference, "departments", `${e.at}.valueReference`))
    put(record, "healthyLifeCentre", r.value(X.EXT.healthyLifeCentre, "valueBoolean"))
    const pathway = r.extensionCode(X.EXT.pathway, "pathway")
    put(record, "pathway", pathway === undefined ? undefined : Number(pathway))
    return record
  },
  locations: {
    id: "Patient.identifier",
    birthYear: "Patient.birthDate",
    birthDate: "Patient.birthDate",
    departments: "Patient.extension",
    healthyLifeCentre: "Patient.extension",
    pathway: "Patient.extension",
  },
})
