// Row order as arquero's `orderby(...keys)` gives it (ascending on each key),
// without building a table to sort: the small result tables of indicators
// are sorted once here and then written as one table. The comparison is
// arquero's generated one (expression/compare.js), written out: a missing
// value (null or undefined) before any other, then `<` and `>`, dates by
// their time, NaN before any number; arquero sorts the row indices with a
// stable sort, and so does this.

/** arquero's ascending comparison of two values of one key. */
export const compareAsArquero = (a: unknown, b: unknown): number => {
  let u = a as number
  let v = b as number
  if ((u < v || u == null) && v != null) return -1
  if ((u > v || v == null) && u != null) return 1
  v = (v as unknown) instanceof Date ? +v : v
  u = (u as unknown) instanceof Date ? +u : u
  if (Number.isNaN(u) && !Number.isNaN(v)) return -1
  if (Number.isNaN(v) && !Number.isNaN(u)) return 1
  return 0
}

// How many rows orderOf sorts by insertion.
const fewRows = 16

/**
 * The row indices of `n` rows in the order arquero's `orderby(...keys)`
 * gives, `keys` being the key columns' values. Sorted as arquero sorts them,
 * a Uint32Array of indices with the same comparison, so that even values
 * no order fits (texts, numbers and dates mixed) come out as arquero has them.
 */
export const orderOf = (n: number, keys: ReadonlyArray<ArrayLike<unknown>>): Uint32Array => {
  const rows = new Uint32Array(n)
  for (let i = 0; i < n; i++) rows[i] = i
  if (keys.length === 0 || n < 2) return rows
  const compare = (i: number, j: number): number => {
    for (let k = 0; k < keys.length; k++) {
      const c = compareAsArquero(keys[k]![i], keys[k]![j])
      if (c !== 0) return c
    }
    return 0
  }
  // A few rows of texts or numbers: an insertion sort, stable as the sort is,
  // and with a total order there is only one stable order to give. Calling a
  // comparison from the sort costs more than the sort itself at this size.
  if (n <= fewRows && totallyOrdered(n, keys)) {
    for (let i = 1; i < n; i++) {
      const row = rows[i]!
      let j = i
      for (; j > 0 && compare(rows[j - 1]!, row) > 0; j--) rows[j] = rows[j - 1]!
      rows[j] = row
    }
    return rows
  }
  return rows.sort(compare)
}

// The kind of values a key column holds for inOrder: texts, numbers, or
// something else (dates, or a mix), where the comparison need not be
// transitive and only the sort itself can say what order it gives.
const kindOf = (values: ArrayLike<unknown>, n: number): "string" | "number" | "other" => {
  let kind: "string" | "number" | undefined
  for (let i = 0; i < n; i++) {
    const v = values[i]
    if (v === null || v === undefined) continue
    const t = typeof v
    if (t !== "string" && t !== "number") return "other"
    if (kind === undefined) kind = t
    else if (kind !== t) return "other"
  }
  return kind ?? "string"
}

// Whether every key column holds texts or numbers (missing values allowed),
// where arquero's comparison is a total order.
const totallyOrdered = (n: number, keys: ReadonlyArray<ArrayLike<unknown>>): boolean => {
  for (let k = 0; k < keys.length; k++) if (kindOf(keys[k]!, n) === "other") return false
  return true
}

/**
 * Whether the `n` rows are in the order orderOf gives already (so it would
 * give 0, 1, 2 …): each row not after the next, and every key column of
 * texts or of numbers (missing values allowed), where the comparison is a
 * total order and a stable sort keeps sorted rows as they are.
 */
export const inOrder = (n: number, keys: ReadonlyArray<ArrayLike<unknown>>): boolean => {
  if (!totallyOrdered(n, keys)) return false
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < keys.length; j++) {
      const c = compareAsArquero(keys[j]![i - 1], keys[j]![i])
      if (c < 0) break
      if (c > 0) return false
    }
  }
  return true
}
