/**
 * Named disclosure-control profiles: which counts are too small to publish
 * and what is done about them. The caller chooses one and gives its numbers;
 * the node entry and the CLI read the numbers from the dated parameters of
 * the shipped policy tree (`packages/rules/policy/parameters/privacy/`).
 *
 * - `strict` (the default, counts 1–4): counts from `min` to `max` persons
 *   are suppressed, and so many more (by Gaussian elimination over the whole
 *   publication) that none of them, and no small difference between
 *   published cells, can be worked out. Zeros are shown.
 * - `ssb`: Statistics Norway's GaussSuppression defaults for frequency
 *   tables: counts 1–`maxN` (3) are primary, and zeros are protected where a
 *   zero would reveal something (a part of a group that is not empty: "none
 *   of the 6 withdrew"), with GaussSuppression's singleton handling of zeros.
 * - `rounding`: small-count rounding in the spirit of Statistics Norway's
 *   SmallCountRounding: small inner cells are rounded to 0 or `base`, and
 *   every published cell is recomputed as the sum of rounded inner cells, so
 *   no published count lies between 1 and `base` − 1 and the parts still add
 *   up to their whole. Nothing is hidden except medians and means over fewer
 *   than `base` people.
 *
 * @module
 */
import { Collections, Policy } from "@aktivitetsmodell/core"
import { guard } from "../internal/boundary.js"
import { reject, requireLang, requireRecord } from "../internal/checks.js"
import type { Bilingual, Lang } from "../internal/text.js"

/**
 * Counts from `min` to `max` are suppressed (primary); zeros are shown.
 * @category privacy
 */
export interface Strict {
  readonly name: "strict"
  readonly min: number
  readonly max: number
}

/**
 * GaussSuppression's defaults: counts 1–`maxN` primary, revealing zeros protected.
 * @category privacy
 */
export interface Ssb {
  readonly name: "ssb"
  readonly maxN: number
}

/**
 * Small inner cells rounded to 0 or `base`; published cells are sums of rounded cells.
 * @category privacy
 */
export interface Rounding {
  readonly name: "rounding"
  readonly base: number
}

/**
 * A disclosure-control profile.
 * @example
 * const p: Profile.Profile = { name: "ssb", maxN: 3 }
 * @category privacy
 */
export type Profile = Strict | Ssb | Rounding

/**
 * The profile names.
 * @example
 * Profile.names // ["ssb", "strict", "rounding"]
 * @category privacy
 */
export const names: ReadonlyArray<Profile["name"]> = Collections.deepFreeze(["ssb", "strict", "rounding"])

/**
 * The dated parameters each profile reads from the policy tree, by field.
 * @example
 * Profile.parameters.ssb.maxN // "privacy.ssb-max-n"
 * @category privacy
 */
export const parameters = {
  strict: { min: "privacy.strict-min", max: "privacy.strict-max" },
  ssb: { maxN: "privacy.ssb-max-n" },
  rounding: { base: "privacy.rounding-base" },
} as const

const whole = (name: string, what: string, u: unknown, min: number): number =>
  typeof u === "number" && Number.isSafeInteger(u) && u >= min
    ? u
    : reject(name, {
        nb: `${what} må være et heltall på ${min} eller mer`,
        en: `${what} must be a whole number of ${min} or more`,
      })

/**
 * A profile given by a caller, checked; throws an AnalyticsError naming `name`.
 * @example
 * Profile.requireProfile("myFunction", { name: "ssb", maxN: 3 })
 * @category privacy
 */
export const requireProfile = guard(
  "Profile.requireProfile",
  { nb: "et funksjonsnavn og en profil", en: "a function name and a profile" },
  (name: string, u: unknown): Profile => {
    const p = requireRecord(name, "profile", u)
    switch (p.name) {
      case "strict": {
        const min = whole(name, "profile.min", p.min, 0)
        const max = whole(name, "profile.max", p.max, 0)
        if (max < min)
          reject(name, { nb: "profile.max må være minst profile.min", en: "profile.max must be at least profile.min" })
        return { name: "strict", min, max }
      }
      case "ssb":
        return { name: "ssb", maxN: whole(name, "profile.maxN", p.maxN, 1) }
      case "rounding":
        return { name: "rounding", base: whole(name, "profile.base", p.base, 2) }
      default:
        return reject(name, {
          nb: `profile.name må være en av ${names.join(", ")}`,
          en: `profile.name must be one of ${names.join(", ")}`,
        })
    }
  },
)

/**
 * A profile from its name and a lookup of parameter values (as the policy
 * tree gives them on a date). Throws when a value is missing.
 * @example
 * Profile.fromParameters("ssb", (p) => ({ "privacy.ssb-max-n": 3 })[p]) // { name: "ssb", maxN: 3 }
 * @category privacy
 */
export const fromParameters = guard(
  "Profile.fromParameters",
  {
    nb: "et profilnavn (ssb, strict, rounding) og en funksjon parameter → verdi",
    en: "a profile name (ssb, strict, rounding) and a function parameter → value",
  },
  (name: Profile["name"], value: (parameter: string) => unknown): Profile => {
    const fn = "Profile.fromParameters"
    if (!names.includes(name))
      reject(fn, {
        nb: `profilen må være en av ${names.join(", ")}`,
        en: `the profile must be one of ${names.join(", ")}`,
      })
    const read = (parameter: string): unknown => {
      const v = value(parameter)
      if (v === undefined)
        reject(fn, { nb: `parameteren ${parameter} har ingen verdi`, en: `the parameter ${parameter} has no value` })
      return v
    }
    if (name === "strict")
      return requireProfile(fn, { name, min: read(parameters.strict.min), max: read(parameters.strict.max) })
    if (name === "ssb") return requireProfile(fn, { name, maxN: read(parameters.ssb.maxN) })
    return requireProfile(fn, { name, base: read(parameters.rounding.base) })
  },
)

