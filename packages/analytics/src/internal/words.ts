// Sentences reports share: the period in words and what the suppression did.

import { describe, label, type Profile } from "../privacy/Profile.js"
import { formatNumber } from "./format.js"
import type { Lang } from "./text.js"

const longDate = (iso: string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang === "nb" ? "nb-NO" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`))

/** "1. januar 2024–31. desember 2024" / "1 January 2024–31 December 2024". */
export const dateRange = (period: { readonly from: string; readonly to: string }, lang: Lang): string =>
  `${longDate(period.from, lang)}–${longDate(period.to, lang)}`

/** "Periode: 1. januar 2024–31. desember 2024" / "Period: 1 January 2024–31 December 2024". */
export const periodText = (period: { readonly from: string; readonly to: string }, lang: Lang): string =>
  `${lang === "nb" ? "Periode" : "Period"}: ${dateRange(period, lang)}`

/**
 * An instant as a reader in Sandnes reads it, on Norwegian time whatever the
 * machine's time zone: "2. desember 2026 kl. 10:15" / "2 December 2026 at 10:15".
 */
export const dateTime = (iso: string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang === "nb" ? "nb-NO" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(new Date(iso))

/** What the profile did in a report, in sentences: the profile and its numbers, the method, what it hid. */
export const describeProfile = (
  profile: Profile,
  hidden: { readonly primary: number; readonly secondary: number },
  lang: Lang,
): string => {
  const n = (v: number) => formatNumber(v, lang)
  const method =
    profile.name === "rounding"
      ? lang === "nb"
        ? "Alle tall i rapporten er del av én modell: hver telling av personer er en sum av de minste cellene, og det er disse som avrundes."
        : "Every figure in the report is part of one model: each count of people is a sum of the finest cells, and those are what is rounded."
      : lang === "nb"
        ? "Alle tall i rapporten er del av ett system av summer og differanser, også mellom tabeller og indikatorer (for eksempel påmeldte minus møtte). " +
          `I tillegg skjules så mange andre celler (sekundær skjerming ved gaussisk eliminasjon, som SSBs GaussSuppression) at ingen skjult celle eller liten differanse kan regnes ut. ` +
          `I denne rapporten er ${n(hidden.primary)} celler skjult fordi tallene er små og ${n(hidden.secondary)} for å hindre tilbakeregning.`
        : "Every figure in the report is part of one system of sums and differences, across tables and indicators too (such as booked minus present). " +
          `Further cells are hidden (secondary suppression by Gaussian elimination, as Statistics Norway's GaussSuppression) so that no hidden cell and no small difference can be worked out. ` +
          `In this report ${n(hidden.primary)} cells are hidden because they are small and ${n(hidden.secondary)} to prevent working them out.`
  const themes =
    lang === "nb"
      ? "Tema fra tilbakemeldinger vises bare som koder fra en fast liste; fritekst vises som «annet»."
      : 'Feedback themes are shown only as codes of a fixed list; free text shows as "other".'
  const none =
    lang === "nb"
      ? "Rapporten inneholder ingen direkte identifikatorer og ingen pseudonymer."
      : "The report holds no direct identifiers and no pseudonyms."
  return `${describe(profile, lang)} (${label(profile)}) ${method} ${themes} ${none}`
}
