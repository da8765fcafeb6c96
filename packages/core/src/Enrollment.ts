/**
 * A citizen's participation (deltagelse) in an offering.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate, Month } from "./IsoDate.js"
import { RecordId } from "./internal/checks.js"
import { OfferingId } from "./Offering.js"
import { Pseudonym } from "./Pseudonym.js"

/**
 * An enrollment. `end` is the last day of the agreed period (a treatment's
 * 4 weeks); open offerings have none. An extension moves the end (see
 * Extension). `referralId` links a treatment to its referral. `cohort` names
 * the monthly walking group (`YYYY-MM`). `status` says whether participation
 * goes on, ended as planned, or was withdrawn; `closedOn` is the day it ended.
 * @example
 * Schema.decodeUnknownSync(Enrollment.Enrollment)({ id: "n-1", citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", offeringId: "turgruppe", start: "2024-02-01", end: "2024-02-28", referralId: "r-1", status: "ongoing" })
 * @category schemas
 */
export const Enrollment = Schema.Struct({
  id: RecordId,
  citizenId: Pseudonym,
  offeringId: OfferingId,
  start: IsoDate,
  end: Schema.optionalKey(IsoDate),
  referralId: Schema.optionalKey(RecordId),
  cohort: Schema.optionalKey(Month),
  status: Schema.Literals(["ongoing", "completed", "withdrawn"]),
  closedOn: Schema.optionalKey(IsoDate),
}).annotate({ identifier: "Enrollment", title: "Enrollment (deltagelse)" })
/** @category models */
export type Enrollment = typeof Enrollment.Type
