/**
 * A last check before anything leaves the package: published text must hold
 * no national identity number, in any of the ways one is written
 * (`01019012345`, `010190 12345`, `010190-12345`, `01.01.90.123.45`,
 * `010190/12345`, fullwidth digits), and no
 * pseudonym (32 hexadecimal characters), and, when the caller gives a list
 * of names (the citizens', the staff's), none of those names. National
 * identity numbers are recognised by core's one redaction (`Redact`), so this
 * check and every message of the monorepo agree on what counts as one.
 *
 * @module
 */
import { Redact } from "@aktivitetsmodell/core"
import { guard } from "../internal/boundary.js"
import { optionsOf, reject, requireArray, requireString } from "../internal/checks.js"
import { AnalyticsError } from "../internal/text.js"

// Hex characters not glued to more of the same, so that a longer hash does not
// match and an identifier inside a word still does.
const pseudonym = /(?<![0-9a-fA-F])[0-9a-f]{32}(?![0-9a-fA-F])/gu

// A digit as Redact reads one: ASCII or fullwidth.
const digit = /[0-9\uff10-\uff19]/u
const isDigit = (c: string | undefined): boolean => c !== undefined && digit.test(c)

// The national identity numbers in `text`, as written there. Redact.text masks
// each with MASK and leaves everything else as it was; with any "*" of the text
// first made into a character that is neither digit nor separator (which
// changes no match), each MASK in its output marks one number, and that number
// runs from the same place in the text through its eleventh digit, or through
// the end of its run of ASCII digits when it is padded with zeros (Redact
// never masks eleven digits that another digit follows).
const nationalIds = (text: string): Array<string> => {
  if (!Redact.containsNationalId(text)) return []
  const plain = text.replace(/\*/gu, "x")
  const masked = Redact.text(plain)
  if (masked === plain) return []
  const found: Array<string> = []
  let i = 0
  let j = 0
  while (j < masked.length) {
    if (masked.startsWith(Redact.MASK, j) && isDigit(plain[i])) {
      let digits = 0
      const start = i
      while (i < plain.length && digits < 11) {
        // "~1" is the "/" of a key in a JSON pointer (010190~112345): its 1 is no digit of the number.
        if (plain.startsWith("~1", i)) i += 2
        else if (isDigit(plain[i++])) digits++
      }
      while (/[0-9]/u.test(plain[i] ?? "")) i++
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
 * Options of {@link find} and {@link assertNone}: names that must not occur
 * (matched without regard to case, as whole words; names under two letters
 * are ignored).
 * @category privacy
 */
export interface Options {
  readonly names?: ReadonlyArray<string>
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")

// The names of the list that occur in `text`, as written there.
const namesIn = (text: string, names: ReadonlyArray<string>): Array<string> => {
  const wanted = [
    ...new Set(names.map((n) => n.normalize("NFC").trim().replace(/\s+/gu, " ")).filter((n) => [...n].length >= 2)),
  ]
  if (wanted.length === 0) return []
  // Longest first, so that "Kari Nordmann" is found whole before "Kari".
  wanted.sort((a, b) => b.length - a.length)
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${wanted.map((n) => escapeRegExp(n).replace(/ /gu, "\\s+")).join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  )
  return text.normalize("NFC").match(pattern) ?? []
}

const requireOptions = (name: string, u: unknown): ReadonlyArray<string> => {
  if (u === undefined) return []
  const o = optionsOf(name, u)
  if (o.names === undefined) return []
  const list = requireArray(name, "options.names", o.names)
  if (!list.every((n) => typeof n === "string"))
    reject(name, { nb: "options.names må være en liste med tekster", en: "options.names must be a list of texts" })
  return list as ReadonlyArray<string>
}

/**
 * Every substring of `text` that looks like a national identity number (in
 * any of its written forms), a pseudonym, or one of the given names.
 * @example
 * Identifiers.find("id 010170 12345") // ["010170 12345"]
 * Identifiers.find("Kari kom", { names: ["kari"] }) // ["Kari"]
 * @category privacy
 */
export const find = guard(
  "Identifiers.find",
  { nb: "en tekst og { names? }", en: "a text and { names? }" },
  (text: string, options?: Options): Array<string> => {
    requireString("Identifiers.find", "text", text)
    const names = requireOptions("Identifiers.find", options)
    return [...nationalIds(text), ...(text.match(pseudonym) ?? []), ...namesIn(text, names)]
  },
)

/**
 * Throws when `text` contains something that looks like an identifier (or
 * one of the given names); `what` names the output in the message (the
 * identifier itself is never repeated).
 * @example
 * Identifiers.assertNone(html, "report.html", { names: ["Kari Nordmann"] })
 * @category privacy
 */
export const assertNone = guard(
  "Identifiers.assertNone",
  { nb: "en tekst, navnet på det den er og { names? }", en: "a text, the name of what it is and { names? }" },
  (text: string, what: string, options?: Options): void => {
    requireString("Identifiers.assertNone", "text", text)
    requireString("Identifiers.assertNone", "what", what)
    const found = find(text, options)
    if (found.length > 0) {
      throw new AnalyticsError({
        nb: `${what} inneholder ${found.length} mulig(e) identifikator(er) (fødselsnummer, pseudonym eller navn); den publiseres ikke`,
        en: `${what} contains ${found.length} possible identifier(s) (a national identity number, a pseudonym or a name); it is not published`,
      })
    }
  },
)
