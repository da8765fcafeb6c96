/**
 * Norwegian national identity numbers: fødselsnummer, D-number and the
 * synthetic test numbers of Tenor and NAV, with the reason for a rejection.
 *
 * The number is health-related personal data here, so no message this module
 * builds ever contains it; callers should pseudonymise it (see `Pseudonym.ts`)
 * as soon as it has been validated.
 *
 * Sources for the rules:
 * - Individual-number series per century: forskrift om folkeregistrering, as
 *   quoted at https://lovas.info/2013/12/01/identitetsnummer-i-norge/ , and the
 *   table at https://www.matematikk.org/artikkel.html?tid=64296 .
 * - Classic check digits: http://www.fnrinfo.no/Teknisk/KontrollsifferBeregning.aspx
 *   (worked example 311299567 → 31129956715).
 * - Numbers issued from 2032: Skatteetaten, "Nytt fødselsnummer fra 2032",
 *   https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/
 *   (source: github.com/Skatteetaten/folkeregisteret-api-dokumentasjon,
 *   src/om-tjenestene/nyttfnr2032.md) and Skatteetaten's reference validator
 *   `foedselsEllerDNummerValidator.js` in the same repository.
 * - Synthetic numbers: NAV code (a `FødselsnummerType` enum: Dolly adds 4,
 *   Test-Norge/Tenor adds 8 to the third digit), the examples in
 *   github.com/navikt/familie-felles, modell/src/test/kotlin/no/nav/familie/FødselsnummerTest.kt,
 *   and Skatteetaten's validator above (synthetic = third digit 8 or 9).
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { daysInMonth } from "./Calendar.js"
import { digitFor, K1_WEIGHTS, K2_WEIGHTS, REMAINDERS_2032, weightedSum } from "./internal/checkDigits.js"
import { guard } from "./internal/guard.js"
import type { Bilingual } from "./internal/text.js"

/**
 * What kind of number an accepted national identity number is.
 *
 * `synthetic` covers both Tenor's (month + 80) and NAV's (month + 40) test
 * numbers, with or without the D-number offset. Old hjelpenumre (H-numbers)
 * also add 40 to the month, so they are reported as `synthetic` too.
 *
 * @example
 * const kind: NationalIdKind = "d-number"
 * @category models
 */
export type NationalIdKind = "fodselsnummer" | "d-number" | "synthetic"

/**
 * Why a string is not a national identity number.
 *
 * @example
 * const code: NationalIdRejectionCode = "check-digit-1"
 * @category models
 */
export type NationalIdRejectionCode =
  | "not-11-digits"
  | "invalid-date"
  | "invalid-individual-number"
  | "check-digit-1"
  | "check-digit-2"
  | "synthetic-not-allowed"

/**
 * A rejected national identity number: a stable `code` for programs and a
 * message in English and bokmål for people. The message never contains the
 * number itself, so it is safe to log and show.
 *
 * @example
 * const r: NationalIdRejection = {
 *   code: "not-11-digits",
 *   message: { en: "…", nb: "…" }
 * }
 * @category models
 */
export type NationalIdRejection = {
  readonly code: NationalIdRejectionCode
  readonly message: Bilingual
}

/**
 * Which check-digit rules to accept.
 *
 * - `classic`: the rules for numbers issued before 2032. The first check digit
 *   is fully determined, and the individual number must belong to a series
 *   that gives the century of the birth year.
 * - `2032`: Skatteetaten's rules for numbers issued from 1 January 2032. The
 *   first check digit may take up to four values, and the individual number no
 *   longer encodes the century. Every classic number is also valid under these
 *   rules, because the classic remainder 0 is one of the allowed ones.
 * - `any`: accept a number that is valid under either. Since the 2032 rules
 *   accept a superset, this accepts the same numbers as `2032`; it differs
 *   only in reporting `checkDigitRules: "classic"` for numbers that satisfy
 *   the classic rules in full.
 *
 * @example
 * const rules: CheckDigitRules = "classic"
 * @category models
 */
export type CheckDigitRules = "classic" | "2032" | "any"

