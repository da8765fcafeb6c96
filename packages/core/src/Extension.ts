/**
 * An extension (forlengelse) of a treatment by one more period, for a citizen
 * not ready to move on (Mestringsenhetens modell for aktivitet §Fysisk aktivitet som behandling: "forlenge med
 * maksimalt en periode til").
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./IsoDate.js"
import { RecordId } from "./internal/checks.js"

/**
 * An extension of an enrollment to a new last day.
 * @example
 * Schema.decodeUnknownSync(Extension.Extension)({ id: "f-1", enrollmentId: "n-1", date: "2024-02-28", newEnd: "2024-03-27" })
 * @category schemas
 */
export const Extension = Schema.Struct({
  id: RecordId,
  enrollmentId: RecordId,
  date: IsoDate,
  newEnd: IsoDate,
}).annotate({ identifier: "Extension", title: "Extension (forlengelse)" })
/** @category models */
export type Extension = typeof Extension.Type
