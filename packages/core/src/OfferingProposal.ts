/**
 * A proposal for a new offering, its decision and any escalation
 * (Mestringsenhetens modell for aktivitet §Nye tilbud i mestringsenheten).
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { Category } from "./Category.js"
import * as Codes from "./Codes.js"
import { DepartmentId } from "./Department.js"
import { IsoDate } from "./IsoDate.js"
import { NonEmptyText, RecordId } from "./internal/checks.js"

const [approved, declined] = Codes.proposalOutcome

/**
 * A proposal goes to the activity lead; the activity team in RPHA decides.
 * When the team declines an offering that is asked for (`requested`), the
 * question goes to the extended leadership group (`escalation`).
 * `proposedByDepartment` records a department that wants to start a group of
 * its own outside "department groups", which it may not do by itself.
 * @example
 * Schema.decodeUnknownSync(OfferingProposal.OfferingProposal)({ id: "p-1", title: "Svømming", date: "2024-03-01", proposedBy: "s-4", category: "everyday", requested: true, decision: { date: "2024-03-20", outcome: "declined" }, escalation: { date: "2024-04-02", to: "extended-leadership-group", outcome: "approved" } })
 * @category schemas
 */
export const OfferingProposal = Schema.Struct({
  id: RecordId,
  title: NonEmptyText,
  date: IsoDate,
  proposedBy: RecordId,
  proposedByDepartment: Schema.optionalKey(DepartmentId),
  category: Category,
  requested: Schema.Boolean,
  decision: Schema.optionalKey(
    Schema.Struct({
      date: IsoDate,
      outcome: Schema.Literals([approved, declined]),
      reason: Schema.optionalKey(NonEmptyText),
    }),
  ),
  escalation: Schema.optionalKey(
    Schema.Struct({
      date: IsoDate,
      to: Schema.Literals(["extended-leadership-group", "activity-lead"]),
      outcome: Schema.Literals(Codes.proposalOutcome),
    }),
  ),
}).annotate({ identifier: "OfferingProposal", title: "Offering proposal (forslag til nytt tilbud)" })
/** @category models */
export type OfferingProposal = typeof OfferingProposal.Type