/**
 * Options for {@link validateNationalId}.
 *
 * @example
 * const options: ValidateNationalIdOptions = { allowSynthetic: true, checkDigitRules: "classic" }
 * @category models
 */
export interface ValidateNationalIdOptions {
  /** Accept Tenor's and NAV's synthetic test numbers. Default `false`. */
  readonly allowSynthetic?: boolean
  /** Default `"any"`. */
  readonly checkDigitRules?: CheckDigitRules
}

/**
 * The result of {@link validateNationalId}.
 *
 * On success, `birthDate` is the ISO date the number encodes and
 * `checkDigitRules` tells which rules accepted it. For a number accepted only
 * by the 2032 rules the century is a best guess, because such numbers no
 * longer encode it: the classic individual-number table where it gives a date
 * that exists, otherwise 20yy for years 00–39 and 19yy for 40–99. The birth
 * date field in Folkeregisteret is the authority for those numbers.
 *
 * @example
 * const result: NationalIdValidation = validateNationalId("02013299997")
 * @category models
 */
export type NationalIdValidation =
  | {
      readonly ok: true
      readonly kind: NationalIdKind
      readonly birthDate: string
      readonly checkDigitRules: "classic" | "2032"
    }
  | { readonly ok: false; readonly rejection: NationalIdRejection }

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/**
 * The century the classic individual-number series gives, per the regulation:
 * 500–749 for 1854–1899, 000–499 for 1900–1999, 900–999 also for 1940–1999,
 * 500–999 for 2000–2039. The `stdnum` npm package and matematikk.org's table
 * start the 1800s series at year 55; the regulation says 1854, and we follow it.
 */
const classicCentury = (individual: number, yy: number): number | undefined => {
  if (individual <= 499) return 1900
  if (yy <= 39) return 2000
  if (individual >= 900) return 1900
  if (individual <= 749 && yy >= 54) return 1800
  return undefined
}

interface Decoded {
  readonly digits: ReadonlyArray<number>
  readonly day: number
  readonly month: number
  readonly yy: number
  readonly individual: number
  readonly kind: NationalIdKind
}

const reject = (code: NationalIdRejectionCode, message: Bilingual): NationalIdValidation => ({
  ok: false,
  rejection: { code, message: { nb: message.nb, en: message.en } },
})

// A decoding step that stops with a rejection.
const stop = (code: NationalIdRejectionCode, message: Bilingual): Step => ({ rejected: reject(code, message) })

const DIGITS = /^[0-9]{11}$/u

type Step = { readonly decoded: Decoded } | { readonly rejected: NationalIdValidation }

