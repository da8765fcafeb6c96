// Integrity: every reference from one record to another points at a record in
// the data. A dangling reference is reported where it is, instead of
// surfacing later as a wrong violation or a silently empty indicator.
import type { Dataset, EntityName } from "../Dataset.js"
import type { Context } from "./context.js"
import { unknownReference } from "./context.js"
import type { Violation } from "./Violation.js"

interface Target {
  readonly entity: EntityName
  readonly en: string
  readonly nb: string
}

const citizen: Target = { entity: "citizens", en: "citizen", nb: "innbygger" }
const offering: Target = { entity: "offerings", en: "offering", nb: "tilbud" }
const staff: Target = { entity: "staff", en: "staff member", nb: "ansatt" }
const referral: Target = { entity: "referrals", en: "referral", nb: "henvisning" }
const enrollment: Target = { entity: "enrollments", en: "enrollment", nb: "deltagelse" }
const session: Target = { entity: "sessions", en: "session", nb: "samling" }

/** Which field of which entity refers to which entity. A list field refers with each element. */
export const references: ReadonlyArray<readonly [EntityName, string, Target]> = [
  ["referrals", "citizenId", citizen],
  ["referrals", "offeringId", offering],
  ["referrals", "therapistId", staff],
  ["jointMeetings", "referralId", referral],
  ["jointMeetings", "citizenId", citizen],
  ["jointMeetings", "therapistId", staff],
  ["jointMeetings", "teamMemberId", staff],
  ["episodes", "referralId", referral],
  ["episodes", "citizenId", citizen],
  ["episodes", "therapistId", staff],
  ["enrollments", "offeringId", offering],
  ["enrollments", "citizenId", citizen],
  ["enrollments", "referralId", referral],
  ["sessions", "offeringId", offering],
  ["sessions", "staffIds", staff],
  ["attendance", "sessionId", session],
  ["attendance", "enrollmentId", enrollment],
  ["attendance", "citizenId", citizen],
  ["attendance", "offeringId", offering],
  ["extensions", "enrollmentId", enrollment],
  ["goalEvaluations", "enrollmentId", enrollment],
  ["goalEvaluations", "therapistId", staff],
  ["transitions", "citizenId", citizen],
  ["transitions", "fromOfferingId", offering],
  ["transitions", "enrollmentId", enrollment],
  ["fitScores", "citizenId", citizen],
  ["fitScores", "enrollmentId", enrollment],
  ["contributions", "staffId", staff],
  ["feedback", "offeringId", offering],
]

const idsOf = (data: Dataset, entity: EntityName): { has(id: string): boolean } =>
  new Set((data[entity] as ReadonlyArray<{ readonly id: string }>).map((r) => r.id))

/** Every reference resolves to a record of the entity it names. */
export const referencesResolve = (ctx: Context): Array<Violation> => {
  const out: Array<Violation> = []
  // The context has indexed these entities already; the rest are indexed once here.
  const known = new Map<EntityName, { has(id: string): boolean }>([
    ["offerings", ctx.offerings],
    ["citizens", ctx.citizens],
    ["referrals", ctx.referrals],
    ["enrollments", ctx.enrollments],
  ])
  const ids = (e: EntityName) => {
    let s = known.get(e)
    if (s === undefined) {
      s = idsOf(ctx.data, e)
      known.set(e, s)
    }
    return s
  }
  for (const [entity, field, target] of references) {
    const records = ctx.data[entity] as ReadonlyArray<Record<string, unknown> & { readonly id: string }>
    records.forEach((r, i) => {
      const value = Object.hasOwn(r, field) ? r[field] : undefined
      const refs = Array.isArray(value) ? value : value === undefined ? [] : [value]
      refs.forEach((ref, k) => {
        if (typeof ref === "string" && !ids(target.entity).has(ref)) {
          const path = Array.isArray(value) ? `${entity}[${i}].${field}[${k}]` : `${entity}[${i}].${field}`
          out.push(unknownReference(path, r.id, target.en, target.nb, ref))
        }
      })
    })
  }
  return out
}
