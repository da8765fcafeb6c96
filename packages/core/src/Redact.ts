/**
 * The one redaction of the library: every message, JSON pointer, key, CLI line
 * and output passes through it before a person or a log sees it.
 *
 * It replaces anything written like a Norwegian national identity number:
 * eleven digits, alone or split by spaces, dashes, dots or characters that do
 * not show (`01019012345`, `010190 12345`, `010190-12345`, `01.01.90.123.45`,
 * `010190\u200b12345`, or with the year in full: `01.01.1990 12345`), or
 * with one "/" between the birth date and the
 * personal number (`010190/12345`, `010190 / 12345`, and `010190~112345` as
 * a JSON pointer escapes that key), when the
 * first six digits could be a birth date (day 01–31, or 41–71 for D-numbers;
 * month 01–12, or +40 / +80 for H-numbers and synthetic numbers), and the same
 * padded with leading zeros. Over-redacting a look-alike is preferred to
 * leaking a real number; only inside a content hash or a pseudonym, where
 * digits run together by chance, must the check digits be valid too. A "/"
 * anywhere else, as in a date range, a path or a fraction, joins no number.
 * The pattern is linear: separators and digits are disjoint, so there is no
 * backtracking on user text.
 *
 * @module
 */

import { hasValidCheckDigits } from "./internal/checkDigits.js"

/** What a redacted identity number reads as. */
export const MASK = "***********"

// A digit, ASCII or fullwidth (as some keyboards write them).
const digit = "[0-9\\uff10-\\uff19]"
// Between two digits, up to three marks a number is written with: spaces of
// every width, tabs, dots, dashes, underscores, and characters that do not
// show at all (a soft hyphen, a zero-width space), which the eye skips. Line
// breaks are left out so that a column of small counts is not read as a number.
const mark = "[ .\\-_\\t\\u00a0\\u00ad\\u2007\\u2009\\u200b-\\u200f\\u2010\\u2011\\u2013\\u202f\\u2060\\ufeff]"
const gap = `${mark}{0,3}`
// Between the birth date and the personal number only (the sixth and seventh
// digit), a "/" may stand too, with marks around it: 010190/12345. Anywhere
// else "/" parts numbers, so that date ranges such as 2024-01-08/2024-02-01 or
// 010124/020224, paths and fractions are not read as numbers. A JSON pointer
// writes the "/" of a key as "~1" (/010190~112345), and a pointer built from
// a key is redacted as text, so "~1" there is the same "/". Neither "/" nor
// "~" is a mark or a digit, so the pattern still has one way to read a text.
const split = `${gap}(?:(?:/|~1)${gap})?`
const candidate = new RegExp(
  `(?<!${digit})${digit}(?:${gap}${digit}){5}${split}${digit}(?:${gap}${digit}){4}(?!${digit})`,
  "gu",
)

// The same with the birth year written in full (01.01.1990 12345): thirteen
// digits, the fifth and sixth the century. Found before the eleven-digit
// form, which would otherwise see only a part of it.
const fullYear = new RegExp(
  `(?<!${digit})${digit}(?:${gap}${digit}){7}${split}${digit}(?:${gap}${digit}){4}(?!${digit})`,
  "gu",
)
const centuries = new Set(["18", "19", "20"])

// The eleven digits of a match, as ASCII ("~1" is a "/", its 1 no digit).
const digitsOf = (match: string): string =>
  match
    .replace(/~1|[^0-9\uff10-\uff19]/gu, "")
    .replace(/[\uff10-\uff19]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))

const plausibleBirthDate = (digits: string): boolean => {
  const day = Number(digits.slice(0, 2))
  const month = Number(digits.slice(2, 4))
  const dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71)
  const m = month > 80 ? month - 80 : month > 40 ? month - 40 : month
  return dayOk && m >= 1 && m <= 12
}

// A number is eleven digits: a text with fewer cannot hold one, and counting
// digits is much quicker than the pattern (ids and keys are checked by the million).
const elevenDigits = (s: string): boolean => {
  let digits = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) && ++digits === 11) return true
  }
  return false
}

/**
 * `text` with every written form of a national identity number masked.
 * @example
 * Redact.text("fnr 010190 12345") // "fnr ***********"
 * @category constructors
 */
export const text = (text: string): string =>
  typeof text === "string"
    ? !elevenDigits(text)
      ? text
      : maskCandidates(text).replace(zeroPadded, (match, tail: string, offset: number, whole: string) =>
          isNumberAt(tail, whole, match, offset) ? MASK : match,
        )
    : show(text)

