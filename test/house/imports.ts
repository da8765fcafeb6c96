// The import graph of the three packages' sources, read with the TypeScript
// parser: every import, `import type` and `export … from`, relative ones
// resolved to files and package ones to the package they name.
import { readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import ts from "typescript"

export const root = resolve(import.meta.dirname, "../..")
export const packages = ["core", "rules", "analytics"] as const
export type PackageName = (typeof packages)[number]

const walk = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return walk(path)
    return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : []
  })

/** Every source file of the packages, relative to the repository root. */
export const sourceFiles = (): Array<string> =>
  packages.flatMap((p) => walk(join(root, "packages", p, "src"))).map((f) => relative(root, f))

/** The module names a file imports or re-exports, type-only and dynamic (`import("…")`) ones included. */
export const specifiers = (file: string): Array<string> => {
  const sf = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true)
  const out: Array<string> = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      out.push(node.moduleSpecifier.text)
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      out.push(node.arguments[0].text)
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

const candidates = (base: string): Array<string> => [
  base.replace(/\.js$/u, ".ts"),
  `${base}.ts`,
  join(base, "index.ts"),
]

/** A relative specifier resolved to a source file, or undefined when it names no file. */
export const resolveRelative = (from: string, spec: string): string | undefined => {
  const base = join(dirname(from), spec)
  return candidates(base).find((c) => {
    try {
      return statSync(join(root, c)).isFile()
    } catch {
      return false
    }
  })
}

/** The package a bare specifier names, when it is one of ours. */
export const packageOf = (spec: string): PackageName | undefined => {
  const m = /^@aktivitetsmodell\/([a-z]+)/u.exec(spec)
  return m && (packages as ReadonlyArray<string>).includes(m[1]!) ? (m[1] as PackageName) : undefined
}

/** The file graph: each source file and the source files it imports. */
export const fileGraph = (): Map<string, Array<string>> => {
  const graph = new Map<string, Array<string>>()
  for (const file of sourceFiles()) {
    const targets = specifiers(file)
      .filter((s) => s.startsWith("."))
      .map((s) => resolveRelative(file, s))
      .filter((t): t is string => t !== undefined)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** Strongly connected components of more than one node (or a node importing itself): the import loops. */
export const cycles = (graph: ReadonlyMap<string, ReadonlyArray<string>>): Array<Array<string>> => {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: Array<string> = []
  const onStack = new Set<string>()
  const found: Array<Array<string>> = []
  const visit = (v: string): void => {
    index.set(v, next)
    low.set(v, next)
    next++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: Array<string> = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}
