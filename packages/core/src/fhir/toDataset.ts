/**
 * Import: a FHIR R4 Bundle, as {@link bundle} writes it, back to a Dataset.
 * Every entry is either imported or rejected; a rejection names the entry's
 * fullUrl, a FHIRPath-like location and what is wrong in English and bokmål,
 * and never shows an identity number.
 *
 * @module
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { type Dataset, type EntityName, entities, entityNames } from "../Dataset.js"
import { guard } from "../internal/guard.js"
import { formatPath, problemsOf } from "../internal/issues.js"
import type { Bilingual } from "../internal/text.js"
import * as Redact from "../Redact.js"
import { CANONICAL, codeSystemUrl, entityOfSystem } from "./canonical.js"
import { readMunicipality } from "./department.js"
import { readHeader } from "./header.js"
import { mappings } from "./mappings.js"
import {
  asArray,
  type ImportProblem,
  importProblem,
  isObject,
  type Json,
  type ReadContext,
  ResourceReader,
  type Target,
} from "./reader.js"

export type { ImportProblem, ImportProblemCode } from "./reader.js"

/** What an imported entry became. @category models */
export type ImportedAs = EntityName | "header" | "codeSystem" | "municipality"

/** An entry that was imported. @category models */
export interface ImportedEntry {
  readonly index: number
  readonly fullUrl?: string
  readonly as: ImportedAs
}

/** An entry that was not imported, with every problem found in it. @category models */
export interface RejectedEntry {
  readonly index: number
  readonly fullUrl?: string
  readonly resourceType?: string
  readonly problems: ReadonlyArray<ImportProblem>
}

/**
 * The outcome of {@link toDataset}. `imported.length + rejected.length`
 * equals `total`, the number of entries. `dataset` is absent only when the
 * bundle does not say which year it holds (no header and no `options.year`),
 * or is not a bundle; `problems` says why.
 * @category models
 */
export interface ImportResult {
  readonly dataset?: Dataset
  readonly imported: ReadonlyArray<ImportedEntry>
  readonly rejected: ReadonlyArray<RejectedEntry>
  readonly problems: ReadonlyArray<ImportProblem>
  readonly municipality?: { readonly code?: string; readonly name?: string }
  readonly total: number
}

/** Options for {@link toDataset}: the pseudonym system and year, when the bundle has no header saying them. @category models */
export interface ImportOptions {
  readonly pseudonymSystem?: string
  readonly year?: number
}

const expectedType: Readonly<Record<EntityName, string>> = Object.fromEntries(
  entityNames.map((e) => [e, mappings[e].resourceType]),
) as Record<EntityName, string>

const hasCode = (concept: unknown, system: string, code: string): boolean =>
  isObject(concept) && asArray(concept.coding).some((c) => isObject(c) && c.system === system && c.code === code)

type Kind = ImportedAs | { readonly unsupported: Bilingual }

const classify = (resource: Json): Kind => {
  const type = resource.resourceType
  if (type === "Patient") return "citizens"
  if (type === "CodeSystem") {
    return typeof resource.url === "string" && resource.url.startsWith(`${CANONICAL}/CodeSystem/`)
      ? "codeSystem"
      : {
          unsupported: {
            en: "A CodeSystem that is not one of the model's",
            nb: "Et CodeSystem som ikke er et av modellens",
          },
        }
  }
  const recordType = codeSystemUrl("record-type")
  if (type === "Basic" && hasCode(resource.code, recordType, "dataset")) return "header"
  if (type === "Organization" && asArray(resource.type).some((t) => hasCode(t, recordType, "municipality")))
    return "municipality"
  for (const i of asArray(resource.identifier)) {
    const entity = isObject(i) ? entityOfSystem(i.system) : undefined
    if (entity !== undefined && (entityNames as ReadonlyArray<string>).includes(entity)) {
      if (expectedType[entity as EntityName] === type) return entity as EntityName
      return {
        unsupported: {
          en: `An identifier of ${entity} on a ${String(type)}; ${entity} are exchanged as ${expectedType[entity as EntityName]}`,
          nb: `En identifier for ${entity} på en ${String(type)}; ${entity} utveksles som ${expectedType[entity as EntityName]}`,
        },
      }
    }
  }
  return {
    unsupported: {
      en: `A ${Redact.show(type, 40)} that is not a record of the activity model (no identifier of the model's systems)`,
      nb: `En ${Redact.show(type, 40)} som ikke er en post i aktivitetsmodellen (ingen identifier fra modellens systemer)`,
    },
  }
}

