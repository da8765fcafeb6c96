/**
 * Export: a municipality-year as a FHIR R4 Bundle of type `collection`.
 *
 * @module
 */
import { type Dataset, type EntityName, entityNames } from "../Dataset.js"
import { guard } from "../internal/guard.js"
import { ExportContext } from "./context.js"
import { municipalityOrganization } from "./department.js"
import { header } from "./header.js"
import { type Mappings, mappings } from "./mappings.js"
import { type BundleOptions, checkOptions } from "./options.js"
import { allCodeSystems } from "./terminology.js"
import type { Bundle, BundleEntry } from "./types.js"
import { URL_NAMESPACE, uuidV5 } from "./uuid.js"

/**
 * The dataset as a FHIR R4 Bundle of type `collection`: a header (year and
 * pseudonym system), the model's CodeSystems, the municipality when named,
 * then every record in the Dataset's entity order, each as one resource with
 * a `urn:uuid` fullUrl derived from the municipality's pseudonym system, the
 * entity and the record id (UUID v5), so the same data always gives the same
 * bundle. A reference points inside the bundle when its target is there and
 * carries the target's identifier when it is not.
 *
 * Patients carry only the pseudonym (`options.pseudonymSystem`) unless
 * `options.nationalIdResolver` is given. Free text leaves with any written
 * identity number masked. The dataset is taken as decoded (a `Dataset`);
 * check it with the schemas and invariants first.
 *
 * @example
 * const bundle = Fhir.bundle(year, { pseudonymSystem: "https://sandnes.kommune.no/fhir/pseudonym", municipality: { code: "1108", name: "Sandnes" } })
 * bundle.entry.length
 * @category constructors
 */
// Generic in the entity, so each record reaches the mapping typed for its own kind.
const entriesOf = <E extends EntityName>(data: Dataset, entity: E, ctx: ExportContext): Array<BundleEntry> => {
  const m: Mappings[E] = mappings[entity]
  const records: Dataset[E] = data[entity]
  return records.map((record, i) => ({ fullUrl: ctx.entryUrl(entity, record.id), resource: m.write(record, ctx, i) }))
}

export const bundle = guard(
  "Fhir.bundle",
  { en: "a dataset and options with a pseudonymSystem", nb: "et datasett og innstillinger med pseudonymSystem" },
  (data: Dataset, options: BundleOptions): Bundle => {
    const checked = checkOptions(options)
    const ctx = new ExportContext(data, checked)
    const entry: Array<BundleEntry> = [{ fullUrl: ctx.headerUrl, resource: header(ctx) }]
    if (checked.includeCodeSystems) {
      for (const cs of allCodeSystems())
        entry.push({ fullUrl: `urn:uuid:${uuidV5(URL_NAMESPACE, cs.url ?? "")}`, resource: cs })
    }
    if (checked.municipality !== undefined) {
      entry.push({ fullUrl: ctx.municipalityUrl, resource: municipalityOrganization(checked.municipality) })
    }
    for (const entity of entityNames) entry.push(...entriesOf(data, entity, ctx))
    return {
      resourceType: "Bundle",
      type: "collection",
      ...(checked.timestamp === undefined ? {} : { timestamp: checked.timestamp }),
      entry,
    }
  },
)

/**
 * The model's code systems as FHIR CodeSystem resources, with bokmål
 * displays and English designations: what `bundle` includes by default.
 * @example
 * Fhir.codeSystems().map((cs) => cs.url)
 * @category constructors
 */
export const codeSystems = () => allCodeSystems()
