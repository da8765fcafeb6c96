/**
 * Small collection helpers every package uses, so each idea is written once.
 *
 * @module
 */
import { guard } from "./internal/guard.js"

const expects = {
  nb: "en liste (noe som kan gjennomløpes) og en nøkkelfunksjon",
  en: "a list (an iterable) and a key function",
}

const groupByImpl = <T, K>(xs: Iterable<T>, key: (x: T) => K | undefined): Map<K, Array<T>> => {
  const groups = new Map<K, Array<T>>()
  for (const x of xs) {
    const k = key(x)
    if (k === undefined) continue
    const list = groups.get(k)
    if (list === undefined) groups.set(k, [x])
    else list.push(x)
  }
  return groups
}

const countByImpl = <T, K>(xs: Iterable<T>, key: (x: T) => K | undefined): Map<K, number> => {
  const counts = new Map<K, number>()
  for (const x of xs) {
    const k = key(x)
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return counts
}

const indexByImpl = <T, K>(xs: Iterable<T>, key: (x: T) => K): Map<K, T> => {
  const index = new Map<K, T>()
  for (const x of xs) index.set(key(x), x)
  return index
}

/**
 * Groups `xs` by `key`, keeping the input order inside each group. Items whose
 * key is `undefined` are left out (a record without the field it is grouped by).
 * @example
 * Collections.groupBy(sessions, (s) => s.enrollmentId) // Map { "e1" => [s1, s3], "e2" => [s2] }
 * @category constructors
 */
export const groupBy: typeof groupByImpl = guard("Collections.groupBy", expects, groupByImpl) as typeof groupByImpl

/**
 * Counts `xs` by `key`; items whose key is `undefined` are not counted.
 * @example
 * Collections.countBy(enrollments, (e) => e.offeringId) // Map { "yoga" => 12, … }
 * @category constructors
 */
export const countBy: typeof countByImpl = guard("Collections.countBy", expects, countByImpl) as typeof countByImpl

/**
 * A map from each item's key to the item; a later item with the same key wins.
 * @example
 * Collections.indexBy(citizens, (c) => c.id).get("c-17")
 * @category constructors
 */
export const indexBy: typeof indexByImpl = guard("Collections.indexBy", expects, indexByImpl) as typeof indexByImpl

/**
 * `value` frozen all the way down (plain objects and arrays), and returned:
 * for settings a package shares, such as a default rule, that no caller may
 * change for everyone else.
 * @example
 * const rule = Collections.deepFreeze({ min: 1, max: 4 })
 * Object.isFrozen(rule) // true
 * @category constructors
 */
export const deepFreeze: <T>(value: T) => T = guard(
  "Collections.deepFreeze",
  { nb: "en verdi av vanlige objekter og lister", en: "a value of plain objects and arrays" },
  <T>(value: T): T => freezeAll(value),
)

const freezeAll = <T>(value: T): T => {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Reflect.ownKeys(value)) freezeAll((value as Record<PropertyKey, unknown>)[key])
  }
  return value
}
