// Checks of the arguments public functions get, each failing with an
// AnalyticsError that names the function, the argument and what it expects.
// Values are never quoted in full: Redact.show cuts and redacts them. The
// common checks are core's Boundary, made with AnalyticsError (boundary.ts).
import { Boundary } from "@aktivitetsmodell/core"
import { ColumnTable } from "arquero"
import { boundary } from "./boundary.js"
import type { Lang } from "./text.js"

export const { reject, requireString, requireArray, requireRecord } = boundary
export const { isRecord, own } = Boundary

/** True for `{ nb, en }` with both as texts: a bilingual label or message. */
export const isBilingual = (u: unknown): boolean => isRecord(u) && typeof u.nb === "string" && typeof u.en === "string"

/** An options object, where leaving it out means the defaults. */
export const optionsOf = (name: string, u: unknown): Record<string, unknown> =>
  u === undefined ? {} : requireRecord(name, "options", u)

/** A copy of a list of true and false, each element read once; anything else is refused, naming `what`. */
export const requireBooleans = (name: string, what: string, u: unknown): Array<boolean> => {
  const list = Array.from(requireArray(name, what, u))
  if (!list.every((b) => typeof b === "boolean"))
    reject(name, { nb: `${what} må ha true eller false per rad`, en: `${what} must hold true or false per row` })
  return list as Array<boolean>
}

export const requireFinite = (name: string, what: string, u: unknown): number =>
  typeof u === "number" && Number.isFinite(u)
    ? u
    : reject(name, { nb: `${what} må være et endelig tall`, en: `${what} must be a finite number` })

export const requireInteger = (name: string, what: string, u: unknown, min: number, max: number): number =>
  typeof u === "number" && Number.isInteger(u) && u >= min && u <= max
    ? u
    : reject(name, {
        nb: `${what} må være et heltall fra ${min} til ${max}`,
        en: `${what} must be a whole number from ${min} to ${max}`,
      })

/** True when `u` is a number that `test` accepts (by default, any finite number). */
export const isNumber = (u: unknown, test: (n: number) => boolean = Number.isFinite): u is number =>
  typeof u === "number" && test(u)

export const requireLang = (name: string, u: unknown): Lang =>
  u === "nb" || u === "en"
    ? u
    : reject(name, { nb: "språket må være nb eller en", en: "the language must be nb or en" })

/** The small-cell rule: counts from `min` to `max` (0 ≤ min ≤ max) are hidden. */
export const requireRule = (name: string, u: unknown): { readonly min: number; readonly max: number } => {
  const r = requireRecord(name, "rule", u)
  const min = r.min
  const max = r.max
  if (!isNumber(min) || !isNumber(max) || min < 0 || max < min) {
    return reject(name, {
      nb: "rule må være { min, max } med 0 ≤ min ≤ max",
      en: "rule must be { min, max } with 0 ≤ min ≤ max",
    })
  }
  return { min, max }
}

/** An arquero table. */
export const requireTable = (name: string, what: string, u: unknown): ColumnTable =>
  u instanceof ColumnTable
    ? u
    : reject(name, { nb: `${what} må være en arquero-tabell`, en: `${what} must be an arquero table` })
