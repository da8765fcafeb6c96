/**
 * Staff, students and volunteers who take part in the activity model.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { DepartmentId } from "./Department.js"
import { NonEmptyText, RecordId } from "./internal/checks.js"

/**
 * The roles Mestringsenhetens modell for aktivitet names:
 * - `activity-lead` — fagleder aktivitet, receives referrals and proposals
 * - `therapist` — behandler, owns the treatment goal
 * - `activity-team-member` — ansatt i aktivitetsteamet (RPHA)
 * - `peer-support-worker` — erfaringskonsulent (Recoveryhjelpa)
 * - `student` — student in the student programme (everyday activities)
 * - `volunteer` — tidgiver, Blå Kors volunteer in Inkludert
 * - `department-staff` — employee who runs a department's own group
 * @example
 * Schema.decodeUnknownSync(Staff.StaffRole)("therapist")
 * @category schemas
 */
export const StaffRole = Schema.Literals([
  "activity-lead",
  "therapist",
  "activity-team-member",
  "peer-support-worker",
  "student",
  "volunteer",
  "department-staff",
]).annotate({ title: "StaffRole" })
/** @category models */
export type StaffRole = typeof StaffRole.Type

/**
 * A staff member, student or volunteer. Staff are named by a record id only:
 * the library keeps no names. Volunteers belong to an organisation (Blå Kors)
 * rather than a department.
 * @example
 * Schema.decodeUnknownSync(Staff.Staff)({ id: "s-1", role: "therapist", department: "psykisk-helse" })
 * @category schemas
 */
export const Staff = Schema.Struct({
  id: RecordId,
  role: StaffRole,
  department: Schema.optionalKey(DepartmentId),
  organisation: Schema.optionalKey(NonEmptyText),
}).annotate({ identifier: "Staff", title: "Staff member (ansatt, student eller tidgiver)" })
/** @category models */
export type Staff = typeof Staff.Type
