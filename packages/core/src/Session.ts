/**
 * One meeting (samling, økt) of an offering, and who attended it.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { IsoDate, Month } from "./IsoDate.js"
import { IntBetween, RecordId } from "./internal/checks.js"
import { OfferingId } from "./Offering.js"
import { Pseudonym } from "./Pseudonym.js"

/**
 * A session. `staffIds` are the employees present; `students` and
 * `volunteers` count the students and time-givers who helped run it.
 * @example
 * Schema.decodeUnknownSync(Session.Session)({ id: "x-1", offeringId: "sandneshallen", date: "2024-02-05", staffIds: ["s-9"], students: 2, volunteers: 0 })
 * @category schemas
 */
export const Session = Schema.Struct({
  id: RecordId,
  offeringId: OfferingId,
  date: IsoDate,
  cohort: Schema.optionalKey(Month),
  staffIds: Schema.Array(RecordId),
  students: IntBetween(0, 100),
  volunteers: IntBetween(0, 100),
}).annotate({ identifier: "Session", title: "Session (samling)" })
/** @category models */
export type Session = typeof Session.Type

/**
 * A citizen's attendance at a session: `present`, `absent` (gave notice) or
 * `no-show` (did not come and gave no notice; repeated no-shows get a
 * follow-up contact). Citizen, offering and date repeat the session's so that
 * indicators need no join.
 * @example
 * Schema.decodeUnknownSync(Session.Attendance)({ id: "a-1", sessionId: "x-1", enrollmentId: "n-1", citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", offeringId: "sandneshallen", date: "2024-02-05", status: "present" })
 * @category schemas
 */
export const Attendance = Schema.Struct({
  id: RecordId,
  sessionId: RecordId,
  enrollmentId: RecordId,
  citizenId: Pseudonym,
  offeringId: OfferingId,
  date: IsoDate,
  status: Schema.Literals(["present", "absent", "no-show"]),
}).annotate({ identifier: "Attendance", title: "Attendance (oppmøte)" })
/** @category models */
export type Attendance = typeof Attendance.Type
