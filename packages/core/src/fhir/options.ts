/**
 * What a caller tells the export: whose pseudonyms these are, and the few
 * choices that change what leaves the municipality.
 *
 * @module
 */
import { CoreError } from "../CoreError.js"
import type { Crosswalk } from "../Crosswalk.js"
import type { Bilingual } from "../internal/text.js"
import type { Pseudonym } from "../Pseudonym.js"
import { PERSON_ID_ARC } from "./canonical.js"

/**
 * Options for {@link bundle}.
 *
 * - `pseudonymSystem` (required): the identifier system of the municipality's
 *   pseudonyms, a URI the municipality owns (for example
 *   `https://sandnes.kommune.no/fhir/pseudonym`). Patients carry only this.
 * - `nationalIdResolver`: when given, it may return a citizen's fødselsnummer
 *   or D-nummer for their pseudonym; the Patient then also gets an identifier
 *   with the national system. Without it, no identity number is written.
 * - `municipality`: kommunenummer (Volven 3402) and name; adds the
 *   municipality as an Organization that the departments are part of.
 * - `includeCodeSystems` (default true): the model's CodeSystems in the bundle.
 * - `includeFeedbackComments` (default false): feedback comments are free text
 *   that may name people, so they stay home unless asked for.
 * - `timestamp`: the bundle's timestamp (an instant); none when absent, so
 *   the same dataset exports to the same bundle.
 * - `crosswalk`: the reporting crosswalk for KPR service types on
 *   enrollments; the shipped one when absent.
 * @category models
 */
export interface BundleOptions {
  readonly pseudonymSystem: string
  readonly nationalIdResolver?: (pseudonym: Pseudonym) => string | undefined
  readonly municipality?: { readonly code: string; readonly name?: string }
  readonly includeCodeSystems?: boolean
  readonly includeFeedbackComments?: boolean
  readonly timestamp?: string
  readonly crosswalk?: Crosswalk
}

const absoluteUri = /^(?:https?:\/\/[^\s/?#]+[^\s]*|urn:[a-z0-9][a-z0-9-]{0,31}:[^\s]+)$/iu
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/u

const invalid = ({ en, nb }: Bilingual): CoreError =>
  new CoreError("invalid-argument", { en: `Fhir.bundle: ${en}`, nb: `Fhir.bundle: ${nb}` })

/** The options checked, with defaults filled in; throws a CoreError that says what is wrong. */
export const checkOptions = (options: BundleOptions) => {
  if (typeof options !== "object" || options === null) {
    throw invalid({
      en: "options with a pseudonymSystem are required",
      nb: "innstillinger med pseudonymSystem er påkrevd",
    })
  }
  const system = options.pseudonymSystem
  if (typeof system !== "string" || !absoluteUri.test(system)) {
    throw invalid({
      en: "pseudonymSystem must be an absolute URI the municipality owns, such as https://kommune.no/fhir/pseudonym",
      nb: "pseudonymSystem må være en absolutt URI som kommunen eier, for eksempel https://kommune.no/fhir/pseudonym",
    })
  }
  // A pseudonym written under a national identity-number system would claim to be one.
  if (system.startsWith(PERSON_ID_ARC)) {
    throw invalid({
      en: "pseudonymSystem must not be a national person-identifier system (urn:oid:2.16.578.1.12.4.1.4.*)",
      nb: "pseudonymSystem kan ikke være et nasjonalt system for personidentifikatorer (urn:oid:2.16.578.1.12.4.1.4.*)",
    })
  }
  if (options.nationalIdResolver !== undefined && typeof options.nationalIdResolver !== "function") {
    throw invalid({ en: "nationalIdResolver must be a function", nb: "nationalIdResolver må være en funksjon" })
  }
  const m = options.municipality
  if (
    m !== undefined &&
    (typeof m !== "object" || m === null || typeof m.code !== "string" || !/^\d{4}$/u.test(m.code))
  ) {
    throw invalid({
      en: "municipality.code must be a four-digit kommunenummer",
      nb: "municipality.code må være et firesifret kommunenummer",
    })
  }
  if (m?.name !== undefined && (typeof m.name !== "string" || m.name.trim() === "")) {
    throw invalid({
      en: "municipality.name must be a non-empty text",
      nb: "municipality.name må være en tekst som ikke er tom",
    })
  }
  if (options.timestamp !== undefined && (typeof options.timestamp !== "string" || !instant.test(options.timestamp))) {
    throw invalid({
      en: "timestamp must be an instant such as 2025-01-31T12:00:00Z",
      nb: "timestamp må være et tidspunkt som 2025-01-31T12:00:00Z",
    })
  }
  return {
    pseudonymSystem: system,
    nationalIdResolver: options.nationalIdResolver,
    municipality: m,
    includeCodeSystems: options.includeCodeSystems !== false,
    includeFeedbackComments: options.includeFeedbackComments === true,
    timestamp: options.timestamp,
    crosswalk: options.crosswalk,
  }
}

/** @category models */
export type CheckedOptions = ReturnType<typeof checkOptions>
