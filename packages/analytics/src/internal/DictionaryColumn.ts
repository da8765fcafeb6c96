// A dictionary-encoded column that arquero groups without scanning.
//
// arquero's `groupby` asks a column for `groups(names)` before it hashes
// values row by row; its Arrow adapter answers with the dictionary codes, and
// so does this class. Grouping a million attendance rows by offering then costs
// nothing, and the aggregation loop sees small integers instead of strings.
// The codes are built per table from the values present, so every group has
// at least one row, as a plain `groupby` would give.

/** The shape of arquero's groupby specification (its `GroupBySpec`). */
export interface GroupBySpec {
  readonly keys: Uint32Array
  readonly get: Array<(row: number) => unknown>
  readonly names: Array<string>
  readonly rows: Array<number>
  readonly size: number
}

// The most rows a column keeps its values by row for (see valuesByRow).
const keptRows = 4096

/** A column of values stored as small integer codes into a dictionary. */
export class DictionaryColumn<T> {
  readonly length: number
  private byRow: ReadonlyArray<T> | undefined = undefined
  constructor(
    readonly codes: Uint32Array,
    readonly values: ReadonlyArray<T>,
  ) {
    this.length = codes.length
  }

  at(row: number): T {
    return this.values[this.codes[row]!]!
  }

  key(row: number): number {
    return this.codes[row]!
  }

  groups(names: Array<string>): GroupBySpec {
    const values = this.values
    // As in arquero's Arrow adapter, the example "row" of group k is k itself
    // and the getter maps it to the value, so no row lookup is needed.
    return {
      keys: this.codes,
      get: [(k: number) => values[k]],
      names,
      rows: Array.from({ length: values.length }, (_, i) => i),
      size: values.length,
    }
  }

  /**
   * The column of the given rows, its dictionary narrowed to the values they
   * hold, in order of first appearance (as arquero would group them).
   */
  take(rows: ArrayLike<number>): DictionaryColumn<T> {
    const local = new Int32Array(this.values.length).fill(-1)
    const values: Array<T> = []
    const codes = new Uint32Array(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const c = this.codes[rows[i]!]!
      let k = local[c]!
      if (k < 0) {
        k = local[c] = values.length
        values.push(this.values[c]!)
      }
      codes[i] = k
    }
    return new DictionaryColumn(codes, values)
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.at(i)
  }

  /**
   * The values by row, not to be changed. A small column's list is kept once
   * made: a small table (the contributions, say) is read whole by every
   * call that uses it, and a large column is not held twice.
   */
  valuesByRow(): ReadonlyArray<T> {
    if (this.byRow !== undefined) return this.byRow
    const values = this.toArray()
    if (this.length <= keptRows) this.byRow = Object.freeze(values)
    return values
  }

  // A loop over the codes: Array.from would step through the generator above.
  toArray(): Array<T> {
    const { codes, values } = this
    const out = new Array<T>(codes.length)
    for (let i = 0; i < codes.length; i++) out[i] = values[codes[i]!]!
    return out
  }
}

/** Encodes values into a {@link DictionaryColumn}, in order of first appearance. */
export const encode = <T>(length: number, valueAt: (i: number) => T): DictionaryColumn<T> => {
  const index = new Map<T, number>()
  const values: Array<T> = []
  const codes = new Uint32Array(length)
  for (let i = 0; i < length; i++) {
    const v = valueAt(i)
    let code = index.get(v)
    if (code === undefined) {
      code = values.length
      values.push(v)
      index.set(v, code)
    }
    codes[i] = code
  }
  return new DictionaryColumn(codes, values)
}
