// Numbers as a Norwegian (or English) reader expects them: "1 585", "78 %",
// "4,1" in bokmål; "1,585", "78%", "4.1" in English.
import type { Measure } from "../Indicator.js"
import type { Lang } from "./text.js"

const locale = (lang: Lang) => (lang === "nb" ? "nb-NO" : "en-GB")

/** A number with at most `decimals` decimals, grouped by thousands. */
export const formatNumber = (value: number, lang: Lang, decimals = 0): string =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(value)

/** A percentage (0–100) with at most `decimals` decimals: "12,5 %" (a no-break space before the sign) in bokmål, "12.5%" in English. */
export const formatPercent = (value: number, lang: Lang, decimals = 0): string =>
  `${formatNumber(value, lang, decimals)}${lang === "nb" ? "\u00a0%" : "%"}`

/** A share (0–1) as a whole percentage. */
export const formatShare = (share: number, lang: Lang): string => formatPercent(share * 100, lang)

/** SSB's symbols: ":" for a figure hidden for confidentiality, ".." for a missing one, "." for one that cannot be computed (a change from 0). */
export const SUPPRESSED = ":"
export const MISSING = ".."
export const NOT_COMPUTABLE = "."

/** What a cell says where the indicator does not apply: words, so that no one reads it as 0. */
export const notApplicable = (lang: Lang): string => (lang === "nb" ? "ikke relevant" : "not applicable")

/** A measure's value as text; null shows as missing (or suppressed when the row is hidden). */
export const formatMeasure = (
  measure: Pick<Measure, "unit" | "kind">,
  value: unknown,
  lang: Lang,
  hidden = false,
): string => {
  if (hidden) return SUPPRESSED
  if (typeof value !== "number" || !Number.isFinite(value)) return MISSING
  switch (measure.unit) {
    case "share":
      return formatShare(value, lang)
    case "percent":
      return formatPercent(value, lang, 1)
    case "days":
    case "points":
    case "rating":
    case "per-session":
      return formatNumber(value, lang, 1)
    default:
      return formatNumber(value, lang)
  }
}
