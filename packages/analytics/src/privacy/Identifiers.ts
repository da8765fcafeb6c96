/**
 * A last check before anything leaves the package: published text must hold
 * no national identity number (11 digits) and no pseudonym (32 hexadecimal
 * characters).
 *
 * @module
 */
import { AnalyticsError, bi } from "../internal/text.js"

// Digits or hex characters not glued to more of the same, so that "2024-03" or
// a 12-digit number do not match and an identifier inside a word still does.
const nationalId = /(?<!\d)\d{11}(?!\d)/gu
const pseudonym = /(?<![0-9a-fA-F])[0-9a-f]{32}(?![0-9a-fA-F])/gu

/**
 * Every substring of `text` that looks like a national identity number or a
 * pseudonym.
 * @example
 * Identifiers.find("id 01010112345") // ["01010112345"]
 * @category privacy
 */
export const find = (text: string): Array<string> => [...(text.match(nationalId) ?? []), ...(text.match(pseudonym) ?? [])]

/**
 * Throws when `text` contains something that looks like an identifier;
 * `what` names the output in the message (the identifier itself is never
 * repeated).
 * @example
 * Identifiers.assertNone(html, "report.html")
 * @category privacy
 */
export const assertNone = (text: string, what: string): void => {
  const found = find(text)
  if (found.length > 0) {
    throw new AnalyticsError(
      bi(
        `${what} inneholder ${found.length} mulig(e) identifikator(er) (11 sifre eller pseudonym); den publiseres ikke`,
        `${what} contains ${found.length} possible identifier(s) (11 digits or a pseudonym); it is not published`
      )
    )
  }
}