const locate = (mapping: (typeof mappings)[EntityName], path: ReadonlyArray<string | number>): string => {
  const [field, sub] = path
  if (typeof field !== "string") return mapping.resourceType
  return (
    (typeof sub === "string" ? mapping.locations[`${field}.${sub}`] : undefined) ??
    mapping.locations[field] ??
    mapping.resourceType
  )
}

/**
 * Reads a bundle back to a Dataset. Each entry becomes one record, the
 * header, a code system or the municipality, or is rejected with its fullUrl,
 * location and a bilingual message; nothing is dropped silently. Identity
 * numbers a Patient may carry (with a national system) are not kept: records
 * hold pseudonyms only.
 *
 * @example
 * const { dataset, rejected } = Fhir.toDataset(JSON.parse(text))
 * for (const r of rejected) console.log(r.fullUrl, r.problems[0]?.location, r.problems[0]?.message.nb)
 * @category constructors
 */
export const toDataset = guard(
  "Fhir.toDataset",
  { en: "a FHIR Bundle as parsed JSON", nb: "en FHIR Bundle som tolket JSON" },
  (input: unknown, options: ImportOptions = {}): ImportResult => {
    if (!isObject(input) || input.resourceType !== "Bundle") {
      return {
        imported: [],
        rejected: [],
        problems: [
          importProblem("Bundle", "not-a-bundle", {
            en: 'Expected a FHIR Bundle (resourceType "Bundle")',
            nb: 'Forventet en FHIR Bundle (resourceType "Bundle")',
          }),
        ],
        total: 0,
      }
    }
    const entries = asArray(input.entry)
    const imported: Array<ImportedEntry> = []
    const rejected: Array<RejectedEntry> = []
    const reject = (
      index: number,
      fullUrl: string | undefined,
      resourceType: unknown,
      problems: ReadonlyArray<ImportProblem>,
    ) =>
      // A rejection names its place; the place itself may hold an identity number.
      rejected.push({
        index,
        ...(fullUrl === undefined ? {} : { fullUrl: Redact.text(fullUrl) }),
        ...(typeof resourceType === "string" ? { resourceType: Redact.text(resourceType) } : {}),
        problems,
      })

    // First pass: what each entry is, and the header that says the year and pseudonym system.
    const seenUrls = new Set<string>()
    const classified: Array<{ index: number; fullUrl?: string; resource: Json; kind: ImportedAs } | undefined> = []
    let year: unknown = options.year
    let pseudonymSystem = options.pseudonymSystem
    let headerFound = false
    entries.forEach((e, index) => {
      const fullUrl = isObject(e) && typeof e.fullUrl === "string" ? e.fullUrl : undefined
      const at = `Bundle.entry[${index}]`
      if (!isObject(e) || !isObject(e.resource)) {
        reject(index, fullUrl, undefined, [
          importProblem(`${at}.resource`, "entry-without-resource", {
            en: "The entry has no resource",
            nb: "Oppføringen har ingen ressurs",
          }),
        ])
        return
      }
      if (fullUrl !== undefined && seenUrls.has(fullUrl)) {
        reject(index, fullUrl, e.resource.resourceType, [
          importProblem(`${at}.fullUrl`, "duplicate-full-url", {
            en: "Another entry has the same fullUrl",
            nb: "En annen oppføring har samme fullUrl",
          }),
        ])
        return
      }
      if (fullUrl !== undefined) seenUrls.add(fullUrl)
      const kind = classify(e.resource)
      if (typeof kind === "object") {
        reject(index, fullUrl, e.resource.resourceType, [
          importProblem(`${at}.resource`, "unsupported-resource", { en: kind.unsupported.en, nb: kind.unsupported.nb }),
        ])
        return
      }
      if (kind === "header") {
        if (headerFound) {
          reject(index, fullUrl, "Basic", [
            importProblem(`${at}.resource`, "unsupported-resource", {
              en: "A second dataset header",
              nb: "Et datasetthode til",
            }),
          ])
          return
        }
        headerFound = true
        const h = readHeader(new ResourceReader(e.resource, { targets: new Map(), pseudonymSystem }))
        if (options.year === undefined) year = h.year
        if (options.pseudonymSystem === undefined && h.pseudonymSystem !== undefined)
          pseudonymSystem = h.pseudonymSystem
      }
      classified[index] = { index, ...(fullUrl === undefined ? {} : { fullUrl }), resource: e.resource, kind }
    })

    // Second pass: where every fullUrl points, so references resolve to record ids.
    const targets = new Map<string, Target>()
    for (const c of classified) {
      if (c === undefined || c.fullUrl === undefined) continue
      if (c.kind === "header" || c.kind === "codeSystem" || c.kind === "municipality") continue
      const reader = new ResourceReader(c.resource, { targets, pseudonymSystem })
      const id =
        c.kind === "citizens"
          ? pseudonymSystem === undefined
            ? undefined
            : reader.identifier(pseudonymSystem)
          : reader.identifier(`${CANONICAL}/id/${c.kind}`)
      if (id !== undefined) targets.set(c.fullUrl, { entity: c.kind, id })
    }

    const context: ReadContext = { targets, pseudonymSystem }
    const records = Object.fromEntries(entityNames.map((e) => [e, [] as Array<unknown>])) as Record<
      EntityName,
      Array<unknown>
    >
    let municipality: ImportResult["municipality"]
    for (const c of classified) {
      if (c === undefined) continue
      const at = `Bundle.entry[${c.index}]`
      if (asArray(c.resource.modifierExtension).length > 0) {
        // A modifier changes the meaning of the resource; one we do not know cannot be read safely.
        reject(c.index, c.fullUrl, c.resource.resourceType, [
          importProblem(`${String(c.resource.resourceType)}.modifierExtension`, "modifier-extension", {
            en: "A modifierExtension this import does not know",
            nb: "En modifierExtension denne importen ikke kjenner",
          }),
        ])
        continue
      }
      if (c.kind === "header" || c.kind === "codeSystem") {
        imported.push({ index: c.index, ...(c.fullUrl === undefined ? {} : { fullUrl: c.fullUrl }), as: c.kind })
        continue
      }
      const reader = new ResourceReader(c.resource, context)
      if (c.kind === "municipality") {
        municipality = readMunicipality(reader)
        imported.push({ index: c.index, ...(c.fullUrl === undefined ? {} : { fullUrl: c.fullUrl }), as: c.kind })
        continue
      }
      const entity = c.kind
      const m = mappings[entity]
      const raw = m.read(reader)
      const problems: Array<ImportProblem> = [...reader.problems]
      if (raw !== undefined && problems.length === 0) {
        const decoded = Schema.decodeUnknownResult(entities[entity] as unknown as Schema.Codec<unknown>)(raw, {
          errors: "all",
          onExcessProperty: "error",
        })
        if (Result.isSuccess(decoded)) {
          records[entity].push(decoded.success)
          imported.push({ index: c.index, ...(c.fullUrl === undefined ? {} : { fullUrl: c.fullUrl }), as: entity })
          continue
        }
        for (const p of problemsOf(decoded.failure.issue)) {
          const field = formatPath(p.path)
          problems.push(
            importProblem(locate(m, p.path), "invalid-value", {
              en: `${field === "" ? "" : `${field}: `}${p.message.en}`,
              nb: `${field === "" ? "" : `${field}: `}${p.message.nb}`,
            }),
          )
        }
      }
      reject(
        c.index,
        c.fullUrl,
        c.resource.resourceType,
        problems.length > 0
          ? problems
          : [
              importProblem(at, "invalid-value", {
                en: "The resource could not be read",
                nb: "Ressursen kunne ikke leses",
              }),
            ],
      )
    }

    const bundleProblems: Array<ImportProblem> = []
    const yearOk = typeof year === "number" && Number.isInteger(year) && year >= 2000 && year <= 2100
    if (!yearOk) {
      bundleProblems.push(
        importProblem("Bundle", "dataset-header-missing", {
          en: "The bundle does not say which year it holds: no dataset header with a year from 2000 to 2100, and no options.year",
          nb: "Bunten sier ikke hvilket år den gjelder: ikke noe datasetthode med et år fra 2000 til 2100, og ingen options.year",
        }),
      )
    }
    imported.sort((a, b) => a.index - b.index)
    rejected.sort((a, b) => a.index - b.index)
    return {
      ...(yearOk ? { dataset: { year, ...records } as unknown as Dataset } : {}),
      imported,
      rejected,
      problems: bundleProblems,
      ...(municipality === undefined ? {} : { municipality }),
      total: entries.length,
    }
  },
)