/** Format, synthetic and D-number offsets, and a date that exists in some century. */
const decode = (input: unknown, allowSynthetic: boolean): Step => {
  if (typeof input !== "string" || !DIGITS.test(input)) {
    if (typeof input === "string" && /^[0-9]*$/u.test(input)) {
      const fewer = input.length < 11
      return stop("not-11-digits", {
        en: `A national identity number has exactly eleven digits; this has ${fewer ? "fewer" : "more"}`,
        nb: `Et fødselsnummer har nøyaktig elleve sifre; dette har ${fewer ? "færre" : "flere"}`,
      })
    }
    return stop("not-11-digits", {
      en: "A national identity number is eleven digits and nothing else; this has other characters (such as spaces, dashes or letters)",
      nb: "Et fødselsnummer er elleve sifre og ingenting annet; dette har andre tegn (som mellomrom, bindestrek eller bokstaver)",
    })
  }
  const digits = Array.from(input, Number)
  const rawDay = Number(input.slice(0, 2))
  const rawMonth = Number(input.slice(2, 4))
  const yy = Number(input.slice(4, 6))
  const individual = Number(input.slice(6, 9))

  const dNumber = rawDay >= 41 && rawDay <= 71
  const day = dNumber ? rawDay - 40 : rawDay
  const tenor = rawMonth >= 81 && rawMonth <= 92
  const nav = rawMonth >= 41 && rawMonth <= 52
  const month = tenor ? rawMonth - 80 : nav ? rawMonth - 40 : rawMonth

  if ((tenor || nav) && !allowSynthetic) {
    return {
      rejected: tenor
        ? reject("synthetic-not-allowed", {
            en: "This is a synthetic test number (month raised by 80, as in Tenor's test data), and synthetic numbers are not accepted here",
            nb: "Dette er et syntetisk testnummer (måned økt med 80, som i Tenors testdata), og syntetiske numre godtas ikke her",
          })
        : reject("synthetic-not-allowed", {
            en: "This is a synthetic test number or an H-number (month raised by 40, as in NAV's test data), and those are not accepted here",
            nb: "Dette er et syntetisk testnummer eller H-nummer (måned økt med 40, som i NAVs testdata), og slike godtas ikke her",
          }),
    }
  }
  if (month < 1 || month > 12) {
    return stop("invalid-date", {
      en: "The month (digits 3–4) is not a month from 01 to 12",
      nb: "Måneden (siffer 3–4) er ikke en måned fra 01 til 12",
    })
  }
  if (day < 1 || day > 31) {
    return stop("invalid-date", {
      en: "The day (digits 1–2) is not from 01 to 31 (41 to 71 for a D-number)",
      nb: "Dagen (siffer 1–2) er ikke fra 01 til 31 (41 til 71 for D-nummer)",
    })
  }
  if (month === 2 && day === 29 && yy % 4 !== 0) {
    return stop("invalid-date", {
      en: "29 February exists only in leap years, and the birth year (digits 5–6) is not one",
      nb: "29. februar finnes bare i skuddår, og fødselsåret (siffer 5–6) er ikke et skuddår",
    })
  }
  // A leap year for the check above; the century decides 29 February later.
  if (day > daysInMonth(2000, month)) {
    return stop("invalid-date", {
      en: "The day (digits 1–2) does not exist in that month",
      nb: "Dagen (siffer 1–2) finnes ikke i den måneden",
    })
  }
  const kind: NationalIdKind = tenor || nav ? "synthetic" : dNumber ? "d-number" : "fodselsnummer"
  return { decoded: { digits, day, month, yy, individual, kind } }
}

const list = (values: ReadonlyArray<number>, and: string): string =>
  values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} ${and} ${values.at(-1)}`

const checkFirstDigit = (d: Decoded, rules: "classic" | "2032"): NationalIdValidation | undefined => {
  const sum = weightedSum(d.digits, K1_WEIGHTS)
  const given = d.digits[9] ?? 0
  const allowed = (rules === "classic" ? [0] : REMAINDERS_2032)
    .map((r) => digitFor(sum, r))
    .filter((k): k is number => k !== undefined)
    .sort((a, b) => a - b)
  if (allowed.includes(given)) return undefined
  if (allowed.length === 0) {
    return reject("check-digit-1", {
      en: `The first check digit is ${given}, but no first check digit is valid for these first nine digits`,
      nb: `Det første kontrollsifferet er ${given}, men ingen første kontrollsiffer er gyldig for disse ni første sifrene`,
    })
  }
  const one = allowed.length === 1
  return reject("check-digit-1", {
    en: `The first check digit is ${given}, expected ${one ? "" : "one of "}${list(allowed, "or")} for this number`,
    nb: `Det første kontrollsifferet er ${given}, forventet ${one ? "" : "ett av "}${list(allowed, "eller")} for dette nummeret`,
  })
}

const checkSecondDigit = (d: Decoded): NationalIdValidation | undefined => {
  const expected = digitFor(weightedSum(d.digits, K2_WEIGHTS), 0)
  const given = d.digits[10] ?? 0
  if (expected === given) return undefined
  return expected === undefined
    ? reject("check-digit-2", {
        en: `The second check digit is ${given}, but no second check digit is valid for the first ten digits`,
        nb: `Det andre kontrollsifferet er ${given}, men ingen andre kontrollsiffer er gyldig for de ti første sifrene`,
      })
    : reject("check-digit-2", {
        en: `The second check digit is ${given}, expected ${expected} for this number`,
        nb: `Det andre kontrollsifferet er ${given}, forventet ${expected} for dette nummeret`,
      })
}

const isoDate = (year: number, month: number, day: number): string => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`

