/**
 * A citizen who continues in an ordinary local offering: the model's
 * overarching goal (Mestringsenhetens modell for aktivitet §Organisering: "øke deltagelse i nærmiljøet, ordinære lag og foreninger").
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./IsoDate.js"
import { NonEmptyText, RecordId } from "./internal/checks.js"
import { OfferingId } from "./Offering.js"
import { Pseudonym } from "./Pseudonym.js"

/**
 * A community transition, such as Lura Karateklubb after the first grading or
 * a Mudo membership after open training.
 * @example
 * Schema.decodeUnknownSync(CommunityTransition.CommunityTransition)({ id: "t-1", citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", fromOfferingId: "karategruppe", date: "2024-06-01", destination: "Lura Karateklubb", kind: "club" })
 * @category schemas
 */
export const CommunityTransition = Schema.Struct({
  id: RecordId,
  citizenId: Pseudonym,
  fromOfferingId: Schema.optionalKey(OfferingId),
  enrollmentId: Schema.optionalKey(RecordId),
  date: IsoDate,
  destination: NonEmptyText,
  kind: Schema.Literals(["club", "membership", "community-offering", "volunteer-organisation", "work", "other"]),
}).annotate({ identifier: "CommunityTransition", title: "Community transition (overgang til ordinært tilbud)" })
/** @category models */
export type CommunityTransition = typeof CommunityTransition.Type
