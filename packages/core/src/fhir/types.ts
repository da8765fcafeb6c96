/**
 * The FHIR R4 shapes the exchange writes: the elements it uses of each
 * resource, named and typed as the specification names them, so a bundle
 * assigns to `@medplum/fhirtypes` or any other R4 typing without a cast.
 *
 * @module
 */

/** @category models */
export interface Extension {
  url: string
  valueString?: string
  valueCode?: string
  valueBoolean?: boolean
  valueInteger?: number
  valueUnsignedInt?: number
  valueDecimal?: number
  valueDate?: string
  valueUri?: string
  valueCoding?: Coding
  valueReference?: Reference
  valuePeriod?: Period
  valueMoney?: Money
  extension?: Extension[]
}
/** Extensions on a primitive value (the `_name` of `name`). @category models */
export interface PrimitiveExtensions {
  extension?: Extension[]
}
/** @category models */
export interface Coding {
  system?: string
  code?: string
  display?: string
}
/** @category models */
export interface CodeableConcept {
  coding?: Coding[]
  text?: string
}
/** @category models */
export interface Identifier {
  system?: string
  value?: string
}
/** A reference by `urn:uuid` inside the bundle, or by identifier when the target is not in it. @category models */
export interface Reference {
  reference?: string
  type?: Resource["resourceType"]
  identifier?: Identifier
  display?: string
}
/** @category models */
export interface Period {
  start?: string
  end?: string
}
/** @category models */
export interface Quantity {
  value?: number
  unit?: string
  system?: string
  code?: string
}
/** @category models */
export interface Money {
  value?: number
  /** The model prices in Norwegian kroner only. */
  currency?: "NOK"
}
/** @category models */
export interface Address {
  district?: string
  _district?: PrimitiveExtensions
}

interface DomainResource {
  id?: string
  extension?: Extension[]
}

/** @category models */
export interface Patient extends DomainResource {
  resourceType: "Patient"
  identifier?: Identifier[]
  birthDate?: string
}
/** @category models */
export interface Organization extends DomainResource {
  resourceType: "Organization"
  identifier?: Identifier[]
  active?: boolean
  type?: CodeableConcept[]
  name?: string
  _name?: PrimitiveExtensions
  alias?: string[]
  address?: Address[]
  partOf?: Reference
}
/** @category models */
export interface PractitionerRole extends DomainResource {
  resourceType: "PractitionerRole"
  identifier?: Identifier[]
  active?: boolean
  organization?: Reference
  code?: CodeableConcept[]
}
/** @category models */
export interface HealthcareService extends DomainResource {
  resourceType: "HealthcareService"
  identifier?: Identifier[]
  active?: boolean
  providedBy?: Reference
  category?: CodeableConcept[]
  name?: string
  _name?: PrimitiveExtensions
  comment?: string
  location?: Reference[]
  eligibility?: Array<{ code?: CodeableConcept; comment?: string }>
  characteristic?: CodeableConcept[]
  referralMethod?: CodeableConcept[]
  appointmentRequired?: boolean
}
/** @category models */
export interface ServiceRequest extends DomainResource {
  resourceType: "ServiceRequest"
  identifier?: Identifier[]
  status: "draft" | "active" | "on-hold" | "revoked" | "completed" | "entered-in-error" | "unknown"
  intent:
    | "proposal"
    | "plan"
    | "directive"
    | "order"
    | "original-order"
    | "reflex-order"
    | "filler-order"
    | "instance-order"
    | "option"
  category?: CodeableConcept[]
  subject: Reference
  authoredOn?: string
  requester?: Reference
  performer?: Reference[]
}
/** @category models */
export interface Goal extends DomainResource {
  resourceType: "Goal"
  identifier?: Identifier[]
  lifecycleStatus:
    | "proposed"
    | "planned"
    | "accepted"
    | "active"
    | "on-hold"
    | "completed"
    | "cancelled"
    | "entered-in-error"
    | "rejected"
  achievementStatus?: CodeableConcept
  description: CodeableConcept
  subject: Reference
  startDate?: string
  target?: Array<{ measure?: CodeableConcept }>
  expressedBy?: Reference
  addresses?: Reference[]
}
/** @category models */
export interface EpisodeOfCare extends DomainResource {
  resourceType: "EpisodeOfCare"
  identifier?: Identifier[]
  status: "planned" | "waitlist" | "active" | "onhold" | "finished" | "cancelled" | "entered-in-error"
  type?: CodeableConcept[]
  patient: Reference
  managingOrganization?: Reference
  period?: Period
  referralRequest?: Reference[]
  careManager?: Reference
}
/** @category models */
export interface Encounter extends DomainResource {
  resourceType: "Encounter"
  identifier?: Identifier[]
  status:
    | "planned"
    | "arrived"
    | "triaged"
    | "in-progress"
    | "onleave"
    | "finished"
    | "cancelled"
    | "entered-in-error"
    | "unknown"
  class: Coding
  type?: CodeableConcept[]
  subject?: Reference
  episodeOfCare?: Reference[]
  participant?: Array<{ individual?: Reference }>
  period?: Period
  partOf?: Reference
}
/** @category models */
export interface ObservationComponent {
  code: CodeableConcept
  valueQuantity?: Quantity
  valueCodeableConcept?: CodeableConcept
}
/** @category models */
export interface Observation extends DomainResource {
  resourceType: "Observation"
  identifier?: Identifier[]
  status:
    | "registered"
    | "preliminary"
    | "final"
    | "amended"
    | "corrected"
    | "cancelled"
    | "entered-in-error"
    | "unknown"
  category?: CodeableConcept[]
  code: CodeableConcept
  subject?: Reference
  focus?: Reference[]
  effectiveDateTime?: string
  performer?: Reference[]
  valueQuantity?: Quantity
  valueCodeableConcept?: CodeableConcept
  component?: ObservationComponent[]
}
/** @category models */
export interface Basic extends DomainResource {
  resourceType: "Basic"
  identifier?: Identifier[]
  code: CodeableConcept
  subject?: Reference
  created?: string
  author?: Reference
}
/** @category models */
export interface CodeSystem extends DomainResource {
  resourceType: "CodeSystem"
  url?: string
  version?: string
  name?: string
  title?: string
  status: "draft" | "active" | "retired" | "unknown"
  language?: string
  description?: string
  caseSensitive?: boolean
  content: "not-present" | "example" | "fragment" | "complete" | "supplement"
  count?: number
  concept?: Array<{ code: string; display?: string; designation?: Array<{ language?: string; value: string }> }>
}

/** Every resource the exchange writes. @category models */
export type Resource =
  | Patient
  | Organization
  | PractitionerRole
  | HealthcareService
  | ServiceRequest
  | Goal
  | EpisodeOfCare
  | Encounter
  | Observation
  | Basic
  | CodeSystem

/** @category models */
export interface BundleEntry {
  fullUrl: string
  resource: Resource
}

/** A FHIR R4 Bundle of type `collection`. @category models */
export interface Bundle {
  resourceType: "Bundle"
  type: "collection"
  identifier?: Identifier
  timestamp?: string
  entry: BundleEntry[]
}