const validateClassic = (d: Decoded): NationalIdValidation => {
  const digitProblem = checkFirstDigit(d, "classic") ?? checkSecondDigit(d)
  if (digitProblem !== undefined) return digitProblem
  const century = classicCentury(d.individual, d.yy)
  if (century === undefined) {
    return d.individual <= 749
      ? reject("invalid-individual-number", {
          en: "The individual number (digits 7–9) is in the 500–749 series, used only for births in 1854–1899 and 2000–2039, and the birth year (digits 5–6) fits neither",
          nb: "Individnummeret (siffer 7–9) er i serien 500–749, som bare brukes for fødte i 1854–1899 og 2000–2039, og fødselsåret (siffer 5–6) passer med ingen av dem",
        })
      : reject("invalid-individual-number", {
          en: "The individual number (digits 7–9) is in the 750–899 series, used only for births in 2000–2039, and the birth year (digits 5–6) does not fit",
          nb: "Individnummeret (siffer 7–9) er i serien 750–899, som bare brukes for fødte i 2000–2039, og fødselsåret (siffer 5–6) passer ikke",
        })
  }
  const year = century + d.yy
  if (d.day > daysInMonth(year, d.month)) {
    // Only 29 February of 1800 or 1900 reaches here: decode() has checked the rest.
    return reject("invalid-date", {
      en: `29 February does not exist in ${year}, the birth year the individual number (digits 7–9) gives`,
      nb: `29. februar finnes ikke i ${year}, fødselsåret individnummeret (siffer 7–9) gir`,
    })
  }
  return { ok: true, kind: d.kind, birthDate: isoDate(year, d.month, d.day), checkDigitRules: "classic" }
}

const validate2032 = (d: Decoded): NationalIdValidation => {
  const digitProblem = checkFirstDigit(d, "2032") ?? checkSecondDigit(d)
  if (digitProblem !== undefined) return digitProblem
  // The individual number no longer gives the century (Skatteetaten), so it
  // cannot be rejected for that; the century below is only an inference.
  const table = classicCentury(d.individual, d.yy)
  const pivot = d.yy <= 39 ? [2000, 1900] : [1900, 2000]
  const centuries = table === undefined ? pivot : [table, ...pivot]
  // decode() has ensured the date exists in 2000, so this always finds one.
  const year = centuries.map((c) => c + d.yy).find((y) => d.day <= daysInMonth(y, d.month)) ?? 2000 + d.yy
  return { ok: true, kind: d.kind, birthDate: isoDate(year, d.month, d.day), checkDigitRules: "2032" }
}

/**
 * Checks that a string is a Norwegian national identity number (fødselsnummer
 * or D-number, and synthetic test numbers when allowed) and gives the birth
 * date it encodes, or the reason it is not one.
 *
 * Use it at every boundary where a number is typed in or imported, before
 * pseudonymising it. The input must be exactly eleven ASCII digits: trim or
 * strip separators first. It never throws.
 *
 * Checks run in this order, and the first failure is reported: format,
 * synthetic numbers, date, first check digit, second check digit, then (for
 * classic rules only) the individual-number series and 29 February in that
 * century.
 *
 * @example
 * validateNationalId("31129956715")
 * // { ok: true, kind: "fodselsnummer", birthDate: "1899-12-31", checkDigitRules: "classic" }
 * @category validation
 */
export const validateNationalId = guard(
  "NationalId.validateNationalId",
  { en: "a national identity number as text", nb: "et fødselsnummer som tekst" },
  (input: string, options: ValidateNationalIdOptions = {}): NationalIdValidation => {
    const step = decode(input, options.allowSynthetic === true)
    if ("rejected" in step) return step.rejected
    const rules = options.checkDigitRules ?? "any"
    if (rules === "classic") return validateClassic(step.decoded)
    if (rules === "2032") return validate2032(step.decoded)
    const classic = validateClassic(step.decoded)
    return classic.ok ? classic : validate2032(step.decoded)
  },
)

/**
 * True when the string is a real national identity number (fødselsnummer or
 * D-number) under the classic or the 2032 rules; synthetic numbers are not.
 *
 * Use it for a quick yes or no; use {@link validateNationalId} to tell a
 * person why a number is wrong.
 *
 * @example
 * isNationalId("02013299997") // true
 * isNationalId("02013299998") // false
 * @category predicates
 */
