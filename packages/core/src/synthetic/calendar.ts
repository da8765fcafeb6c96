/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC) for the
 * generator: fast to compare and step, turned into ISO dates on output.
 *
 * @module
 */
import { addMonths, dayNumber, fromDayNumber, isoWeek } from "../Calendar.js"

/** A day number: whole days since 1970-01-01. */
export type Day = number

/**
 * Day of the week, Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday).
 * @example
 * weekday(0) // 4
 * @category constructors
 */
export const weekday = (d: Day): number => ((((d + 3) % 7) + 7) % 7) + 1

/**
 * A number shared by the days of one ISO week (Monday to Sunday).
 * @example
 * weekKey(dayNumber("2024-01-01")) === weekKey(dayNumber("2024-01-07")) // true
 * @category constructors
 */
export const weekKey = (d: Day): number => Math.floor((d + 3) / 7)

/**
 * The first and last day of a year.
 * @example
 * yearBounds(2024).end - yearBounds(2024).start // 365
 * @category constructors
 */
export const yearBounds = (year: number): { readonly start: Day; readonly end: Day } => ({
  start: dayNumber(`${String(year).padStart(4, "0")}-01-01`),
  end: dayNumber(`${String(year).padStart(4, "0")}-12-31`),
})

/**
 * The year and month (1–12) of a day.
 * @example
 * monthOf(dayNumber("2024-03-09")) // { year: 2024, month: 3 }
 * @category constructors
 */
export const monthOf = (d: Day): { readonly year: number; readonly month: number } => {
  const iso = fromDayNumber(d)
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) }
}

/**
 * The day `n` calendar months after `d` (clamped to the month's last day).
 * @example
 * plusMonths(dayNumber("2024-01-31"), 1) === dayNumber("2024-02-29") // true
 * @category constructors
 */
export const plusMonths = (d: Day, n: number): Day => dayNumber(addMonths(fromDayNumber(d), n))

/**
 * True in the unit's holiday weeks, when the weekly everyday offerings pause:
 * about six summer weeks (ISO weeks 27–32) and Christmas (21 December – 3 January).
 * @example
 * isHoliday(dayNumber("2024-07-10")) // true
 * @category predicates
 */
export const isHoliday = (d: Day): boolean => {
  const iso = fromDayNumber(d)
  const md = iso.slice(5)
  if (md >= "12-21" || md <= "01-03") return true
  const week = Number(isoWeek(iso).slice(6))
  return week >= 27 && week <= 32
}

/**
 * Every day from `from` to `to` inclusive that falls on `day` of the week
 * (Monday = 1) and is not skipped.
 * @example
 * weekly(dayNumber("2024-01-01"), dayNumber("2024-01-31"), 1).length // 5 Mondays
 * @category constructors
 */
export const weekly = (from: Day, to: Day, day: number, skip: (d: Day) => boolean = () => false): Array<Day> => {
  const out: Array<Day> = []
  let d = from + ((day - weekday(from) + 7) % 7)
  for (; d <= to; d += 7) if (!skip(d)) out.push(d)
  return out
}

/**
 * The next working day (Monday–Friday) on or after `d`.
 * @example
 * fromDayNumber(workday(dayNumber("2024-01-06"))) // "2024-01-08"
 * @category constructors
 */
export const workday = (d: Day): Day => {
  const w = weekday(d)
  return w === 6 ? d + 2 : w === 7 ? d + 1 : d
}
