// The public functions' boundary: whatever an argument holds — null, a
// number, an object whose getter throws, a cyclic object — a caller gets a
// RulesError in both languages, never a TypeError from deep inside. A value
// is never echoed, so an identity number in an argument cannot leak.
import type { Bilingual } from "@aktivitetsmodell/core"
import { Calendar } from "@aktivitetsmodell/core"
import { ArgumentError, RulesError } from "../RulesError.js"

const wrongShape = (name: string, expects: Bilingual): ArgumentError =>
  new ArgumentError(name, {
    en: `${name} was called with an argument of the wrong type or shape; expected ${expects.en}`,
    nb: `${name} ble kalt med et argument av feil type eller form; forventet ${expects.nb}`,
  })

const convert = (name: string, expects: Bilingual, e: unknown): RulesError =>
  e instanceof RulesError ? e : wrongShape(name, expects)

const isThenable = (u: unknown): u is Promise<unknown> => {
  try {
    return u instanceof Promise
  } catch {
    return false
  }
}

/**
 * `f` with its errors made typed: a RulesError passes through, anything else
 * (including a promise's rejection) becomes an ArgumentError naming `name`
 * and `expects`, the arguments it takes.
 */
export const guard = <F extends (...args: Array<never>) => unknown>(name: string, expects: Bilingual, f: F): F => {
  const guarded = (...args: Parameters<F>): unknown => {
    let result: unknown
    try {
      result = (f as (...a: Parameters<F>) => unknown)(...args)
    } catch (e) {
      throw convert(name, expects, e)
    }
    return isThenable(result)
      ? result.catch((e: unknown) => {
          throw convert(name, expects, e)
        })
      : result
  }
  return guarded as unknown as F
}

/** Throws an ArgumentError naming the function and the argument. */
export const reject = (name: string, en: string, nb: string): never => {
  throw new ArgumentError(name, { en: `${name}: ${en}`, nb: `${name}: ${nb}` })
}

const isObjectLike = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** A policy tree as `PolicyTree.load` builds it, checked by shape (trees may be rebuilt with a spread). */
export const requireTree = (name: string, u: unknown): void => {
  const t = u as Record<string, unknown>
  if (
    !isObjectLike(u) ||
    !Array.isArray(t.rules) ||
    !(t.parameters instanceof Map) ||
    !Array.isArray(t.cases) ||
    !isObjectLike(t.catalogue) ||
    typeof t.lineOf !== "function"
  ) {
    reject(name, "expected a policy tree from PolicyTree.load", "forventet et regeltre fra PolicyTree.load")
  }
}

/** A date as YYYY-MM-DD. */
export const requireDate = (name: string, what: string, u: unknown): void => {
  if (!Calendar.isIsoDate(u))
    reject(name, `${what} must be a date as YYYY-MM-DD`, `${what} må være en dato på formen ÅÅÅÅ-MM-DD`)
}

/** A text. */
export const requireString = (name: string, what: string, u: unknown): void => {
  if (typeof u !== "string") reject(name, `${what} must be a text`, `${what} må være en tekst`)
}

/** A list. */
export const requireArray = (name: string, what: string, u: unknown): void => {
  if (!Array.isArray(u)) reject(name, `${what} must be a list`, `${what} må være en liste`)
}

/** An object (not null, not a list). */
export const requireObject = (name: string, what: string, u: unknown): void => {
  if (!isObjectLike(u)) reject(name, `${what} must be an object`, `${what} må være et objekt`)
}
