// Lists every type a consumer can name from each public entry, read from the
// TypeScript sources (through the "@aktivitetsmodell/source" condition), so
// that the fixture covers types added later without anyone listing them. The
// built declarations cannot be the source of this list: the bug this guards
// against makes a type look like a value there.
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
const ts = require("typescript")
const root = fileURLToPath(new URL("../../", import.meta.url))

/** The entries a consumer imports, as in each package.json's "exports". */
export const entries = [
  "@aktivitetsmodell/core",
  "@aktivitetsmodell/core/synthetic",
  "@aktivitetsmodell/core/node",
  "@aktivitetsmodell/rules",
  "@aktivitetsmodell/rules/node",
  "@aktivitetsmodell/rules/decide",
  "@aktivitetsmodell/analytics",
  "@aktivitetsmodell/analytics/node",
]

const typeParameterCount = (symbol) => {
  for (const d of symbol.declarations ?? []) {
    if (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isClassDeclaration(d)) {
      return d.typeParameters?.length ?? 0
    }
  }
  return 0
}

/**
 * For each entry, `{ entry, types: [{ path: ["Invariants", "Violation"], typeParameters: 0 }] }`:
 * top-level types and the types inside each namespace export.
 */
export const publicTypes = () => {
  const options = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ["@aktivitetsmodell/source"],
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
    resolveJsonModule: true,
    ignoreDeprecations: "6.0",
  }
  const host = ts.createCompilerHost(options)
  const resolved = entries.map((entry) => {
    const r = ts.resolveModuleName(entry, `${root}index.ts`, options, host).resolvedModule
    if (!r) throw new Error(`cannot resolve ${entry} from the sources`)
    return { entry, file: r.resolvedFileName }
  })
  const program = ts.createProgram(
    resolved.map((r) => r.file),
    options,
    host,
  )
  const checker = program.getTypeChecker()
  const resolveAlias = (s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s)
  const isType = (s) => (s.flags & (ts.SymbolFlags.Type & ~ts.SymbolFlags.TypeParameter)) !== 0

  return resolved.map(({ entry, file }) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file))
    const types = []
    for (const exported of checker.getExportsOfModule(module)) {
      const target = resolveAlias(exported)
      if (target.flags & ts.SymbolFlags.ValueModule && target.declarations?.some(ts.isSourceFile)) {
        // `export * as Invariants from "./Invariants.js"`: the namespace's own types.
        for (const member of checker.getExportsOfModule(target)) {
          const m = resolveAlias(member)
          if (isType(m)) types.push({ path: [exported.name, member.name], typeParameters: typeParameterCount(m) })
        }
      } else if (isType(target)) {
        types.push({ path: [exported.name], typeParameters: typeParameterCount(target) })
      }
    }
    return { entry, types }
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { entry, types } of publicTypes())
    console.log(
      entry,
      types.length,
      types.map((t) => t.path.join(".") + (t.typeParameters ? `<${t.typeParameters}>` : "")).join(" "),
    )
}
