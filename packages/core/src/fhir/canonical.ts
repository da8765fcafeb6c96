// Every URI the exchange writes, in one place: the model's own canonical base
// for its code systems, extensions and record identifiers, and the national
// systems from the Norwegian base profiles (HL7Norway/basisprofiler-r4).
import type { EntityName } from "../Dataset.js"

/**
 * The model's canonical base, the same host its JSON Schemas use for `$id`.
 * @category models
 */
export const CANONICAL = "https://aktivitetsmodell.no/fhir"

/**
 * The canonical URL of one of the model's code systems.
 * @example
 * Fhir.codeSystemUrl("enrollment-status") // "https://aktivitetsmodell.no/fhir/CodeSystem/enrollment-status"
 * @category constructors
 */
export const codeSystemUrl = (id: string): string => `${CANONICAL}/CodeSystem/${id}`

/**
 * The URL of one of the model's extensions.
 * @example
 * Fhir.extensionUrl("offering") // "https://aktivitetsmodell.no/fhir/StructureDefinition/offering"
 * @category constructors
 */
export const extensionUrl = (id: string): string => `${CANONICAL}/StructureDefinition/${id}`

/**
 * The identifier system of a record entity: the record's own id, as the
 * model's datasets carry it, is the identifier value.
 * @example
 * Fhir.identifierSystem("enrollments") // "https://aktivitetsmodell.no/fhir/id/enrollments"
 * @category constructors
 */
export const identifierSystem = (entity: EntityName): string => `${CANONICAL}/id/${entity}`

const idPrefix = `${CANONICAL}/id/`
/** The entity an identifier system names, when it is one of ours. */
export const entityOfSystem = (system: unknown): string | undefined =>
  typeof system === "string" && system.startsWith(idPrefix) ? system.slice(idPrefix.length) : undefined

/**
 * Norwegian identity numbers: fødselsnummer and D-nummer, OIDs assigned by
 * Skatteetaten (basisprofiler-r4, NamingSystem/no-basis-fodselsnummer and
 * no-basis-dnummer; Patient.identifier slices FNR and DNR).
 */
export const FNR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.1"
export const DNR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.2"
/** Every person-identifier OID of the national arc (FNR, DNR, FHN, HPR, DUF …). */
export const PERSON_ID_ARC = "urn:oid:2.16.578.1.12.4.1.4."

/** Kommunenummer, Volven code list 3402, used on Address.district. */
export const MUNICIPALITY_CODE_SYSTEM = "urn:oid:2.16.578.1.12.4.1.1.3402"
/** basisprofiler-r4, StructureDefinition/no-basis-municipalitycode (context Address.district). */
export const MUNICIPALITY_CODE_EXTENSION = "http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode"

/** KPR/IPLOS service types, Volven code list 9151 ("Tjenestetype i helse- og omsorgstjenesten"). */
export const KPR_SERVICE_SYSTEM = "urn:oid:2.16.578.1.12.4.1.1.9151"

/** FHIR's own systems the export uses. */
export const HL7 = {
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  goalAchievement: "http://terminology.hl7.org/CodeSystem/goal-achievement",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  translation: "http://hl7.org/fhir/StructureDefinition/translation",
  ucum: "http://unitsofmeasure.org",
} as const
