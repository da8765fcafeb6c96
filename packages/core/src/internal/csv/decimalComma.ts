// Norwegian Excel writes a number with a decimal comma ("4,5") and, to keep
// the comma free, separates the fields with ";". In such a file, and only in
// a field the schema holds a number in, "4,5" means 4.5 and is read so. In a
// file with another separator a decimal comma is not guessed at: the row is
// rejected with a message that says what was found and how to mend it.
import * as SchemaAST from "effect/SchemaAST"

/** Digits, one comma, digits: nothing else is taken for a decimal comma. */
const decimal = /^[+-]?\d+,\d+$/u

const numeric = (node: SchemaAST.AST): boolean =>
  SchemaAST.isNumber(node) ||
  (SchemaAST.isUnion(node) && node.types.some(numeric)) ||
  (SchemaAST.isArrays(node) &&
    [...node.elements, ...node.rest].length > 0 &&
    [...node.elements, ...node.rest].every(numeric))

/** Whether the schema holds a number, or a list of numbers, at `path`. */
export const isNumericAt = (ast: SchemaAST.AST, path: ReadonlyArray<string>): boolean => {
  let node: SchemaAST.AST | undefined = ast
  for (const key of path) {
    if (node === undefined || !SchemaAST.isObjects(node)) return false
    node = node.propertySignatures.find((p) => p.name === key)?.type
  }
  return node !== undefined && numeric(node)
}

/** Whether a cell (one value of a list cell) is a number written with a decimal comma. */
export const hasDecimalComma = (value: string): boolean => decimal.test(value)

/** The value with its decimal comma as a point, when it has one; otherwise as it is. */
export const withDecimalPoint = (value: string): string => (decimal.test(value) ? value.replace(",", ".") : value)

/** Whether `delimiter` is the one that makes a decimal comma unambiguous. */
export const commaIsDecimal = (delimiter: string): boolean => delimiter === ";"
