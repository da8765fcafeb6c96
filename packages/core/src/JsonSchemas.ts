/**
 * JSON Schema (draft 2020-12) documents for every entity, for other municipal
 * apps and for editors. The package also ships them as files:
 * `@aktivitetsmodell/core/json-schema/Referral.schema.json`.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { Catalogue } from "./Catalogue.js"
import { Dataset, entities } from "./Dataset.js"
import { guard } from "./internal/guard.js"

const names = {
  Department: entities.departments,
  Offering: entities.offerings,
  Citizen: entities.citizens,
  Staff: entities.staff,
  Referral: entities.referrals,
  JointMeeting: entities.jointMeetings,
  Episode: entities.episodes,
  Enrollment: entities.enrollments,
  Session: entities.sessions,
  Attendance: entities.attendance,
  Extension: entities.extensions,
  GoalEvaluation: entities.goalEvaluations,
  CommunityTransition: entities.transitions,
  FitScore: entities.fitScores,
  OfferingProposal: entities.proposals,
  ResourceContribution: entities.contributions,
  Feedback: entities.feedback,
  Catalogue,
  Dataset,
} as const

/** @category models */
export type SchemaName = keyof typeof names

/**
 * The names of the exported schemas.
 * @category models
 */
export const schemaNames = Object.keys(names) as ReadonlyArray<SchemaName>

/**
 * A standalone JSON Schema document for one entity, with `$schema`, `$id`
 * and its definitions under `$defs`.
 * @example
 * const schema = JsonSchemas.of("Referral")
 * schema.required // ["id", "citizenId", "therapistId", "offeringId", "date"]
 * @category constructors
 */
export const of = guard(
  "JsonSchemas.of",
  { en: "a schema name", nb: "et skjemanavn" },
  (name: SchemaName): Record<string, unknown> => {
    const doc = Schema.toJsonSchemaDocument(names[name])
    const root = doc.schema as Record<string, unknown>
    const defs = doc.definitions as Record<string, unknown>
    // Inline the root definition so editors see the properties at the top.
    const ref = typeof root.$ref === "string" ? root.$ref.replace("#/$defs/", "") : undefined
    const body = ref !== undefined && defs[ref] !== undefined ? (defs[ref] as Record<string, unknown>) : root
    if (ref !== undefined && !JSON.stringify(defs).includes(`"#/$defs/${ref}"`)) delete defs[ref]
    return closeObjects({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `https://aktivitetsmodell.no/schema/${name}.schema.json`,
      ...body,
      $defs: defs,
    }) as Record<string, unknown>
  },
)

// The loaders reject unknown fields, so the published schemas say so too:
// an editor then flags a misspelt field name instead of accepting it.
const closeObjects = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(closeObjects)
  if (node === null || typeof node !== "object") return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node))
    out[k] = k === "additionalProperties" && v === true ? false : closeObjects(v)
  return out
}
