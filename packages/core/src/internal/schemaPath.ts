// Whether a field path, as problems name it (`goal.text`, `staffIds[0]`),
// names a place a schema has at every level. A key no schema has is text
// someone wrote (a CSV heading may be a sentence about a person), so outputs
// show a path only when this holds.
import * as SchemaAST from "effect/SchemaAST"

const segmentsOf = (field: string): ReadonlyArray<string> => field.replace(/\[(\d+)\]/gu, ".$1").split(".")

const has = (ast: SchemaAST.AST, path: ReadonlyArray<string>, at: number): boolean => {
  if (at === path.length) return true
  const key = path[at]!
  if (SchemaAST.isUnion(ast)) return ast.types.some((t) => has(t, path, at))
  if (SchemaAST.isObjects(ast)) {
    const p = ast.propertySignatures.find((s) => s.name === key)
    return p !== undefined && has(p.type, path, at + 1)
  }
  if (SchemaAST.isArrays(ast)) {
    if (!/^\d{1,6}$/u.test(key)) return false
    const i = Number(key)
    const element = i < ast.elements.length ? ast.elements[i] : ast.rest[0]
    return element !== undefined && has(element, path, at + 1)
  }
  return false
}

/** Whether `field` names a place of the schema `ast`: every key a property it has, every index one of its lists. */
export const hasField = (ast: SchemaAST.AST, field: string): boolean => field !== "" && has(ast, segmentsOf(field), 0)
