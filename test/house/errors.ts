// The error classes each source file declares and what they extend, read
// with the TypeScript parser, so a test can follow every chain to its root.
import ts from "typescript"

/** A class declaration and the last name of what it extends (`Problems.ProblemsError<P>` → `ProblemsError`). */
export interface ClassBase {
  readonly file: string
  readonly name: string
  readonly base: string | undefined
}

export const classBases = (file: string, text: string): Array<ClassBase> => {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: Array<ClassBase> = []
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node) && node.name !== undefined) {
      const extended = node.heritageClauses
        ?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
        ?.types[0]?.expression.getText(sf)
      found.push({ file, name: node.name.text, base: extended?.split(".").at(-1) })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

/**
 * The classes whose chain of bases reaches the built-in `Error` without
 * passing `root`: errors outside the one error class. Names are matched
 * across files, as the packages' classes share no name but `FileError` and
 * `UsageError`, which have the same base on both sides.
 */
export const outsideRoot = (classes: ReadonlyArray<ClassBase>, root: string): Array<string> => {
  const bases = new Map<string, Set<string | undefined>>()
  for (const c of classes) bases.set(c.name, (bases.get(c.name) ?? new Set()).add(c.base))
  const reachesError = (name: string, seen: Set<string>): boolean => {
    if (name === root) return false
    if (name === "Error") return true
    if (seen.has(name)) return false
    seen.add(name)
    return [...(bases.get(name) ?? [])].some((b) => b !== undefined && reachesError(b, seen))
  }
  return classes.filter((c) => c.name !== root && reachesError(c.name, new Set())).map((c) => `${c.file}: ${c.name}`)
}
