/**
 * Numbers as the report writes them: grouped by thousands with a no-break
 * space and a decimal comma in bokmål ("1 585", "4,1", "78 %"), with commas
 * and points in English ("1,585", "4.1", "78%"), and SSB's symbols for a
 * figure that is hidden (":") or missing (".."). Bokmål unless told
 * otherwise, so that a notebook's tables and charts read like the report.
 *
 * @module
 */
import type { Measure } from "./Indicator.js"
import { guard } from "./internal/boundary.js"
import { optionsOf, reject, requireFinite, requireInteger, requireLang, requireRecord } from "./internal/checks.js"
import {
  formatMeasure,
  formatNumber,
  formatPercent,
  formatShare,
  MISSING as missing,
  notApplicable as notApplicableText,
  SUPPRESSED as suppressed,
} from "./internal/format.js"
import type { Lang } from "./internal/text.js"

/**
 * What a cell shows for a figure hidden for confidentiality (SSB's symbol).
 * @example
 * Format.SUPPRESSED // ":"
 * @category outputs
 */
export const SUPPRESSED = suppressed

/**
 * What a cell shows for a missing figure (SSB's symbol).
 * @example
 * Format.MISSING // ".."
 * @category outputs
 */
export const MISSING = missing

/**
 * Options of the number formats: the language (default `"nb"`) and, where a
 * format takes them, the most decimals to show.
 * @category models
 */
export interface Options {
  readonly lang?: Lang
  readonly decimals?: number
}

const lang = (name: string, o: Record<string, unknown>): Lang =>
  o.lang === undefined ? "nb" : requireLang(name, o.lang)

// Intl takes up to 100 fraction digits; more than 20 is never a reader's number.
const decimals = (name: string, o: Record<string, unknown>, fallback: number): number =>
  o.decimals === undefined ? fallback : requireInteger(name, "options.decimals", o.decimals, 0, 20)

/**
 * A number grouped by thousands, with at most `decimals` decimals (default 0).
 * @example
 * Format.number(1585) // "1 585" (a no-break space, U+00A0)
 * Format.number(4.14, { decimals: 1 }) // "4,1"
 * Format.number(1585, { lang: "en" }) // "1,585"
 * @category outputs
 */
export const number = guard(
  "Format.number",
  { nb: "et endelig tall og { lang?, decimals? }", en: "a finite number and { lang?, decimals? }" },
  (value: number, options: Options = {}): string => {
    const name = "Format.number"
    const o = optionsOf(name, options)
    return formatNumber(requireFinite(name, "value", value), lang(name, o), decimals(name, o, 0))
  },
)

/**
 * A share (0–1) as a whole percentage, as the report shows rates.
 * @example
 * Format.share(0.78) // "78 %" (a no-break space before the sign)
 * Format.share(0.78, { lang: "en" }) // "78%"
 * @category outputs
 */
export const share = guard(
  "Format.share",
  { nb: "en andel (et endelig tall) og { lang? }", en: "a share (a finite number) and { lang? }" },
  (value: number, options: Pick<Options, "lang"> = {}): string => {
    const name = "Format.share"
    return formatShare(requireFinite(name, "value", value), lang(name, optionsOf(name, options)))
  },
)

/**
 * A percentage (0–100), with at most `decimals` decimals (default 1), as
 * the report shows percent measures and changes.
 * @example
 * Format.percent(12.46) // "12,5 %"
 * Format.percent(-3, { lang: "en" }) // "-3%"
 * @category outputs
 */
export const percent = guard(
  "Format.percent",
  { nb: "et endelig tall og { lang?, decimals? }", en: "a finite number and { lang?, decimals? }" },
  (value: number, options: Options = {}): string => {
    const name = "Format.percent"
    const o = optionsOf(name, options)
    return formatPercent(requireFinite(name, "value", value), lang(name, o), decimals(name, o, 1))
  },
)

/**
 * A value of an indicator's measure as the report's tables show it: a
 * share as a percentage, days, points and ratings with one decimal, counts
 * whole; {@link SUPPRESSED} when `hidden`, {@link MISSING} for a value that
 * is no finite number (null where a rate has no denominator).
 * @example
 * const rate = Indicator.measure(Indicators.catalogue.attendanceRate, "rate")!
 * Format.measure(rate, 0.5) // "50 %"
 * Format.measure(rate, null) // ".."
 * Format.measure(rate, 0.5, { hidden: true }) // ":"
 * @category outputs
 */
export const measure = guard(
  "Format.measure",
  {
    nb: "et mål (som Indicator.measure gir), en verdi og { lang?, hidden? }",
    en: "a measure (as Indicator.measure gives), a value and { lang?, hidden? }",
  },
  (
    m: Pick<Measure, "unit" | "kind">,
    value: unknown,
    options: { readonly lang?: Lang; readonly hidden?: boolean } = {},
  ): string => {
    const name = "Format.measure"
    const given = requireRecord(name, "measure", m)
    if (typeof given.unit !== "string")
      reject(name, { nb: "measure.unit må være en tekst", en: "measure.unit must be a text" })
    const o = optionsOf(name, options)
    if (o.hidden !== undefined && typeof o.hidden !== "boolean")
      reject(name, { nb: "options.hidden må være true eller false", en: "options.hidden must be true or false" })
    return formatMeasure(m, value, lang(name, o), o.hidden === true)
  },
)

/**
 * What a cell says where an indicator does not apply: words, never 0.
 * @example
 * Format.notApplicable() // "ikke relevant"
 * @category outputs
 */
export const notApplicable = guard(
  "Format.notApplicable",
  { nb: '"nb" eller "en"', en: '"nb" or "en"' },
  (language: Lang = "nb"): string => notApplicableText(requireLang("Format.notApplicable", language)),
)
