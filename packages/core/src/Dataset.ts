/**
 * A municipality-year of records: every entity of the model in one value, as
 * the synthetic generator produces it and as the invariants and indicators read it.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { Citizen } from "./Citizen.js"
import { CommunityTransition } from "./CommunityTransition.js"
import { Department } from "./Department.js"
import { Enrollment } from "./Enrollment.js"
import { Episode } from "./Episode.js"
import { Extension } from "./Extension.js"
import { Feedback } from "./Feedback.js"
import { FitScore } from "./FitScore.js"
import { GoalEvaluation } from "./GoalEvaluation.js"
import { IntBetween } from "./internal/checks.js"
import { guard } from "./internal/guard.js"
import { hasField } from "./internal/schemaPath.js"
import { JointMeeting } from "./JointMeeting.js"
import { MunicipalityNumber } from "./Municipality.js"
import { Offering } from "./Offering.js"
import { OfferingProposal } from "./OfferingProposal.js"
import { Referral } from "./Referral.js"
import { ResourceContribution } from "./ResourceContribution.js"
import { Attendance, Session } from "./Session.js"
import { Staff } from "./Staff.js"

/**
 * Every record entity by name: the keys batch loaders and the CSV reader accept.
 * @example
 * Dataset.entities.referrals // the Referral schema
 * @category schemas
 */
export const entities = {
  departments: Department,
  offerings: Offering,
  citizens: Citizen,
  staff: Staff,
  referrals: Referral,
  jointMeetings: JointMeeting,
  episodes: Episode,
  enrollments: Enrollment,
  sessions: Session,
  attendance: Attendance,
  extensions: Extension,
  goalEvaluations: GoalEvaluation,
  transitions: CommunityTransition,
  fitScores: FitScore,
  proposals: OfferingProposal,
  contributions: ResourceContribution,
  feedback: Feedback,
} as const

/** @category models */
export type EntityName = keyof typeof entities

/**
 * The entity names, in the order the treatment flow meets them.
 * @category models
 */
export const entityNames = Object.keys(entities) as ReadonlyArray<EntityName>

/**
 * A municipality-year: the year, optionally the municipality's number
 * (`municipality`, four digits such as `1108`; a dataset without one is one
 * municipality that is not named), and an array per entity.
 * @example
 * const year: Dataset.Dataset = generate({ seed: 1 })
 * @category schemas
 */
export const Dataset = Schema.Struct({
  year: IntBetween(2000, 2100),
  municipality: Schema.optionalKey(MunicipalityNumber),
  departments: Schema.Array(Department),
  offerings: Schema.Array(Offering),
  citizens: Schema.Array(Citizen),
  staff: Schema.Array(Staff),
  referrals: Schema.Array(Referral),
  jointMeetings: Schema.Array(JointMeeting),
  episodes: Schema.Array(Episode),
  enrollments: Schema.Array(Enrollment),
  sessions: Schema.Array(Session),
  attendance: Schema.Array(Attendance),
  extensions: Schema.Array(Extension),
  goalEvaluations: Schema.Array(GoalEvaluation),
  transitions: Schema.Array(CommunityTransition),
  fitScores: Schema.Array(FitScore),
  proposals: Schema.Array(OfferingProposal),
  contributions: Schema.Array(ResourceContribution),
  feedback: Schema.Array(Feedback),
}).annotate({ identifier: "Dataset", title: "Municipality-year (kommuneår)" })
/** @category models */
export type Dataset = typeof Dataset.Type

/**
 * Record counts per entity, for summaries.
 * @example
 * Dataset.counts(year).enrollments
 * @category constructors
 */
export const counts = guard(
  "Dataset.counts",
  { en: "a dataset", nb: "et datasett" },
  (d: Dataset): Record<EntityName, number> =>
    Object.fromEntries(entityNames.map((k) => [k, d[k].length])) as Record<EntityName, number>,
)

/**
 * Whether `field`, a path as a problem names it (`goal.text`,
 * `staffIds[0]`), is a place the entity's records have at every level. A
 * key they lack is text someone wrote, such as a CSV heading, which may say
 * something about a person: outputs show a field only when this holds.
 * @example
 * Dataset.isField("jointMeetings", "goal.text") // true
 * Dataset.isField("jointMeetings", "goal.Kari Nordmann") // false
 * @category predicates
 */
export const isField = guard(
  "Dataset.isField",
  { en: "(entity: EntityName, field: string)", nb: "(entity: EntityName, field: string)" },
  (entity: EntityName, field: string): boolean =>
    typeof entity === "string" &&
    typeof field === "string" &&
    Object.hasOwn(entities, entity) &&
    hasField(entities[entity].ast, field),
)