export const isNationalId = (input: string): boolean => validateNationalId(input).ok

/**
 * A national identity number (fødselsnummer or D-number, classic or 2032
 * rules; synthetic test numbers are rejected), branded `NationalId`.
 *
 * Use it to decode input that must hold a real number. The failure message is
 * fixed and never repeats the input; call {@link validateNationalId} for the
 * specific reason.
 *
 * @example
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(NationalId)("02013299997")
 * @category schemas
 */
export const NationalId = Schema.String.check(
  Schema.makeFilter((s: string) => validateNationalId(s).ok, {
    identifier: "NationalId",
    title: "National identity number",
    description: "A Norwegian fødselsnummer or D-number: 11 digits with valid date and check digits",
    message: "Expected a valid Norwegian national identity number (fødselsnummer or D-number, 11 digits)",
    messageNb: "Forventet et gyldig fødselsnummer eller D-nummer (11 sifre)",
    toJsonSchema: () => ({ pattern: "^[0-9]{11}$" }),
  }),
).pipe(Schema.brand("NationalId"))

/**
 * A string that has passed {@link NationalId}: real, valid and never synthetic.
 *
 * Use it as the parameter type of code that must only receive checked numbers.
 *
 * @example
 * const id: NationalId = Schema.decodeUnknownSync(NationalId)("02013299997")
 * @category models
 */
export type NationalId = typeof NationalId.Type

/**
 * Options for {@link makeNationalId}.
 *
 * @example
 * const options: MakeNationalIdOptions = { dNumber: true, rules: "2032", remainder: 2 }
 * @category models
 */
export interface MakeNationalIdOptions {
  /** Add 40 to the day, as for a D-number. */
  readonly dNumber?: boolean
  /**
   * `classic` (default) computes the one classic first check digit. `2032`
   * computes the first check digit for `remainder`, so the number is valid
   * only under the 2032 rules unless `remainder` is 0.
   */
  readonly rules?: "classic" | "2032"
  /** The remainder (S + k1) mod 11 for `rules: "2032"`: 0–3, default 1. */
  readonly remainder?: 0 | 1 | 2 | 3
  /** Add 80 (Tenor) or 40 (NAV) to the month, making a synthetic test number. */
  readonly synthetic?: "tenor" | "nav"
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u

/**
 * Builds the national identity number for a birth date and individual number,
 * computing its check digits.
 *
 * Use it for tests and synthetic data; prefer `synthetic: "tenor"` there, so
 * a generated number can never belong to a real person. It returns undefined
 * when no such number exists: an invalid date, an individual number outside
 * 0–999 or outside the series for the birth year's century (the validator
 * infers the century from that series), or a check digit that would be 10.
 *
 * @example
 * makeNationalId("1899-12-31", 567) // "31129956715"
 * makeNationalId("1982-10-30", 999, { rules: "2032", remainder: 1 }) // "30108299939"
 * @category constructors
 */
export const makeNationalId = (
  birthDate: string,
  individual: number,
  options: MakeNationalIdOptions = {},
): string | undefined => {
  const m = typeof birthDate === "string" ? ISO.exec(birthDate) : null
  if (m === null || !Number.isInteger(individual) || individual < 0 || individual > 999) return undefined
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  const yy = year % 100
  if (classicCentury(individual, yy) !== year - yy) return undefined

  const dd = options.dNumber === true ? day + 40 : day
  const mm = options.synthetic === "tenor" ? month + 80 : options.synthetic === "nav" ? month + 40 : month
  const nine = `${pad(dd, 2)}${pad(mm, 2)}${pad(yy, 2)}${pad(individual, 3)}`
  const digits = Array.from(nine, Number)
  const remainder = options.rules === "2032" ? (options.remainder ?? 1) : 0
  const k1 = digitFor(weightedSum(digits, K1_WEIGHTS), remainder)
  if (k1 === undefined) return undefined
  const k2 = digitFor(weightedSum([...digits, k1], K2_WEIGHTS), 0)
  if (k2 === undefined) return undefined
  return `${nine}${k1}${k2}`
}
