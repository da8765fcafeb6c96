// A column read as small integer codes, the form every kernel works on: a
// dictionary column gives its codes, an integer typed array its values, and
// any other column (a plain array, say the keys of an earlier rollup, or
// floats with NaN for missing) is coded value by value in order of first
// appearance. Values are told apart as JavaScript's Map does (arquero joins
// keys as text, so its null and "null" meet; here they stay apart).
import { Coder } from "../columns.js"
import { DictionaryColumn } from "../DictionaryColumn.js"

/** A column as integer codes in 0 … size - 1, and the value each code stands for. */
export interface Coded {
  readonly codes: Int32Array
  readonly size: number
  readonly value: (code: number) => unknown
  /** The value of a row as stored (codes merge -0 with 0; a group shows its first row's). */
  readonly at: (row: number) => unknown
  /** Whether the value of a code is valid in arquero's sense (not null, undefined or NaN). */
  readonly valid: (code: number) => boolean
  /** Whether every code stands for a valid value, so a pass need not ask. */
  readonly allValid: boolean
}

const always = () => true

/** The largest code an integer column may hold: its codes index typed arrays. */
const MAX_CODE = 2 ** 26

const isIntegerArray = (
  c: unknown,
): c is Int32Array | Uint32Array | Uint16Array | Int16Array | Uint8Array | Int8Array =>
  c instanceof Int32Array ||
  c instanceof Uint32Array ||
  c instanceof Uint16Array ||
  c instanceof Int16Array ||
  c instanceof Uint8Array ||
  c instanceof Int8Array

/** Whether a value is valid in arquero's sense: not null, undefined or NaN. */
// NaN is the one value not equal to itself; Number.isNaN on every kind of
// value costs a call where the comparison does not.
// biome-ignore lint/suspicious/noSelfCompare: the NaN check, for any value.
export const isValid = (v: unknown): boolean => v !== null && v !== undefined && v === v

// Codes each value of a column in order of first appearance; every missing
// value (null, undefined, NaN) gets one code, as it is one group in arquero.
const encoded = (column: ArrayLike<unknown>): Coded => {
  // A Map tells values apart by SameValueZero: every NaN is one value, and -0 is 0.
  const coder = new Coder<unknown>()
  const codes = new Int32Array(column.length)
  for (let i = 0; i < column.length; i++) codes[i] = coder.code(column[i])
  const values = coder.values
  return {
    codes,
    size: values.length,
    value: (k) => values[k],
    at: (row) => column[row],
    valid: (k) => isValid(values[k]),
    allValid: values.every(isValid),
  }
}

/** The codes of a column, or undefined when it is not a column this package builds. */
export const codedOf = (column: unknown): Coded | undefined => {
  if (column instanceof DictionaryColumn) {
    const values = column.values as ReadonlyArray<unknown>
    // The same codes read as Int32Array (they are below 2^31): every kernel
    // loop then sees one array type, which keeps its element loads monomorphic.
    const codes = column.codes
    return {
      codes: new Int32Array(codes.buffer, codes.byteOffset, codes.length),
      size: values.length,
      value: (k) => values[k],
      at: (row) => column.at(row),
      valid: (k) => isValid(values[k]),
      allValid: values.every(isValid),
    }
  }
  if (isIntegerArray(column)) {
    let max = -1
    let min = 0
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!
      if (v < min) min = v
      if (v > max) max = v
    }
    if (min >= 0 && max < MAX_CODE)
      return {
        codes: column instanceof Int32Array ? column : Int32Array.from(column),
        size: max + 1,
        value: (k) => k,
        at: (row) => column[row],
        valid: always,
        allValid: true,
      }
    return encoded(column)
  }
  if (Array.isArray(column) || column instanceof Float64Array || column instanceof Float32Array) return encoded(column)
  return undefined
}
