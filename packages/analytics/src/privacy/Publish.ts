/**
 * Turning indicator results into tables fit to publish. One result or
 * several published together go through the same model (`Publication`):
 * small counts and everything that would give them away are hidden, by
 * Gaussian elimination over every table at once.
 *
 * @module
 */
import type { Result } from "../Indicator.js"
import { guard } from "../internal/boundary.js"
import {
  optionsOf,
  reject,
  requireArray,
  requireBooleans,
  requireRecord,
  requireRule,
  requireTable,
} from "../internal/checks.js"
import { requireBy } from "../internal/dimensionList.js"
import { requireIndicator, requireTables } from "../internal/shapes.js"

import type { Period, Tables } from "../Tables.js"
import { type Profile, requireProfile, strictFrom } from "./Profile.js"
import {
  type HiddenState,
  type Publication,
  type Published,
  publishResults,
  roundGroup as round,
} from "./Publication.js"
import type { Rule } from "./Suppression.js"

export type { HiddenState, Publication, Published } from "./Publication.js"

/**
 * Options of {@link publish} and {@link publishAll}: a profile (default
 * `strict` 1–4), or the older `rule` `{ min, max }` (a strict profile);
 * `tables` when one family of counts is published by several groupings.
 * @category models
 */
export interface Options {
  readonly profile?: Profile
  readonly rule?: Rule
  readonly tables?: Tables
  readonly period?: Period
}

// A result's fields, each read once and checked, as a value of its own: the
// publication uses it, not the caller's object, where a getter could answer
// a second read differently.
const requireResult = (name: string, u: unknown, what: string): Result => {
  const r = requireRecord(name, what, u)
  const indicator = requireIndicator(name, r.indicator)
  const by = requireBy(name, r.by)
  const table = requireTable(name, `${what}.table`, r.table)
  const margins = r.margins
  if (typeof margins !== "boolean")
    reject(name, { nb: `${what}.margins må være true eller false`, en: `${what}.margins must be true or false` })
  const notApplicable =
    r.notApplicable === undefined ? undefined : requireBooleans(name, `${what}.notApplicable`, r.notApplicable)
  return {
    indicator,
    by,
    margins: margins as boolean,
    table,
    ...(notApplicable === undefined ? {} : { notApplicable }),
  }
}

const profileOf = (name: string, o: Record<string, unknown>): Profile => {
  if (o.profile !== undefined) return requireProfile(name, o.profile)
  if (o.rule !== undefined) {
    const r = requireRule(name, o.rule)
    return { name: "strict", min: r.min, max: r.max }
  }
  if (o.tables === undefined)
    reject(name, {
      nb: "gi { profile } eller { tables }: uten profil kommer den fra tabellenes regelverk",
      en: "give { profile } or { tables }: without a profile, it comes from the tables' policy",
    })
  const tables = requireTables(name, o.tables)
  return strictFrom(tables.policy, tables.period.to)
}

const settings = (name: string, options: unknown) => {
  const o = optionsOf(name, options)
  const profile = profileOf(name, o)
  const tables = o.tables === undefined ? undefined : requireTables(name, o.tables)
  const period =
    o.period === undefined ? undefined : (requireRecord(name, "options.period", o.period) as unknown as Period)
  return { profile, ...(tables === undefined ? {} : { tables }), ...(period === undefined ? {} : { period }) }
}

/**
 * Publishes one indicator result with the profile (default: counts of 1–4
 * people hidden). A count of people in the profile's small range is hidden,
 * and so is any small difference between counts of the same row (3 of 5
 * completed reveals 2 who did not; 15 booked and 14 present reveal 1 who
 * never came); further cells are hidden, by Gaussian elimination, until none
 * of them can be worked out from the rows and totals shown. Counts that are
 * not about citizens (sessions) are shown whole.
 * @example
 * const shown = Publish.publish(Indicator.compute(Indicators.catalogue.completionRate, tables, { by: ["offering"], margins: true }), { tables: tables })
 * shown.table.objects()
 * @category privacy
 */
