/**
 * Calendar dates as ISO `YYYY-MM-DD` strings: the schemas that check them,
 * and the arithmetic on them (`addDays`, `ageOn` …), which lives in
 * `Calendar` and is re-exported here.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { isIsoDate } from "./Calendar.js"
import { withPredicate } from "./internal/predicates.js"

// The arithmetic lives in Calendar, which has no schemas; IsoDate keeps it under its old names.
export {
  addDays,
  addMonths,
  ageOn,
  agesOn,
  dateKey,
  dayNumber,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isBirthDate,
  isIsoDate,
  isoWeek,
  isoWeekday,
  today,
} from "./Calendar.js"

/**
 * An ISO calendar date (`YYYY-MM-DD`) that exists: 2023-02-29 is rejected.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { IsoDate } from "@aktivitetsmodell/core"
 * Schema.decodeUnknownSync(IsoDate.IsoDate)("2023-03-09")
 * ```
 * @category schemas
 */
export const IsoDate = Schema.String.check(
  // `: boolean`, not the predicate `isIsoDate` gives: the schema's type must not depend on itself.
  withPredicate(
    Schema.makeFilter((s: string): boolean => isIsoDate(s), {
      identifier: "IsoDate",
      title: "ISO date",
      description: "A calendar date in Europe/Oslo as YYYY-MM-DD",
      message: "Expected an existing calendar date as YYYY-MM-DD",
      messageNb: "Forventet en gyldig dato på formen ÅÅÅÅ-MM-DD",
      toJsonSchema: () => ({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", format: "date" }),
    }),
    isIsoDate,
  ),
).pipe(Schema.brand("IsoDate"))

/** @category models */
export type IsoDate = typeof IsoDate.Type

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/u
/**
 * A calendar month as `YYYY-MM`, such as a walking-group cohort (`2024-03`).
 * @example
 * Schema.decodeUnknownSync(IsoDate.Month)("2024-03")
 * @category schemas
 */
export const Month = Schema.String.check(
  withPredicate(
    Schema.isPattern(monthPattern, {
      message: "Expected a month as YYYY-MM",
      messageNb: "Forventet en måned på formen ÅÅÅÅ-MM",
    }),
    (s: string) => monthPattern.test(s),
  ),
).annotate({ title: "Month" })
