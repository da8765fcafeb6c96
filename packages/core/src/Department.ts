/**
 * A department (avdeling) of the coping unit, such as psykisk helse or RPHA.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { NonEmptyText, Slug } from "./internal/checks.js"

/**
 * A department's identifier, a slug such as `psykisk-helse`, `rus-og-avhengighet` or `rpha`.
 * The catalogue lists the departments it knows; other municipalities add their own.
 * @example
 * Schema.decodeUnknownSync(Department.DepartmentId)("rpha")
 * @category schemas
 */
export const DepartmentId = Slug.pipe(Schema.brand("DepartmentId")).annotate({
  identifier: "DepartmentId",
  description: "Department identifier (avdeling), e.g. psykisk-helse, rus-og-avhengighet, rpha",
})
/** @category models */
export type DepartmentId = typeof DepartmentId.Type

/**
 * A department of the unit with its Norwegian and English names.
 * Mestringsenhetens modell for aktivitet §"Endringer av eksisterende tilbud" names psykisk helse, rus og avhengighet and RPHA.
 * @example
 * Schema.decodeUnknownSync(Department.Department)({ id: "rpha", name: "Rask psykisk helsehjelp og aktivitet", nameEn: "Rapid mental-health help and activity" })
 * @category schemas
 */
export const Department = Schema.Struct({
  id: DepartmentId,
  name: NonEmptyText.annotate({ description: "Norwegian name (bokmål)" }),
  nameEn: NonEmptyText.annotate({ description: "English name" }),
}).annotate({ identifier: "Department", title: "Department (avdeling)" })
/** @category models */
export type Department = typeof Department.Type