// Every candidate masked where it can be a number: first those with the year
// in full, then the rest. Candidates may overlap ("72 01.01.90.123.45" holds
// two runs of eleven digits): when one is not a number, the search goes on
// from its next character, not from its end. A candidate spans at most 54
// characters, so each pass stays linear.
const maskCandidates = (text: string): string => maskEach(maskEach(text, fullYear, withFullYear), candidate, masked)

const maskEach = (
  text: string,
  pattern: RegExp,
  isNumber: (match: string, text: string, offset: number) => boolean,
): string => {
  let out = ""
  let last = 0
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (isNumber(m[0], text, m.index)) {
      out += text.slice(last, m.index) + MASK
      last = m.index + m[0].length
      pattern.lastIndex = last
    } else pattern.lastIndex = m.index + 1
  }
  return last === 0 ? text : out + text.slice(last)
}

// Thirteen digits are a number written with its birth year in full when the
// fifth and sixth are a century and the eleven without them are a number.
const withFullYear = (match: string, text: string, offset: number): boolean => {
  const digits = digitsOf(match)
  return centuries.has(digits.slice(4, 6)) && isNumberAt(digits.slice(0, 4) + digits.slice(6), text, match, offset)
}

// A number padded with zeros to a wider field, as a sloppy export writes it
// (0001019012345, or 32 digits where a pseudonym should be), is the number.
// Inside a hash or a pseudonym, a 0 before eleven digits happens by chance:
// there, as for any number, the check digits must be valid too.
const zeroPadded = /(?<![\d])0+(\d{11})(?![\d])/gu

// A look-alike with a plausible birth date is masked. Inside a run of hex
// characters (a content hash, a pseudonym) eleven digits in a row happen by
// chance, so there only digits whose check digits are valid, a number that
// can be real, are masked: a hash keeps working, while a real number written
// into a hash-like text, such as 21 hex letters and then the number, does not pass.
const masked = (match: string, text: string, offset: number): boolean => {
  return isNumberAt(digitsOf(match), text, match, offset)
}

// Eleven digits found as `match` at `offset`: a number when the birth date is
// plausible, and, inside a hash-like run, when the check digits hold too.
const isNumberAt = (digits: string, text: string, match: string, offset: number): boolean =>
  plausibleBirthDate(digits) && (!insideDigest(text, match, offset) || hasValidCheckDigits(digits))

const hex = /[0-9a-f]/u

// A content hash (sha256 as 64 hex characters) may hold eleven digits in a
// row. Only an unbroken run of at least 32 lowercase hex characters with a
// letter in it counts as one, so a number written beside a word or a code is
// masked whatever its check digits.
const insideDigest = (text: string, match: string, offset: number): boolean => {
  if (!/^\d+$/u.test(match)) return false
  let start = offset
  let end = offset + match.length
  // Looking at most 32 characters each way keeps the whole pass linear.
  while (start > 0 && offset - start < 32 && hex.test(text[start - 1]!)) start--
  while (end < text.length && end - offset - match.length < 32 && hex.test(text[end]!)) end++
  return end - start >= 32 && /[a-f]/u.test(text.slice(start, end))
}

/**
 * Whether `text` holds something written like a national identity number.
 * @example
 * Redact.containsNationalId("01.01.90.123.45") // true
 * @category predicates
 */
export const containsNationalId = (value: string): boolean => typeof value === "string" && text(value) !== value

/**
 * Any value turned into a short, redacted string for a message: strings are
 * quoted, other values described by type. Long text is cut, so a message never
 * grows with the input.
 * @example
 * Redact.show("01019012345") // "\"***********\""
 * @category constructors
 */
export const show = (value: unknown, maxLength = 80): string => {
  const max = typeof maxLength === "number" && maxLength >= 1 ? Math.floor(maxLength) : 80
  // Redact before cutting, so that a cut never leaves half a number behind.
  const described = (): string => {
    if (typeof value === "string") return value
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return String(value)
    return Array.isArray(value) ? "array" : typeof value === "function" ? "function" : "object"
  }
  let s: string
  try {
    s = text(described())
  } catch {
    s = typeof value
  }
  const cut = s.length > max ? `${s.slice(0, max)}…` : s
  return typeof value === "string" ? JSON.stringify(cut) : cut
}
