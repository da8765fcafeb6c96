/**
 * A last check before anything leaves the package: published text must hold
 * no national identity number, in any of the ways one is written
 * (`01019012345`, `010190 12345`, `010190-12345`, `01.01.90.123.45`), and no
 * pseudonym (32 hexadecimal characters). National identity numbers are
 * recognised by core's one redaction (`Redact`), so this check and every
 * message of the monorepo agree on what counts as one.
 *
 * @module
 */
import { Redact } from "@aktivitetsmodell/core"
import { guard } from "../internal/boundary.js"
import { requireString } from "../internal/checks.js"
import { AnalyticsError, bi } from "../internal/text.js"

// Hex characters not glued to more of the same, so that a longer hash does not
// match and an identifier inside a word still does.
const pseudonym = /(?<![0-9a-fA-F])[0-9a-f]{32}(?![0-9a-fA-F])/gu

// The national identity numbers in `text`, as written there. Redact.text masks
// each with MASK and leaves everything else as it was; with any "*" of the text
// first made into a character that is neither digit nor separator (which
// changes no match), each MASK in its output marks one number, and that number
// runs from the same place in the text through its eleventh digit.
const nationalIds = (text: string): Array<string> => {
  const plain = text.replace(/\*/gu, "x")
  const masked = Redact.text(plain)
  if (masked === plain) return []
  const found: Array<string> = []
  let i = 0
  let j = 0
  while (j < masked.length) {
    if (masked.startsWith(Redact.MASK, j) && /\d/u.test(plain[i] ?? "")) {
      let digits = 0
      const start = i
      while (i < plain.length && digits < 11) if (/\d/u.test(plain[i++]!)) digits++
      found.push(text.slice(start, i))
      j += Redact.MASK.length
    } else {
      i++
      j++
    }
  }
  return found
}

/**
 * Every substring of `text` that looks like a national identity number (in
 * any of its written forms) or a pseudonym.
 * @example
 * Identifiers.find("id 010170 12345") // ["010170 12345"]
 * @category privacy
 */
export const find = guard("Identifiers.find", bi("en tekst", "a text"), (text: string): Array<string> => {
  requireString("Identifiers.find", "text", text)
  return [...nationalIds(text), ...(text.match(pseudonym) ?? [])]
})

/**
 * Throws when `text` contains something that looks like an identifier;
 * `what` names the output in the message (the identifier itself is never
 * repeated).
 * @example
 * Identifiers.assertNone(html, "report.html")
 * @category privacy
 */
export const assertNone = guard("Identifiers.assertNone", bi("en tekst og navnet på det den er", "a text and the name of what it is"), (text: string, what: string): void => {
  requireString("Identifiers.assertNone", "text", text)
  requireString("Identifiers.assertNone", "what", what)
  const found = find(text)
  if (found.length > 0) {
    throw new AnalyticsError(
      bi(
        `${what} inneholder ${found.length} mulig(e) identifikator(er) (fødselsnummer eller pseudonym); den publiseres ikke`,
        `${what} contains ${found.length} possible identifier(s) (a national identity number or a pseudonym); it is not published`
      )
    )
  }
})
