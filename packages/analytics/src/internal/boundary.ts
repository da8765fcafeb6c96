// The public boundary. A function called from plain JavaScript may get
// anything — null, a number, an object whose getter throws, a cyclic object —
// and the caller still gets an AnalyticsError in both languages, never a
// TypeError from deep inside. A foreign error's message is not passed on: it
// may quote a value, and a value may be personal data.
//
// The boundary also refuses to run in a process whose Object.prototype (or
// Array.prototype) has enumerable keys. arquero walks `for (const key in …)`
// over its own internal objects and compiles what it finds with Function(), so
// a key planted there (a CSV header "__proto__.x" in some other loader) would
// run as code the next time any table verb is parsed. Nothing in this package
// can keep arquero from seeing such a key; refusing is the only safe answer.
import { Boundary, Redact } from "@aktivitetsmodell/core"
import { AnalyticsError } from "./text.js"

/** Throws when a shared prototype carries enumerable keys (see the top of this file). */
export const assertUnpolluted = (name: string): void => {
  if (!Boundary.hasInheritedKeys()) return
  const { object, array } = Boundary.inheritedKeys()
  if (object.length === 0 && array.length === 0) return
  const keys = object.length > 0 ? object : array
  const where = object.length > 0 ? "Object.prototype" : "Array.prototype"
  const shown =
    keys
      .slice(0, 3)
      .map((k) => Redact.show(k, 40))
      .join(", ") + (keys.length > 3 ? ", …" : "")
  throw new AnalyticsError({
    nb: `${name} kjører ikke: ${where} har nøkler som alle ${object.length > 0 ? "objekter" : "lister"} arver (${shown}); noe har forurenset prototypen, og arquero kunne kjørt dem som kode`,
    en: `${name} does not run: ${where} has keys every ${object.length > 0 ? "object" : "array"} inherits (${shown}); something polluted the prototype, and arquero could run them as code`,
  })
}

/**
 * The package's boundary (core's Boundary, made with AnalyticsError): its
 * guard refuses to run on a polluted prototype, and any error that is not an
 * AnalyticsError (a promise's rejection too) becomes one naming the function
 * and what it expects.
 */
export const boundary = Boundary.make({
  error: (text) => new AnalyticsError(text),
  isOwn: (e) => e instanceof AnalyticsError,
  before: assertUnpolluted,
})

export const { guard } = boundary
