/**
 * A citizen (innbygger) who gets help from the unit or the healthy-life centre.
 * Only the pseudonym identifies them: no name, no national identity number.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { birthYears } from "./Calendar.js"
import { DepartmentId } from "./Department.js"
import { IsoDate } from "./IsoDate.js"
import { filter, IntBetween } from "./internal/checks.js"
import { Pseudonym } from "./Pseudonym.js"

/**
 * The three severity pathways of Sandnes' plan for adult mental-health work
 * (Psykisk helsearbeid for voksne §hovedforløp): 1 mild and short, 2 moderate or short severe,
 * 3 severe and long-lasting.
 * @example
 * Schema.decodeUnknownSync(Citizen.Pathway)(2)
 * @category schemas
 */
export const Pathway = Schema.Literals([1, 2, 3]).annotate({
  description: "Hovedforløp 1–3 (Psykisk helsearbeid for voksne)",
  expected: "pathway 1, 2 or 3",
})
/** @category models */
export type Pathway = typeof Pathway.Type

/**
 * A citizen. `departments` lists the unit's departments that help them; it may
 * be empty when only the healthy-life centre does (`healthyLifeCentre`).
 * `birthYear` is always known; `birthDate`, when given, must fall in that year.
 * @example
 * Schema.decodeUnknownSync(Citizen.Citizen)({
 *   id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", birthYear: 1990,
 *   departments: ["psykisk-helse"], healthyLifeCentre: false, pathway: 2
 * })
 * @category schemas
 */
export const Citizen = Schema.Struct({
  id: Pseudonym,
  birthYear: IntBetween(birthYears.first, birthYears.last),
  birthDate: Schema.optionalKey(IsoDate),
  departments: Schema.Array(DepartmentId),
  healthyLifeCentre: Schema.Boolean,
  pathway: Pathway,
})
  .check(
    filter(
      (c: { birthYear: number; birthDate?: string }) =>
        c.birthDate === undefined || Number(c.birthDate.slice(0, 4)) === c.birthYear,
      { en: "Expected birthDate to fall in birthYear", nb: "Forventet at birthDate er i birthYear" },
    ),
  )
  .annotate({ identifier: "Citizen", title: "Citizen (innbygger)" })
/** @category models */
export type Citizen = typeof Citizen.Type
