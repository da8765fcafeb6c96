// A table from named columns, built the cheap way: the columns go straight
// to arquero's ColumnTable constructor as one plain object, which is what
// aq.table() builds from a Map or an object before calling it, only without
// stepping through the entries first. A plain object would take a
// "__proto__" name as its prototype, so only plain identifiers go this way;
// any other name goes through aq.table() on a record() (no prototype).
import * as aq from "arquero"
import { ColumnTable } from "arquero"
import { isColumnName, record } from "../expr.js"

// Names already found to be plain identifiers: the same few are asked for
// on every call, and a lookup costs less than a look at each character. A
// bounded set, so that a stream of new names cannot grow it without end.
const plainNames = new Set<string>()
const isPlain = (name: string): boolean => {
  if (plainNames.has(name)) return true
  if (!isColumnName(name)) return false
  if (plainNames.size < 1024) plainNames.add(name)
  return true
}

/** The table of `columns` in their order. */
export const tableOf = (columns: ReadonlyArray<readonly [string, ArrayLike<unknown>]>): ColumnTable => {
  const data: Record<string, ArrayLike<unknown>> = {}
  const names: Array<string> = []
  for (const [name, values] of columns) {
    if (!isPlain(name)) return aq.table(record(columns))
    // A name given twice keeps its first place and its last values, as a Map does.
    if (!Object.hasOwn(data, name)) names.push(name)
    data[name] = values
  }
  return new ColumnTable(data as unknown as ConstructorParameters<typeof ColumnTable>[0], names)
}
