/**
 * A department's contribution to the activity team (Mestringsenhetens modell for aktivitet §Organisering:
 * "hver avdeling bidrar med 20% ressurs inn i teamet … låne ut 20% av en
 * ansatts stilling, eller overføre 20 % hjemmel").
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { DepartmentId } from "./Department.js"
import { IsoDate } from "./IsoDate.js"
import { NumberBetween, RecordId } from "./internal/checks.js"

/**
 * A contribution: a share of one position, lent (`lent-position`, with the
 * employee) or moved as a budget post (`transferred-budget-post`), from a date.
 * @example
 * Schema.decodeUnknownSync(ResourceContribution.ResourceContribution)({ id: "c-1", department: "psykisk-helse", from: "2023-03-09", sharePercent: 20, form: "lent-position", staffId: "s-7" })
 * @category schemas
 */
export const ResourceContribution = Schema.Struct({
  id: RecordId,
  department: DepartmentId,
  from: IsoDate,
  to: Schema.optionalKey(IsoDate),
  sharePercent: NumberBetween(0, 100),
  form: Schema.Literals(["lent-position", "transferred-budget-post"]),
  staffId: Schema.optionalKey(RecordId),
}).annotate({ identifier: "ResourceContribution", title: "Resource contribution (ressursbidrag)" })
/** @category models */
export type ResourceContribution = typeof ResourceContribution.Type
