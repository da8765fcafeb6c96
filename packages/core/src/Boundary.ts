/**
 * The public boundary every package puts its functions behind. A function
 * called from plain JavaScript may get anything (null, a number, an object
 * whose getter throws, a cyclic object), and its caller still gets the
 * package's own error in both languages, never a TypeError from deep inside.
 * A foreign error's message is not passed on: it may quote a value, and a
 * value may be personal data.
 *
 * Each package makes its boundary once, with its own error class:
 * @example
 * const { guard, reject } = Boundary.make({
 *   error: (text) => new MyError(text),
 *   isOwn: (e) => e instanceof MyError,
 * })
 * export const area = guard("area", { nb: "to tall", en: "two numbers" }, (w: number, h: number) => w * h)
 *
 * @module
 */
import { CoreError } from "./CoreError.js"
import type { Bilingual } from "./internal/text.js"

// Boundary cannot use core's guard (the guard is made with it), so its own
// functions turn a foreign error into a CoreError here.
const invalid = (name: string, expects: Bilingual): CoreError =>
  new CoreError("invalid-argument", {
    nb: `${name} kunne ikke bruke argumentene: forventet ${expects.nb}`,
    en: `${name} could not use its arguments: expected ${expects.en}`,
  })

/** What a package's boundary is made of. */
export interface Options {
  /** The package's error for a call it cannot use; `name` is the public function called. */
  readonly error: (text: Bilingual, name: string) => Error
  /** Errors of the package's own, which pass through unchanged. */
  readonly isOwn: (e: unknown) => boolean
  /** Runs before every guarded call and may throw, e.g. a check that no prototype is polluted. */
  readonly before?: (name: string) => void
}

/** A package's boundary: the guard and the argument checks, all failing with its error. */
export interface Boundary {
  /**
   * `f` with its errors made the package's own: one of the package's errors
   * passes through, anything else (a promise's rejection too) becomes one
   * naming `name` and what it `expects`.
   */
  readonly guard: <F extends (...args: Array<never>) => unknown>(name: string, expects: Bilingual, f: F) => F
  /** Throws the package's error "name: what was wrong", in both languages. */
  readonly reject: (name: string, text: Bilingual) => never
  /** A text, or the package's error naming `what`. */
  readonly requireString: (name: string, what: string, u: unknown) => string
  /** A list, or the package's error naming `what`. */
  readonly requireArray: (name: string, what: string, u: unknown) => ReadonlyArray<unknown>
  /** A plain object (not null, not a list), or the package's error naming `what`. */
  readonly requireRecord: (name: string, what: string, u: unknown) => Record<string, unknown>
}

const isThenable = (u: unknown): u is Promise<unknown> => {
  try {
    return u instanceof Promise
  } catch {
    return false
  }
}

/**
 * A plain object: not null and not a list.
 * @example
 * Boundary.isRecord({}) // true
 * Boundary.isRecord([]) // false
 * @category guards
 */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * `o[key]` when `key` is `o`'s own property, else undefined: a name a person
 * or a file supplied ("constructor", "__proto__") is then an unknown name
 * like any other, never something inherited from `Object.prototype`.
 * @example
 * Boundary.own({ a: 1 }, "constructor") // undefined
 * @category guards
 */
export const own: {
  <V>(record: Readonly<Record<string, V>>, key: string): V | undefined
  (o: unknown, key: string): unknown
} = (o: unknown, key: string): unknown => {
  try {
    return typeof o === "object" && o !== null && Object.hasOwn(o, key)
      ? (o as Record<string, unknown>)[key]
      : undefined
  } catch {
    throw invalid("Boundary.own", { nb: "et objekt og et navn", en: "an object and a name" })
  }
}

/**
 * The enumerable keys every object, and every list, inherits: none, unless
 * something wrote to `Object.prototype` or `Array.prototype`. Code that
 * walks keys with `for … in`, or trusts a record's own keys, checks this.
 * @example
 * Boundary.inheritedKeys() // { object: [], array: [] }
 * @category guards
 */
export const inheritedKeys = (): { readonly object: Array<string>; readonly array: Array<string> } => {
  const object: Array<string> = []
  const array: Array<string> = []
  for (const k in {}) object.push(k)
  for (const k in []) if (!object.includes(k)) array.push(k)
  return { object, array }
}

// Frozen, so the only keys for-in can find on them are inherited ones.
const emptyObject = Object.freeze({})
const emptyArray = Object.freeze([])

/**
 * Whether any key is inherited by every object or array: the question
 * {@link inheritedKeys} answers in full, asked without building its lists,
 * for a guard that runs on every call.
 * @example
 * Boundary.hasInheritedKeys() // false
 * @category guards
 */
export const hasInheritedKeys = (): boolean => {
  for (const _ in emptyObject) return true
  for (const _ in emptyArray) return true
  return false
}

/**
 * Makes a package's boundary from its error class (see the module's example).
 * @category constructors
 */
export const make = (options: Options): Boundary => {
  let error: Options["error"]
  let isOwn: Options["isOwn"]
  let before: Options["before"]
  try {
    ;({ error, isOwn, before } = options)
    if (
      typeof error !== "function" ||
      typeof isOwn !== "function" ||
      (before !== undefined && typeof before !== "function")
    )
      throw new TypeError("options")
  } catch {
    throw invalid("Boundary.make", {
      nb: "{ error, isOwn, before? } med funksjoner",
      en: "{ error, isOwn, before? } with functions",
    })
  }
  const convert = (name: string, expects: Bilingual, e: unknown): unknown => {
    let ours = false
    try {
      ours = isOwn(e)
    } catch {
      ours = false
    }
    return ours
      ? e
      : error(
          {
            nb: `${name} kunne ikke bruke argumentene: forventet ${expects.nb}`,
            en: `${name} could not use its arguments: expected ${expects.en}`,
          },
          name,
        )
  }
  const guard = <F extends (...args: Array<never>) => unknown>(name: string, expects: Bilingual, f: F): F => {
    const guarded = (...args: Parameters<F>): unknown => {
      let result: unknown
      try {
        before?.(name)
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
  const reject = (name: string, text: Bilingual): never => {
    throw error({ nb: `${name}: ${text.nb}`, en: `${name}: ${text.en}` }, name)
  }
  return {
    guard,
    reject,
    requireString: (name, what, u) =>
      typeof u === "string" ? u : reject(name, { nb: `${what} må være en tekst`, en: `${what} must be a text` }),
    requireArray: (name, what, u) =>
      Array.isArray(u) ? u : reject(name, { nb: `${what} må være en liste`, en: `${what} must be a list` }),
    requireRecord: (name, what, u) =>
      isRecord(u) ? u : reject(name, { nb: `${what} må være et objekt`, en: `${what} must be an object` }),
  }
}
