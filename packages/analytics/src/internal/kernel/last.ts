// Each key's row with the greatest order (the first such row on a tie), in
// one pass: an enrollment's last goal evaluation, say. Small non-negative
// integer keys (the row numbers the tables use as ids) index a typed array;
// any other key goes through a Map, as it always did.

// Integer keys up to this bound index a typed array; beyond, a Map.
const DENSE = 2 ** 24

/**
 * 1 for each row that is its key's row of greatest `order` (compared with
 * `>`, so the first of equal orders, and a NaN never replaces a row); rows
 * whose key is negative are left out.
 */
export const lastRows = (keys: ArrayLike<number>, order: ArrayLike<number>): Uint8Array => {
  const n = keys.length
  const out = new Uint8Array(n)
  let max = -1
  let integers = keys instanceof Int32Array || keys instanceof Uint32Array
  if (integers) for (let i = 0; i < n; i++) if (keys[i]! > max) max = keys[i]!
  integers &&= max < DENSE
  if (integers) {
    const last = new Int32Array(max + 1).fill(-1)
    for (let i = 0; i < n; i++) {
      const k = keys[i]!
      if (k < 0) continue
      const seen = last[k]!
      if (seen < 0 || order[i]! > order[seen]!) last[k] = i
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i]!
      out[i] = k >= 0 && last[k] === i ? 1 : 0
    }
    return out
  }
  const last = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const k = keys[i]!
    const seen = last.get(k)
    if (seen === undefined || order[i]! > order[seen]!) last.set(k, i)
  }
  for (let i = 0; i < n; i++) out[i] = keys[i]! >= 0 && last.get(keys[i]!) === i ? 1 : 0
  return out
}
