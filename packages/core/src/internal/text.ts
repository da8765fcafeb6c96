/**
 * A message a person reads, in English and Norwegian bokmål.
 *
 * Every error, violation and explanation in the library carries both, so an
 * app can show the citizen-facing language and log the other.
 */
/** The two languages every text exists in: Norwegian bokmål and English. */
export type Lang = "nb" | "en"

export interface Bilingual {
  readonly en: string
  readonly nb: string
}
