/**
 * The episode the therapist opens for the activity in the record
 * (Mestringsenhetens modell for aktivitet §Fysisk aktivitet som behandling, Saksgang 3).
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./IsoDate.js"
import { RecordId } from "./internal/checks.js"
import { Pseudonym } from "./Pseudonym.js"

/**
 * An episode opened for a referral.
 * @example
 * Schema.decodeUnknownSync(Episode.Episode)({ id: "e-1", referralId: "r-1", citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", therapistId: "s-2", date: "2024-01-16" })
 * @category schemas
 */
export const Episode = Schema.Struct({
  id: RecordId,
  referralId: RecordId,
  citizenId: Pseudonym,
  therapistId: RecordId,
  date: IsoDate,
}).annotate({ identifier: "Episode", title: "Episode" })
/** @category models */
export type Episode = typeof Episode.Type
