/**
 * A message a person reads, in English and Norwegian bokmål.
 *
 * Every error, violation and explanation in the library carries both, so an
 * app can show the citizen-facing language and log the other.
 */
export interface Bilingual {
  readonly en: string
  readonly nb: string
}

/** Builds a {@link Bilingual} message. */
export const bilingual = (en: string, nb: string): Bilingual => ({ en, nb })
