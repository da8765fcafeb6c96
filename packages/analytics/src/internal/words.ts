// Sentences reports share: the period in words and what the suppression did.
import { formatNumber } from "./format.js"
import type { Lang } from "./text.js"
import type { Rule } from "../privacy/Suppression.js"

const longDate = (iso: string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang === "nb" ? "nb-NO" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`))

/** "1. januar 2024–31. desember 2024" / "1 January 2024–31 December 2024". */
export const periodText = (period: { readonly from: string; readonly to: string }, lang: Lang): string =>
  `${lang === "nb" ? "Periode" : "Period"}: ${longDate(period.from, lang)}–${longDate(period.to, lang)}`

/** What the small-cell rule hid in a report, in a sentence. */
export const describeRule = (rule: Rule, hidden: { readonly primary: number; readonly secondary: number }, lang: Lang): string => {
  const n = (v: number) => formatNumber(v, lang)
  return lang === "nb"
    ? `Tall for ${n(rule.min)}–${n(rule.max)} personer vises ikke, og heller ikke andeler eller gjennomsnitt som bygger på dem. ` +
        `I tillegg skjules så mange andre celler at de skjulte ikke kan regnes ut fra summer og rader. ` +
        `I denne rapporten er ${n(hidden.primary)} celler skjult fordi tallene er små og ${n(hidden.secondary)} for å hindre tilbakeregning. ` +
        `Rapporten inneholder ingen direkte identifikatorer og ingen pseudonymer.`
    : `Counts of ${n(rule.min)}–${n(rule.max)} persons are not shown, nor are shares or means built on them. ` +
        `Further cells are hidden so that no hidden one can be worked out from totals and rows. ` +
        `In this report ${n(hidden.primary)} cells are hidden because they are small and ${n(hidden.secondary)} to prevent working them out. ` +
        `The report holds no direct identifiers and no pseudonyms.`
}
