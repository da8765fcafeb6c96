/**
 * A referral (henvendelse) from a therapist to the activity lead, the first
 * step of activity as treatment (Mestringsenhetens modell for aktivitet §Fysisk aktivitet som behandling, Saksgang 1).
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./IsoDate.js"
import { RecordId } from "./internal/checks.js"
import { OfferingId } from "./Offering.js"
import { Pseudonym } from "./Pseudonym.js"

/**
 * A referral for one citizen to one treatment offering.
 * @example
 * Schema.decodeUnknownSync(Referral.Referral)({ id: "r-1", citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", therapistId: "s-2", offeringId: "turgruppe", date: "2024-01-08" })
 * @category schemas
 */
export const Referral = Schema.Struct({
  id: RecordId,
  citizenId: Pseudonym,
  therapistId: RecordId,
  offeringId: OfferingId,
  date: IsoDate,
}).annotate({ identifier: "Referral", title: "Referral (henvendelse)" })
/** @category models */
export type Referral = typeof Referral.Type
