// No module of the three packages imports itself at run time through a
// chain of others. An import loop makes the order modules load in decide
// which value is still undefined. Imports of types only are erased when
// compiled, so they do not count here.
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

const packages = fileURLToPath(new URL("../../", import.meta.url))
const walk = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  )

/** The files `file` imports at run time, among the packages' own sources. */
const runtimeImports = (file: string, text: string): Array<string> => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false)
  const out: Array<string> = []
  for (const s of source.statements) {
    if (
      !(ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) ||
      s.moduleSpecifier === undefined ||
      !ts.isStringLiteral(s.moduleSpecifier)
    )
      continue
    const spec = s.moduleSpecifier.text
    if (!spec.startsWith(".")) continue
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause
      if (clause?.isTypeOnly) continue
      const named = clause?.namedBindings
      // `import { type A, type B } from` is erased too; a bare `import "./x"` runs.
      if (
        clause !== undefined &&
        clause.name === undefined &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly)
      )
        continue
    } else if (s.isTypeOnly) continue
    out.push(resolve(dirname(file), spec).replace(/\.js$/u, ".ts"))
  }
  return out
}

/** Every loop of run-time imports, each as the files around it. */
const loops = (edges: ReadonlyMap<string, ReadonlyArray<string>>): Array<Array<string>> => {
  const found: Array<Array<string>> = []
  const state = new Map<string, "open" | "done">()
  const stack: Array<string> = []
  const visit = (f: string) => {
    state.set(f, "open")
    stack.push(f)
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === "open") found.push([...stack.slice(stack.indexOf(t)), t])
      else if (!state.has(t)) visit(t)
    }
    stack.pop()
    state.set(f, "done")
  }
  for (const f of edges.keys()) if (!state.has(f)) visit(f)
  return found
}

describe("imports", () => {
  it("form no loop at run time in core, rules or analytics", () => {
    const files = ["core", "rules", "analytics"].flatMap((p) => walk(join(packages, p, "src")))
    expect(files.length).toBeGreaterThan(150)
    const edges = new Map(files.map((f) => [f, runtimeImports(f, readFileSync(f, "utf8"))]))
    expect(loops(edges).map((l) => l.map((f) => relative(packages, f)).join(" → "))).toEqual([])
  })

  it("finds a loop when one is written, and ignores imports of types", () => {
    const a = runtimeImports(
      "/p/a.ts",
      'import { b } from "./b.js"\nimport type { C } from "./c.js"\nimport { type D } from "./d.js"',
    )
    expect(a).toEqual(["/p/b.ts"])
    expect(
      loops(
        new Map([
          ["/p/a.ts", ["/p/b.ts"]],
          ["/p/b.ts", ["/p/a.ts"]],
        ]),
      ),
    ).toEqual([["/p/a.ts", "/p/b.ts", "/p/a.ts"]])
    expect(
      loops(
        new Map([
          ["/p/a.ts", ["/p/b.ts"]],
          ["/p/b.ts", []],
        ]),
      ),
    ).toEqual([])
  })
})
