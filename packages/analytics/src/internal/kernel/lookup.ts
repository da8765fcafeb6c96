// Lookups between tables by a key column, as arquero's `lookup` matches
// them (a Map of the key values: SameValueZero, a missing key — null,
// undefined or NaN — matches nothing), without building a table: small
// integer keys (the row numbers the tables use as ids) go through a typed
// array, anything else through a Map.
import { isValid } from "./codes.js"

// Integer keys up to this bound index a typed array; beyond, a Map.
const DENSE = 2 ** 24

const isIntegerArray = (c: unknown): c is Int32Array | Uint32Array | Uint16Array | Uint8Array =>
  c instanceof Int32Array || c instanceof Uint32Array || c instanceof Uint16Array || c instanceof Uint8Array

/** 1 for each row of `keys` whose value is among the valid values of `among`. */
export const memberOf = (keys: ArrayLike<unknown>, among: ArrayLike<unknown>): Uint8Array => {
  const n = keys.length
  const out = new Uint8Array(n)
  if (isIntegerArray(keys) && isIntegerArray(among)) {
    let max = -1
    for (let i = 0; i < among.length; i++) if (among[i]! > max) max = among[i]!
    if (max < DENSE) {
      // Negative keys (none in the tables' ids) are looked up in a Set.
      const seen = new Uint8Array(max + 1)
      const negative = new Set<number>()
      for (let i = 0; i < among.length; i++) {
        const v = among[i]!
        if (v >= 0) seen[v] = 1
        else negative.add(v)
      }
      for (let i = 0; i < n; i++) {
        const v = keys[i]!
        out[i] = v >= 0 ? (v <= max ? seen[v]! : 0) : negative.has(v) ? 1 : 0
      }
      return out
    }
  }
  const set = new Set<unknown>()
  for (let i = 0; i < among.length; i++) if (isValid(among[i])) set.add(among[i])
  for (let i = 0; i < n; i++) out[i] = set.has(keys[i]) ? 1 : 0
  return out
}
