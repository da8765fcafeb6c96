// Every label and message the package shows a person exists in bokmål and
// English; reports pick one, errors carry both.
import type { Bilingual } from "@aktivitetsmodell/core"

export type { Bilingual }

/** The report languages: Norwegian bokmål (default) and English. */
export type Lang = "nb" | "en"

/** Builds a {@link Bilingual} text. */
export const bi = (nb: string, en: string): Bilingual => ({ nb, en })

/**
 * An error whose message a person can act on, in both languages: the English
 * text first, then the Norwegian, as the rest of the monorepo does.
 */
export class AnalyticsError extends Error {
  override readonly name: string = "AnalyticsError"
  constructor(readonly text: Bilingual) {
    super(`${text.en} / ${text.nb}`)
  }
}
