/**
 * Period lengths as parameter values — how long a transition, a cohort or an
 * enrollment period lasts — written as ISO 8601 durations: `P2M` (two
 * months), `P4W`, `P1Y6M`, `P10D`. Months are calendar months, so "2 months
 * from 9 March" ends on 9 May, as a person counts. (Named apart from effect's
 * `Duration`, which measures elapsed time, not calendar lengths.)
 *
 * @module
 */
import type { Bilingual, IsoDate } from "@aktivitetsmodell/core"
import { Calendar, Policy } from "@aktivitetsmodell/core"
import { guard, requireDate } from "./internal/boundary.js"
import { quote } from "./internal/text.js"
import { RulesError } from "./RulesError.js"

/**
 * A parsed period length.
 * @category models
 */
export interface PeriodLength {
  readonly years: number
  readonly months: number
  readonly weeks: number
  readonly days: number
}

const pattern = /^P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,5})D)?$/u

/**
 * Parses `P…` text, or returns undefined when it is not a period length this
 * package supports (years, months, weeks and days; no times).
 * @example
 * PeriodLength.parse("P2M") // { years: 0, months: 2, weeks: 0, days: 0 }
 * @category constructors
 */
export const parse = guard(
  "PeriodLength.parse",
  { en: "(text: string)", nb: "(text: string)" },
  (text: string): PeriodLength | undefined => {
    if (typeof text !== "string") return undefined
    const m = pattern.exec(text)
    if (m === null || text === "P") return undefined
    return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), weeks: Number(m[3] ?? 0), days: Number(m[4] ?? 0) }
  },
)

/**
 * True for a supported period length text.
 * @example
 * PeriodLength.isPeriodLength("P1M") // true
 * @category predicates
 */
export const isPeriodLength = (u: unknown): u is string => typeof u === "string" && parse(u) !== undefined

/**
 * The date a period length after `date`: years and months first (clamped to the
 * month's end), then weeks and days.
 * @example
 * PeriodLength.addTo("2023-03-09", "P2M") // "2023-05-09"
 * @category constructors
 */
export const addTo = guard(
  "PeriodLength.addTo",
  { en: "(date: YYYY-MM-DD, length: string)", nb: "(date: ÅÅÅÅ-MM-DD, length: string)" },
  (date: string, length: string): IsoDate.IsoDate => {
    requireDate("PeriodLength.addTo", "date", date)
    const d = parse(length)
    if (d === undefined) {
      const shown = quote(typeof length === "string" ? length : typeof length)
      throw new RulesError({
        en: `Not a period length such as P2M: ${shown.en}`,
        nb: `Ikke en periodelengde som P2M: ${shown.nb}`,
      })
    }
    return Calendar.addDays(Calendar.addMonths(date, d.years * 12 + d.months), d.weeks * 7 + d.days)
  },
)

/**
 * Whole months in a period length of years and months only ("P2M",
 * "P1Y6M"), else undefined. It is core's `Policy.wholeMonths`, so that a
 * transition length `check` accepts is one core reads the same way.
 * @example
 * PeriodLength.wholeMonths("P2M") // 2
 * @category constructors
 */
export const wholeMonths = guard(
  "PeriodLength.wholeMonths",
  { en: "(length: string)", nb: "(length: string)" },
  (length: string): number | undefined => Policy.wholeMonths(length),
)

// A count with its noun in both languages: `words.nb` is [singular, plural].
const part = (
  n: number,
  words: { readonly en: readonly [string, string]; readonly nb: readonly [string, string] },
): Bilingual | undefined =>
  n === 0 ? undefined : { en: `${n} ${words.en[n === 1 ? 0 : 1]}`, nb: `${n} ${words.nb[n === 1 ? 0 : 1]}` }

/**
 * A period length in words.
 * @example
 * PeriodLength.words("P2M").nb // "2 måneder"
 * @category constructors
 */
export const words = guard(
  "PeriodLength.words",
  { en: "(length: string)", nb: "(length: string)" },
  (length: string): Bilingual => {
    const d = parse(length)
    if (d === undefined) return { en: String(length), nb: String(length) }
    const parts = [
      part(d.years, { en: ["year", "years"], nb: ["år", "år"] }),
      part(d.months, { en: ["month", "months"], nb: ["måned", "måneder"] }),
      part(d.weeks, { en: ["week", "weeks"], nb: ["uke", "uker"] }),
      part(d.days, { en: ["day", "days"], nb: ["dag", "dager"] }),
    ].filter((p): p is Bilingual => p !== undefined)
    return { en: parts.map((p) => p.en).join(" "), nb: parts.map((p) => p.nb).join(" ") }
  },
)
