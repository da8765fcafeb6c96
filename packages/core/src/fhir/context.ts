// What every mapping needs while exporting: fullUrls derived from record ids,
// references that point inside the bundle when the target is there and carry
// the target's identifier when it is not, and the lookups that derived
// elements (a Goal's status, an EpisodeOfCare's KPR service type) read.
import * as Crosswalk from "../Crosswalk.js"
import type { Dataset, EntityName } from "../Dataset.js"
import type { Enrollment } from "../Enrollment.js"
import type { GoalEvaluation } from "../GoalEvaluation.js"
import type { JointMeeting } from "../JointMeeting.js"
import type { Offering } from "../Offering.js"
import * as Redact from "../Redact.js"
import { identifierSystem } from "./canonical.js"
import type { CheckedOptions } from "./options.js"
import type { Identifier, Reference, Resource } from "./types.js"
import { URL_NAMESPACE, uuidV5 } from "./uuid.js"

/** The urn:uuid namespace of a municipality: its pseudonym system names it. */
export const namespaceFor = (pseudonymSystem: string): Uint8Array => {
  const uuid = uuidV5(URL_NAMESPACE, pseudonymSystem)
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(uuid.replace(/-/gu, "").slice(i * 2, i * 2 + 2), 16))
}

/** The fullUrl of record `id` of `entity` (and of the n-th duplicate of it, n ≥ 1). */
export const recordUrl = (namespace: Uint8Array, entity: EntityName, id: string, duplicate = 0): string =>
  `urn:uuid:${uuidV5(namespace, duplicate === 0 ? `${entity}/${id}` : `${entity}/${id}#${duplicate}`)}`

export class ExportContext {
  readonly namespace: Uint8Array
  // Only records that others refer to are cached; the rest get their URL once.
  private readonly urls = new Map<EntityName, Map<string, string>>()
  private readonly emitted = new Map<EntityName, Map<string, number>>()
  private readonly present: Map<EntityName, Set<string>>
  readonly offerings: Map<string, Offering>
  readonly enrollments: Map<string, Enrollment>
  /** Referrals with an enrollment: the referral has been acted on. */
  readonly fulfilledReferrals: Set<string>
  /** The joint meeting (and so the Goal) of each referral. */
  readonly meetingOfReferral: Map<string, JointMeeting>
  /** The last evaluation, by date, of the goal of each referral. */
  readonly lastEvaluationOfReferral: Map<string, GoalEvaluation>
  /** KPR service type (Volven 9151) of each reportable offering, from the crosswalk. */
  readonly kprService: ReadonlyMap<string, Crosswalk.KprService>

  constructor(
    readonly data: Dataset,
    readonly options: CheckedOptions,
  ) {
    this.namespace = namespaceFor(options.pseudonymSystem)
    const ids = (entity: EntityName, records: ReadonlyArray<{ readonly id: string }>) =>
      [entity, new Set(records.map((r) => r.id))] as const
    this.present = new Map([
      ids("departments", data.departments),
      ids("offerings", data.offerings),
      ids("citizens", data.citizens),
      ids("staff", data.staff),
      ids("referrals", data.referrals),
      ids("jointMeetings", data.jointMeetings),
      ids("enrollments", data.enrollments),
      ids("sessions", data.sessions),
    ])
    this.offerings = new Map(data.offerings.map((o) => [o.id, o]))
    this.enrollments = new Map(data.enrollments.map((n) => [n.id, n]))
    this.fulfilledReferrals = new Set(
      data.enrollments.flatMap((n) => (n.referralId === undefined ? [] : [n.referralId])),
    )
    this.meetingOfReferral = new Map(data.jointMeetings.map((m) => [m.referralId, m]))
    this.lastEvaluationOfReferral = new Map()
    this.kprService = Crosswalk.reportable(options.crosswalk ?? Crosswalk.sandnes())
    for (const g of data.goalEvaluations) {
      const referralId = this.enrollments.get(g.enrollmentId)?.referralId
      if (referralId === undefined) continue
      const last = this.lastEvaluationOfReferral.get(referralId)
      if (last === undefined || g.date >= last.date) this.lastEvaluationOfReferral.set(referralId, g)
    }
  }

  /** The municipality Organization's fullUrl (named by its kommunenummer). */
  get municipalityUrl(): string {
    return `urn:uuid:${uuidV5(this.namespace, `municipality/${this.options.municipality?.code ?? ""}`)}`
  }

  /** The dataset header's fullUrl. */
  get headerUrl(): string {
    return `urn:uuid:${uuidV5(this.namespace, `dataset/${this.data.year}`)}`
  }

  /** The fullUrl of a record: the first with an id keeps the plain name, so references reach it. */
  url(entity: EntityName, id: string): string {
    let cache = this.urls.get(entity)
    if (cache === undefined) {
      cache = new Map()
      this.urls.set(entity, cache)
    }
    let url = cache.get(id)
    if (url === undefined) {
      url = recordUrl(this.namespace, entity, id)
      cache.set(id, url)
    }
    return url
  }

  /**
   * The fullUrl for the entry of a record. A dataset may hold two records with
   * the same id (the invariants report it); the bundle may not hold two
   * entries with the same fullUrl, so later ones get their own.
   */
  entryUrl(entity: EntityName, id: string): string {
    let emitted = this.emitted.get(entity)
    if (emitted === undefined) {
      emitted = new Map()
      this.emitted.set(entity, emitted)
    }
    const seen = emitted.get(id) ?? 0
    emitted.set(id, seen + 1)
    if (seen > 0) return recordUrl(this.namespace, entity, id, seen)
    return this.present.has(entity) ? this.url(entity, id) : recordUrl(this.namespace, entity, id)
  }

  identifier(entity: EntityName, id: string): Identifier {
    return { system: identifierSystem(entity), value: id }
  }

  /** A reference to a record: inside the bundle when it is there, by identifier when not. */
  ref(entity: EntityName, id: string, type: Resource["resourceType"]): Reference {
    return this.present.get(entity)?.has(id) === true
      ? { reference: this.url(entity, id), type }
      : { type, identifier: this.identifier(entity, id) }
  }

  patient(pseudonym: string): Reference {
    return this.present.get("citizens")?.has(pseudonym) === true
      ? { reference: this.url("citizens", pseudonym), type: "Patient" }
      : { type: "Patient", identifier: { system: this.options.pseudonymSystem, value: pseudonym } }
  }

  /** Free text leaves with any written identity number masked. */
  text(value: string): string {
    return Redact.text(value)
  }
}
