// Calendar dates as whole day numbers (days since 1970-01-01, UTC calendar),
// so that indicators subtract and compare integers instead of strings. The
// model speaks of calendar days in Europe/Oslo, never instants, so the UTC
// calendar gives the same day arithmetic without daylight-saving gaps.
import { Calendar, IsoDate, Redact } from "@aktivitetsmodell/core"
import { AnalyticsError } from "./text.js"

const DAY = 86_400_000

/** The first day of the month `YYYY-MM`. */
export const monthStart = (month: string): number =>
  Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) / DAY

/** The last day of the month `YYYY-MM`. */
export const monthEnd = (month: string): number =>
  Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0) / DAY

/** Every month `YYYY-MM` that overlaps the days `from`–`to` (inclusive). */
export const monthsBetween = (from: number, to: number): Array<string> => {
  const out: Array<string> = []
  if (to < from) return out
  let month = Calendar.fromDayNumber(from).slice(0, 7)
  const last = Calendar.fromDayNumber(to).slice(0, 7)
  for (;;) {
    out.push(month)
    if (month >= last) return out
    const y = Number(month.slice(0, 4))
    const m = Number(month.slice(5, 7))
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`
  }
}

/** Every year (as text, like the `year` dimension) that overlaps the days `from`–`to`. */
export const yearsBetween = (from: number, to: number): Array<string> => {
  const out: Array<string> = []
  for (
    let y = Number(Calendar.fromDayNumber(from).slice(0, 4));
    y <= Number(Calendar.fromDayNumber(to).slice(0, 4)) && to >= from;
    y++
  )
    out.push(String(y))
  return out
}

/**
 * A text that is not a calendar date, where one was needed. It keeps the
 * text, so that the table's builder can name the record and field holding it.
 */
export class DateError extends AnalyticsError {
  /** @param record The index of the record that holds it, when the reader knows. */
  constructor(
    readonly value: unknown,
    readonly record?: number,
  ) {
    super({
      nb: `forventet en gyldig dato ÅÅÅÅ-MM-DD, fant ${Redact.show(value)}`,
      en: `expected a calendar date as YYYY-MM-DD, found ${Redact.show(value)}`,
    })
  }
}

/** A date's day number, month (`YYYY-MM`) and year (`YYYY`). */
export interface Parts {
  readonly day: number
  readonly month: string
  readonly year: string
}

/**
 * Memoised date parts. A year of records repeats the same few hundred dates
 * a million times, so each is parsed once, with one map lookup per row for
 * all three parts; month and year strings are shared, not sliced anew.
 * Each new date is checked once: a record that bypassed core's schemas with
 * "2024-13-45" would otherwise roll over into another month unnoticed.
 */
export class DateParts {
  // By key (see Calendar.dateKey) when the text has the shape, else by the text: a
  // fresh copy of a date then costs no hashing of the text.
  private readonly byKey = new Map<number, Parts>()
  private readonly cache = new Map<string, Parts>()
  private readonly months = new Map<string, string>()
  private readonly years = new Map<string, string>()
  private lastKey = -1
  private last: Parts | undefined

  parts(iso: string): Parts {
    const key = Calendar.dateKey(iso)
    if (key >= 0 && key === this.lastKey) return this.last!
    let p = key >= 0 ? this.byKey.get(key) : this.cache.get(iso)
    if (p === undefined) {
      if (!IsoDate.isIsoDate(iso)) throw new DateError(iso)
      const m = iso.slice(0, 7)
      const y = iso.slice(0, 4)
      let month = this.months.get(m)
      if (month === undefined) {
        this.months.set(m, m)
        month = m
      }
      let year = this.years.get(y)
      if (year === undefined) {
        this.years.set(y, y)
        year = y
      }
      p = { day: Calendar.dayNumber(iso), month, year }
      if (key >= 0) this.byKey.set(key, p)
      else this.cache.set(iso, p)
    }
    if (key >= 0) {
      this.lastKey = key
      this.last = p
    }
    return p
  }

  day(iso: string): number {
    return this.parts(iso).day
  }

  month(iso: string): string {
    return this.parts(iso).month
  }

  year(iso: string): string {
    return this.parts(iso).year
  }
}
