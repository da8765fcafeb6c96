/**
 * A department (avdeling) of the coping unit, such as psykisk helse or RPHA.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { BilingualName, Slug } from "./internal/checks.js"

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
 * A department of the unit with its name in Norwegian bokmål and English (`name: { nb, en }`).
 * Mestringsenhetens modell for aktivitet §"Endringer av eksisterende tilbud" names psykisk helse, rus og avhengighet and RPHA.
 * @example
 * Schema.decodeUnknownSync(Department.Department)({ id: "rpha", name: { nb: "Rask psykisk helsehjelp og aktivitet", en: "Rapid mental-health help and activity" } })
 * @category schemas
 */
export const Department = Schema.Struct({
  id: DepartmentId,
  name: BilingualName,
}).annotate({ identifier: "Department", title: "Department (avdeling)" })
/** @category models */
export type Department = typeof Department.Type
