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
import type { IsoDate } from "./IsoDate.js"
import { guard } from "./internal/guard.js"

const pattern = /^\d{4}-\d{2}-\d{2}$/u
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

// Decoding checks every date of every record, so this stays allocation-free.
const isValidCalendarDate = (s: string): boolean => {
  if (!pattern.test(s)) return false
  const y = +s.slice(0, 4)
  const mo = +s.slice(5, 7)
  const d = +s.slice(8, 10)
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
