/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` dates, with no schemas: what a
 * browser bundle that must stay small (the rules' `decide` entry) can import
 * without Effect. `IsoDate` re-exports every function here.
 *
 * The model speaks of calendar days in Europe/Oslo (a session on 2023-03-14,
 * a 4-week period), never of instants, so dates stay strings and all
 * arithmetic is done on the proleptic Gregorian calendar in UTC, which has no
 * daylight-saving gaps.
 *
 * @module
 */
import { CoreError } from "./CoreError.js"
import { guard } from "./internal/guard.js"
import type { IsoDate } from "./internal/isoDateType.js"

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/**
 * A text shaped `YYYY-MM-DD`, in ASCII digits, as the number YYYYMMDD; -1
 * for anything else. The calendar is not checked ("2024-02-30" has a key).
 * Two such texts compare as their keys do, so hot loops (decoding, fact
 * derivation, table building) compare and look up dates as small integers,
 * read character by character without a substring or an allocation.
 * @example
 * dateKey("2024-03-14") // 20240314
 * dateKey("2024-3-14") // -1
 * @category constructors
 */
export const dateKey = (s: unknown): number => {
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1
  const y0 = s.charCodeAt(0) - 48
  const y1 = s.charCodeAt(1) - 48
  const y2 = s.charCodeAt(2) - 48
  const y3 = s.charCodeAt(3) - 48
  const m0 = s.charCodeAt(5) - 48
  const m1 = s.charCodeAt(6) - 48
  const d0 = s.charCodeAt(8) - 48
  const d1 = s.charCodeAt(9) - 48
  // Every digit in 0–9: as unsigned, a character below "0" is above 9 too.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return -1
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1
  return ((((((y0 * 10 + y1) * 10 + y2) * 10 + y3) * 10 + m0) * 10 + m1) * 10 + d0) * 10 + d1
}

// Decoding checks every date of every record: "YYYY-MM-DD" as
// /^\d{4}-\d{2}-\d{2}$/u would read it, then a real day of the calendar.
const isValidCalendarDate = (s: string): boolean => {
  const key = dateKey(s)
  if (key < 0) return false
  const y = (key / 10_000) | 0
  const mo = ((key / 100) | 0) % 100
  const d = key % 100
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && isLeap(y) ? 29 : monthDays[mo - 1]!)
}

/**
 * Number of days in a month of the Gregorian calendar.
 * @example
 * daysInMonth(2024, 2) // 29
 * @category constructors
 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new CoreError("invalid-argument", {
      en: "IsoDate.daysInMonth could not use its arguments: expected a year and a month from 1 to 12",
      nb: "IsoDate.daysInMonth kunne ikke bruke argumentene: forventet et år og en måned fra 1 til 12",
    })
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * True when the string is an existing calendar date as `YYYY-MM-DD`.
 * @example
 * isIsoDate("2023-02-29") // false
 * @category predicates
 */
export const isIsoDate = (u: unknown): u is IsoDate => typeof u === "string" && isValidCalendarDate(u)

const toUtc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10) as IsoDate
const DAY = 86_400_000

/**
 * The day number of a date: whole days since 1970-01-01, for fast comparing
 * and stepping (the synthetic generator counts in them).
 * @example
 * dayNumber("1970-01-02") // 1
 * @category constructors
 */
export const dayNumber = guard(
  "IsoDate.dayNumber",
  { en: "a date as YYYY-MM-DD", nb: "en dato på formen ÅÅÅÅ-MM-DD" },
  (date: string): number => Math.round(toUtc(date) / DAY),
)

/**
 * The date of a day number (whole days since 1970-01-01).
 * @example
 * fromDayNumber(1) // "1970-01-02"
 * @category constructors
 */
export const fromDayNumber = guard(
  "IsoDate.fromDayNumber",
  { en: "a whole number of days", nb: "et helt antall dager" },
  (n: number): IsoDate => fromUtc(n * DAY),
)

/**
 * The date `n` days after `date` (negative `n` goes back).
 * @example
 * addDays("2023-02-27", 2) // "2023-03-01"
 * @category constructors
 */
export const addDays = guard(
  "IsoDate.addDays",
  { en: "a date as YYYY-MM-DD and a whole number", nb: "en dato på formen ÅÅÅÅ-MM-DD og et heltall" },
  (date: string, n: number): IsoDate => fromUtc(toUtc(date) + n * DAY),
)

/**
 * The date `n` calendar months after `date`, clamped to the month's last day,
 * as a person counts "2 months from 31 December" (28/29 February).
 * @example
 * addMonths("2023-03-09", 2) // "2023-05-09"
 * @category constructors
 */
export const addMonths = guard(
  "IsoDate.addMonths",
  { en: "a date as YYYY-MM-DD and a whole number", nb: "en dato på formen ÅÅÅÅ-MM-DD og et heltall" },
  (date: string, n: number): IsoDate => {
    const y = Number(date.slice(0, 4))
    const m = Number(date.slice(5, 7)) - 1 + n
    const year = y + Math.floor(m / 12)
    const month = (((m % 12) + 12) % 12) + 1
    const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month))
    return fromUtc(Date.UTC(year, month - 1, day))
  },
)

/**
 * Whole days from `a` to `b` (positive when `b` is later).
 * @example
 * daysBetween("2023-03-01", "2023-03-15") // 14
 * @category constructors
 */
export const daysBetween = guard(
  "IsoDate.daysBetween",
  { en: "two dates as YYYY-MM-DD", nb: "to datoer på formen ÅÅÅÅ-MM-DD" },
  (a: string, b: string): number => Math.round((toUtc(b) - toUtc(a)) / DAY),
)

/**
 * The ISO week of a date as `YYYY-Www`, the week Norwegians count in
 * ("uke 11"); weeks start on Monday and week 1 holds the year's first Thursday.
 * @example
 * isoWeek("2023-03-09") // "2023-W10"
 * @category constructors
 */
export const isoWeek = guard(
  "IsoDate.isoWeek",
  { en: "a date as YYYY-MM-DD", nb: "en dato på formen ÅÅÅÅ-MM-DD" },
  (date: string): string => {
    const thursday = new Date(toUtc(date))
    thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3)
    const year = thursday.getUTCFullYear()
    const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7)
    return `${year}-W${String(week).padStart(2, "0")}`
  },
)

/**
 * Day of the week, Monday = 1 … Sunday = 7.
 * @example
 * isoWeekday("2023-03-09") // 4 (Thursday)
 * @category constructors
 */
export const isoWeekday = guard(
  "IsoDate.isoWeekday",
  { en: "a date as YYYY-MM-DD", nb: "en dato på formen ÅÅÅÅ-MM-DD" },
  (date: string): number => ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1,
)

/**
 * Today's date in Europe/Oslo, whatever the machine's own time zone.
 * @example
 * today() // "2026-11-22"
 * @category constructors
 */
export const today = guard(
  "IsoDate.today",
  { en: "a Date, or nothing", nb: "en Date, eller ingenting" },
  (now: Date = new Date()): IsoDate =>
    new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Oslo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now) as IsoDate,
)

/**
 * The years a birth may be given in, as a citizen's `birthYear` or the year
 * of a `birthDate`. Core's `Citizen` and the rules' subjects (both entries)
 * read them here; a birth date such as 0001-01-01 would make anyone old enough.
 * @example
 * Calendar.birthYears.first // 1900
 * @category models
 */
export const birthYears: { readonly first: number; readonly last: number } = Object.freeze({ first: 1900, last: 2100 })

/**
 * Whether `u` is an existing calendar date in {@link birthYears}.
 * @example
 * isBirthDate("1990-05-17") // true
 * isBirthDate("0001-01-01") // false
 * @category predicates
 */
export const isBirthDate = (u: unknown): u is IsoDate => {
  if (!isIsoDate(u)) return false
  const year = Number(u.slice(0, 4))
  return year >= birthYears.first && year <= birthYears.last
}

/**
 * Age in whole years on a date, as Norwegian law counts it (the birthday itself counts).
 * @example
 * ageOn("2005-03-10", "2023-03-09") // 17
 * @category constructors
 */
export const ageOn = guard(
  "IsoDate.ageOn",
  { en: "a birth date and a date as YYYY-MM-DD", nb: "en fødselsdato og en dato på formen ÅÅÅÅ-MM-DD" },
  (birthDate: string, date: string): number => {
    const by = Number(birthDate.slice(0, 4))
    const age = Number(date.slice(0, 4)) - by
    return date.slice(5) < birthDate.slice(5) ? age - 1 : age
  },
)

/**
 * The ages a citizen may be on a date: one from a birth date; from a birth
 * year alone, the age after this year's birthday and the one before it
 * (only the first on 31 December, when everyone born that year has had it).
 * Oldest first, so `agesOn(c, d)[0]` is the most a citizen can be.
 * @example
 * agesOn({ birthYear: 2005 }, "2023-03-09") // [18, 17]
 * agesOn({ birthYear: 2005, birthDate: "2005-03-10" }, "2023-03-09") // [17]
 * @category constructors
 */
export const agesOn = guard(
  "IsoDate.agesOn",
  {
    en: "a citizen ({ birthYear, birthDate? }) and a date as YYYY-MM-DD",
    nb: "en innbygger ({ birthYear, birthDate? }) og en dato på formen ÅÅÅÅ-MM-DD",
  },
  (
    birth: { readonly birthYear: number; readonly birthDate?: string | undefined },
    date: string,
  ): readonly [number] | readonly [number, number] => {
    if (birth.birthDate !== undefined) return [ageOn(birth.birthDate, date)]
    const reached = Number(date.slice(0, 4)) - birth.birthYear
    return date.endsWith("-12-31") ? [reached] : [reached, reached - 1]
  },
)
