// Department ↔ Organization, part of the municipality when the caller names
// it. The English name rides on `name` as FHIR's translation extension.
import type { Department } from "../Department.js"
import { HL7, MUNICIPALITY_CODE_EXTENSION, MUNICIPALITY_CODE_SYSTEM } from "./canonical.js"
import type { ExportContext } from "./context.js"
import * as X from "./extensions.js"
import { mapping } from "./mapping.js"
import { asArray, isObject, type Json, put, type ResourceReader } from "./reader.js"
import { concept } from "./terminology.js"
import type { Organization } from "./types.js"

/** The English translation on a primitive's `_element`, if any. */
export const readTranslation = (element: unknown, lang = "en"): unknown => {
  if (!isObject(element)) return undefined
  for (const e of asArray(element.extension)) {
    if (!isObject(e) || e.url !== HL7.translation) continue
    const parts = asArray(e.extension).filter(isObject)
    if (parts.some((p) => p.url === "lang" && p.valueCode === lang))
      return parts.find((p) => p.url === "content")?.valueString
  }
  return undefined
}

/**
 * A bilingual name `{ nb, en }` from a primitive `name` and the English
 * translation on its `_name`; a missing part stays absent so the schema
 * reports it, and no name at all gives undefined.
 */
export const readName = (name: unknown, element: unknown): unknown => {
  const en = readTranslation(element)
  if (name === undefined && en === undefined) return undefined
  const out: Json = {}
  put(out, "nb", name)
  put(out, "en", en)
  return out
}

/** The municipality the departments belong to, with its kommunenummer on the address (no-basis). */
export const municipalityOrganization = (municipality: {
  readonly code: string
  readonly name?: string
}): Organization => ({
  resourceType: "Organization",
  type: [concept("record-type", "municipality")],
  ...(municipality.name === undefined ? {} : { name: `${municipality.name} kommune` }),
  address: [
    {
      ...(municipality.name === undefined ? {} : { district: municipality.name }),
      _district: {
        extension: [
          {
            url: MUNICIPALITY_CODE_EXTENSION,
            valueCoding: {
              system: MUNICIPALITY_CODE_SYSTEM,
              code: municipality.code,
              ...(municipality.name === undefined ? {} : { display: municipality.name }),
            },
          },
        ],
      },
    },
  ],
})

/** The kommunenummer and name of a municipality Organization. */
export const readMunicipality = (r: ResourceReader): { code?: string; name?: string } => {
  const address = asArray(r.resource.address)[0]
  const district = isObject(address) ? address._district : undefined
  const ext = isObject(district)
    ? asArray(district.extension).find((e) => isObject(e) && e.url === MUNICIPALITY_CODE_EXTENSION)
    : undefined
  const code = isObject(ext) && isObject(ext.valueCoding) ? ext.valueCoding.code : undefined
  const name = isObject(address) ? address.district : undefined
  return { ...(typeof code === "string" ? { code } : {}), ...(typeof name === "string" ? { name } : {}) }
}

export const departments = mapping<Department>({
  entity: "departments",
  resourceType: "Organization",
  write: (d, ctx: ExportContext) => ({
    resourceType: "Organization",
    identifier: [ctx.identifier("departments", d.id)],
    active: true,
    name: ctx.text(d.name.nb),
    _name: X.translation(ctx.text(d.name.en)),
    ...(ctx.options.municipality === undefined
      ? {}
      : { partOf: { reference: ctx.municipalityUrl, type: "Organization" } }),
  }),
  read: (r) => {
    const record: Json = {}
    put(record, "id", r.recordId("departments"))
    put(record, "name", readName(r.resource.name, r.resource._name))
    return record
  },
  locations: {
    id: "Organization.identifier",
    name: "Organization.name",
    "name.nb": "Organization.name",
    "name.en": "Organization._name.extension",
  },
})
