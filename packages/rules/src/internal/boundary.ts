// The public functions' boundary: whatever an argument holds — null, a
// number, an object whose getter throws, a cyclic object — a caller gets a
// RulesError in both languages, never a TypeError from deep inside. A value
// is never echoed, so an identity number in an argument cannot leak. The
// guard and the common checks are core's Boundary, made with ArgumentError.
import { Boundary, Calendar } from "@aktivitetsmodell/core"
import { ArgumentError, RulesError } from "../RulesError.js"

const boundary = Boundary.make({
  error: (text, name) => new ArgumentError(name, text),
  isOwn: (e) => e instanceof RulesError,
})

/**
 * `f` with its errors made typed: a RulesError passes through, anything else
 * (including a promise's rejection) becomes an ArgumentError naming `name`
 * and `expects`, the arguments it takes.
 */
export const { guard, reject, requireString, requireArray } = boundary

/** A policy tree as `PolicyTree.load` builds it, checked by shape (trees may be rebuilt with a spread). */
export const requireTree = (name: string, u: unknown): void => {
  const t = u as Record<string, unknown>
  if (
    !Boundary.isRecord(u) ||
    !Array.isArray(t.rules) ||
    !(t.parameters instanceof Map) ||
    !Array.isArray(t.cases) ||
    !Boundary.isRecord(t.catalogue) ||
    typeof t.lineOf !== "function"
  ) {
    reject(name, { nb: "forventet et regeltre fra PolicyTree.load", en: "expected a policy tree from PolicyTree.load" })
  }
}

/** A date as YYYY-MM-DD. */
export const requireDate = (name: string, what: string, u: unknown): void => {
  if (!Calendar.isIsoDate(u))
    reject(name, { nb: `${what} må være en dato på formen ÅÅÅÅ-MM-DD`, en: `${what} must be a date as YYYY-MM-DD` })
}

/** An object (not null, not a list). */
export const requireObject = (name: string, what: string, u: unknown): void => {
  boundary.requireRecord(name, what, u)
}
