// Checks of the arguments public functions get, each failing with an
// AnalyticsError that names the function, the argument and what it expects.
// Values are never quoted in full: Redact.show cuts and redacts them.
import { ColumnTable } from "arquero"
import { AnalyticsError, type Lang } from "./text.js"

/** Throws an AnalyticsError "name: what was wrong", in both languages. */
export const reject = (name: string, en: string, nb: string): never => {
  throw new AnalyticsError({ nb: `${name}: ${nb}`, en: `${name}: ${en}` })
}

/** A plain object (not null, not an array). */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** An own property only: an inherited `constructor` or a planted key is not an answer. */
export const own = (o: object, key: string): unknown =>
  Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined

export const requireRecord = (name: string, what: string, u: unknown): Record<string, unknown> =>
  isRecord(u) ? u : reject(name, `${what} must be an object`, `${what} må være et objekt`)

/** An options object, where leaving it out means the defaults. */
export const optionsOf = (name: string, u: unknown): Record<string, unknown> =>
  u === undefined ? {} : requireRecord(name, "options", u)

export const requireString = (name: string, what: string, u: unknown): string =>
  typeof u === "string" ? u : reject(name, `${what} must be a text`, `${what} må være en tekst`)

export const requireArray = (name: string, what: string, u: unknown): ReadonlyArray<unknown> =>
  Array.isArray(u) ? u : reject(name, `${what} must be a list`, `${what} må være en liste`)

export const requireFinite = (name: string, what: string, u: unknown): number =>
  typeof u === "number" && Number.isFinite(u)
    ? u
    : reject(name, `${what} must be a finite number`, `${what} må være et endelig tall`)

export const requireInteger = (name: string, what: string, u: unknown, min: number, max: number): number =>
  typeof u === "number" && Number.isInteger(u) && u >= min && u <= max
    ? u
    : reject(
        name,
        `${what} must be a whole number from ${min} to ${max}`,
        `${what} må være et heltall fra ${min} til ${max}`,
      )

/** True when `u` is a number that `test` accepts (by default, any finite number). */
export const isNumber = (u: unknown, test: (n: number) => boolean = Number.isFinite): u is number =>
  typeof u === "number" && test(u)

export const requireLang = (name: string, u: unknown): Lang =>
  u === "nb" || u === "en" ? u : reject(name, "the language must be nb or en", "språket må være nb eller en")

/** The small-cell rule: counts from `min` to `max` (0 ≤ min ≤ max) are hidden. */
export const requireRule = (name: string, u: unknown): { readonly min: number; readonly max: number } => {
  const r = requireRecord(name, "rule", u)
  const min = r.min
  const max = r.max
  if (!isNumber(min) || !isNumber(max) || min < 0 || max < min) {
    return reject(name, "rule must be { min, max } with 0 ≤ min ≤ max", "rule må være { min, max } med 0 ≤ min ≤ max")
  }
  return { min, max }
}

/** An arquero table. */
export const requireTable = (name: string, what: string, u: unknown): ColumnTable =>
  u instanceof ColumnTable ? u : reject(name, `${what} must be an arquero table`, `${what} må være en arquero-tabell`)