/**
 * The counts a profile does not let anyone see or work out: `[low, high]`.
 * Strict: min–max; ssb: 1–maxN (zeros handled apart); rounding: 1–(base − 1).
 * @example
 * Profile.smallRange({ name: "rounding", base: 5 }) // [1, 4]
 * @category privacy
 */
export const smallRange = guard(
  "Profile.smallRange",
  { nb: "en profil", en: "a profile" },
  (p: Profile): readonly [number, number] =>
    p.name === "strict"
      ? [p.min, p.max]
      : p.name === "ssb"
        ? [1, p.maxN]
        : p.name === "rounding"
          ? [1, p.base - 1]
          : reject("Profile.smallRange", { nb: "ukjent profil", en: "unknown profile" }),
)

/**
 * The profile as the present `{ min, max }` rule (what older outputs carried).
 * @example
 * Profile.asRule({ name: "ssb", maxN: 3 }) // { min: 1, max: 3 }
 * @category privacy
 */
export const asRule = guard(
  "Profile.asRule",
  { nb: "en profil", en: "a profile" },
  (p: Profile): { readonly min: number; readonly max: number } => {
    const [min, max] = smallRange(p)
    return { min, max }
  },
)

/**
 * The profile in a few words, for tables and file metadata: `strict 1–4`,
 * `ssb ≤3`, `rounding base 3`.
 * @example
 * Profile.label({ name: "strict", min: 1, max: 4 }) // "strict 1-4"
 * @category privacy
 */
export const label = guard("Profile.label", { nb: "en profil", en: "a profile" }, (p: Profile): string => {
  const q = requireProfile("Profile.label", p)
  return q.name === "strict"
    ? `strict ${q.min}-${q.max}`
    : q.name === "ssb"
      ? `ssb maxN=${q.maxN}`
      : `rounding base=${q.base}`
})

/**
 * Reads {@link label} back (for the audit of CSV files); undefined when it is none.
 * @example
 * Profile.parseLabel("ssb maxN=3") // { name: "ssb", maxN: 3 }
 * @category privacy
 */
export const parseLabel = guard(
  "Profile.parseLabel",
  { nb: "en tekst", en: "a text" },
  (text: string): Profile | undefined => {
    if (typeof text !== "string") return undefined
    const strict = /^strict (\d+)-(\d+)$/u.exec(text)
    if (strict) return { name: "strict", min: Number(strict[1]), max: Number(strict[2]) }
    const ssb = /^ssb maxN=(\d+)$/u.exec(text)
    if (ssb) return { name: "ssb", maxN: Number(ssb[1]) }
    const rounding = /^rounding base=(\d+)$/u.exec(text)
    if (rounding) return { name: "rounding", base: Number(rounding[1]) }
    return undefined
  },
)

/**
 * What the profile does, in a sentence, for the privacy section of a report.
 * @example
 * Profile.describe({ name: "ssb", maxN: 3 }, "en")
 * @category privacy
 */
export const describe = guard(
  "Profile.describe",
  { nb: "en profil og et språk (nb eller en)", en: "a profile and a language (nb or en)" },
  (given: Profile, lang: Lang): string => {
    const p = requireProfile("Profile.describe", given)
    requireLang("Profile.describe", lang)
    const t: Bilingual =
      p.name === "strict"
        ? {
            nb: `Profil «strict»: tall for ${p.min}–${p.max} personer vises ikke (primær skjerming), og heller ikke andeler, gjennomsnitt eller medianer som bygger på dem.`,
            en: `Profile "strict": counts of ${p.min}–${p.max} persons are not shown (primary suppression), nor are shares, means or medians built on them.`,
          }
        : p.name === "ssb"
          ? {
              nb: `Profil «ssb» (Statistisk sentralbyrås GaussSuppression): tall for 1–${p.maxN} personer vises ikke, og heller ikke en null som ville avsløre noe (for eksempel at ingen av dem som ble evaluert, nådde målet).`,
              en: `Profile "ssb" (Statistics Norway's GaussSuppression): counts of 1–${p.maxN} persons are not shown, nor is a zero that would reveal something (such as none of those evaluated reaching the goal).`,
            }
          : {
              nb: `Profil «rounding» (avrunding av små tall): små tall i de minste cellene er avrundet til 0 eller ${p.base}, og alle summer er regnet fra de avrundede cellene, så ingen tall fra 1 til ${p.base - 1} vises og delene summerer seg til helheten. Medianer og gjennomsnitt over færre enn ${p.base} personer vises ikke.`,
              en: `Profile "rounding" (small-count rounding): small counts in the finest cells are rounded to 0 or ${p.base}, and every total is computed from the rounded cells, so no count from 1 to ${p.base - 1} is shown and the parts add up to their whole. Medians and means over fewer than ${p.base} persons are not shown.`,
            }
    return t[lang]
  },
)

/**
 * The default profile: `strict`, with the range the policy's
 * `privacy.strict-min` and `privacy.strict-max` give on `date` (the last day
 * of the period published).
 * @example
 * Profile.strictFrom(InForce.policy(tree), "2024-12-31") // { name: "strict", min: 1, max: 4 }
 * @category privacy
 */
export const strictFrom = guard(
  "Profile.strictFrom",
  { nb: "et regelverk (Policy) og en dato", en: "a policy (Policy) and a date" },
  (policy: Policy.Policy, date: string): Profile =>
    fromParameters("strict", (parameter) => Policy.number(policy, parameter, { question: date })),
)
