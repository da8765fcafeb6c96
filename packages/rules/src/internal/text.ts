// Small helpers for bilingual messages.
import type { Bilingual } from "@aktivitetsmodell/core"

/** Builds a bilingual message. */
export const bi = (en: string, nb: string): Bilingual => ({ en, nb })

/** Joins a list the way each language does: "a, b or c" / "a, b eller c". */
export const orList = (items: ReadonlyArray<string>): Bilingual => {
  if (items.length <= 1) return bi(items.join(""), items.join(""))
  const head = items.slice(0, -1).join(", ")
  const last = items[items.length - 1]!
  return bi(`${head} or ${last}`, `${head} eller ${last}`)
}

// A national identity number is 11 digits; one must never reach a log, even
// when someone pastes it into the wrong field.
const elevenDigits = /(?<!\d)\d{11}(?!\d)/gu

/** Replaces anything shaped like a national identity number with asterisks. */
export const redact = (s: string): string => s.replace(elevenDigits, "***********")
