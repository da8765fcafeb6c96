// The conditions of a fused pass applied to its rows' groups: a copy of the
// groups with -1 for each row that fails a condition. The commonest
// conditions (a dictionary column judged per code, day numbers in an
// Int32Array within a range) are judged while copying, in one pass, in loops
// that each see one array type, so V8 keeps them fast; any other condition
// then takes a pass of its own, the kernel's clearFailing.
import type { ColumnTable } from "arquero"
import { DictionaryColumn } from "../DictionaryColumn.js"
import { type Condition, clearFailing, passingCodes, type Where } from "../kernel/where.js"

/** A dictionary condition: the rows' codes and 1 for each code that passes. */
export interface ByCode {
  readonly codes: Int32Array
  readonly pass: Uint8Array
}

/** A range condition on whole day numbers. */
export interface Range {
  readonly values: Int32Array
  readonly from: number
  readonly to: number
}

/** Conditions split into one by code and one range, judged inline, and the rest. */
export interface Split {
  readonly byCode: ByCode | undefined
  readonly range: Range | undefined
  readonly rest: Where
}

/** The first dictionary condition and the first range on an Int32Array of `where`, and the others. */
export const splitConditions = (table: ColumnTable, where: Where): Split => {
  let byCode: ByCode | undefined
  let range: Range | undefined
  const rest: Array<Condition> = []
  for (const c of where) {
    const column = table.column(c.column) as unknown
    if (byCode === undefined && column instanceof DictionaryColumn) {
      const codes = column.codes
      byCode = { codes: new Int32Array(codes.buffer, codes.byteOffset, codes.length), pass: passingCodes(column, c) }
    } else if (range === undefined && c.is === "within" && column instanceof Int32Array)
      range = { values: column, from: c.from, to: c.to }
    else rest.push(c)
  }
  return { byCode, range, rest }
}

/**
 * `groups` copied, with -1 for each row where `where` does not hold; or
 * undefined when a column is missing.
 */
export const keptOf = (table: ColumnTable, where: Where, groups: Int32Array): Int32Array | undefined => {
  const { byCode, range, rest } = splitConditions(table, where)
  const of = new Int32Array(groups.length)
  if (byCode !== undefined && range !== undefined) copyByCodeInRange(groups, of, byCode, range)
  else if (byCode !== undefined) copyByCode(groups, of, byCode)
  else if (range !== undefined) copyInRange(groups, of, range)
  else of.set(groups)
  return rest.length === 0 || clearFailing(table, rest, of, -1) ? of : undefined
}

const copyByCodeInRange = (groups: Int32Array, of: Int32Array, { codes, pass }: ByCode, range: Range): void => {
  const { values, from, to } = range
  for (let i = 0; i < of.length; i++) {
    const v = values[i]!
    of[i] = pass[codes[i]!] === 1 && v >= from && v <= to ? groups[i]! : -1
  }
}

const copyByCode = (groups: Int32Array, of: Int32Array, { codes, pass }: ByCode): void => {
  for (let i = 0; i < of.length; i++) of[i] = pass[codes[i]!] === 1 ? groups[i]! : -1
}

const copyInRange = (groups: Int32Array, of: Int32Array, { values, from, to }: Range): void => {
  for (let i = 0; i < of.length; i++) {
    const v = values[i]!
    of[i] = v >= from && v <= to ? groups[i]! : -1
  }
}