export const publish = guard(
  "Publish.publish",
  {
    nb: "et resultat fra Indicator.compute og { profile?, rule?, tables? }",
    en: "a result from Indicator.compute and { profile?, rule?, tables? }",
  },
  (result: Result, options: Options = {}): Published => {
    const name = "Publish.publish"
    const checked = requireResult(name, result, "the result")
    return publishResults([checked], settings(name, options)).tables[0]!
  },
)

/**
 * Publishes several results together, as one publication: a count shown in
 * one table and a count shown in another are one system, so no small
 * difference between them is left to read (a report by offering and by
 * month, an evaluation plan beside it). Give `tables` when one family of
 * counts is published by several groupings.
 * @example
 * const pub = Publish.publishAll([byOffering, byMonth], { tables, profile: { name: "ssb", maxN: 3 } })
 * pub.tables.map((t) => t.hidden)
 * @category privacy
 */
export const publishAll = guard(
  "Publish.publishAll",
  {
    nb: "en liste med resultater fra Indicator.compute og { profile?, rule?, tables? }",
    en: "a list of results from Indicator.compute and { profile?, rule?, tables? }",
  },
  (results: ReadonlyArray<Result>, options: Options = {}): Publication => {
    const name = "Publish.publishAll"
    const checked = Array.from(requireArray(name, "results", results), (r, i) =>
      requireResult(name, r, `results[${i}]`),
    )
    return publishResults(checked, settings(name, options))
  },
)

/**
 * Whether a cell of a published table is hidden (primary or secondary).
 * @example
 * Publish.isHidden(shown, 0, "participants")
 * @category privacy
 */
export const isHidden = guard(
  "Publish.isHidden",
  { nb: "en publisert tabell, en rad og en kolonne", en: "a published table, a row and a column" },
  (published: Published, row: number, column: string): boolean => Object.hasOwn(published.states[row] ?? {}, column),
)

/**
 * The rows of a published table, each with the set of its hidden columns, so
 * that they can be sorted and still know which cells are hidden.
 * @example
 * for (const { row, hidden } of Publish.rowsWithStates(shown)) console.log(row.offering, [...hidden])
 * @category privacy
 */
export const rowsWithStates = guard(
  "Publish.rowsWithStates",
  { nb: "en publisert tabell fra Publish.publish", en: "a published table from Publish.publish" },
  (
    published: Published,
  ): Array<{ readonly row: Record<string, unknown>; readonly hidden: ReadonlyMap<string, HiddenState> }> =>
    (published.table.objects() as Array<Record<string, unknown>>).map((row, i) => ({
      row,
      hidden: new Map(Object.entries(published.states[i] ?? {})),
    })),
)

/**
 * The rounding of the `rounding` profile on a group of inner cells: counts
 * from 1 to base − 1 become 0 or `base`, chosen so that the published cells
 * (sums of inner cells, as lists of indices) stay as close as they can to
 * their true values; published cells are then the sums of the result.
 * @example
 * Publish.roundGroup([2, 2], [[0, 1]], 3) // [3, 0]
 * @category privacy
 */
export const roundGroup = guard(
  "Publish.roundGroup",
  {
    nb: "inner verdier (heltall), publiserte celler som lister av indekser og en base (2 eller mer)",
    en: "inner values (whole numbers), published cells as lists of indices, and a base (2 or more)",
  },
  (values: ReadonlyArray<number>, cells: ReadonlyArray<ReadonlyArray<number>>, base: number): Array<number> => {
    const name = "Publish.roundGroup"
    if (!requireArray(name, "values", values).every((v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0))
      reject(name, { nb: "values må være heltall på 0 eller mer", en: "values must be whole numbers of 0 or more" })
    requireArray(name, "cells", cells).forEach((c) => {
      if (
        !requireArray(name, "cells[]", c).every(
          (i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < values.length,
        )
      )
        reject(name, { nb: "cells må liste indekser i values", en: "cells must list indices of values" })
    })
    if (!Number.isSafeInteger(base) || base < 2)
      reject(name, { nb: "base må være et heltall på 2 eller mer", en: "base must be a whole number of 2 or more" })
    return round(values, cells, base)
  },
)
