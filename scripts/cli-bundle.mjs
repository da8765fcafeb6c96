// How the command lines (`aktivitet-rules`, `aktivitet-report`) are bundled:
// with every dependency (the workspace packages from their sources, effect,
// yaml, arquero…) into ES modules split at each dynamic `import()`, so a
// command loads a few files instead of hundreds of modules, only the code it
// calls, and `--help` little more than its text. Used by the packages'
// tsup.config.ts and by the tests that check what a command loads first.
import { readFileSync } from "node:fs"
import { dirname, join, sep } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))

// The packages whose main entry re-exports their modules (barrels): the entry
// file, and the specifier that imports one of its files (as the entry names
// it) directly. Only effect's is used on built JavaScript (the demo's bundle
// of dist/): the workspace packages' files are sources, which a bundle of
// dist/ must not mix with the built copies.
const barrels = {
  // effect's public subpaths ("effect/Schema"), as its package.json exports them.
  effect: {
    index: join(root, "node_modules/effect/dist/index.js"),
    direct: (file) => `effect/${file.replace(/^\.\//u, "").replace(/\.js$/u, "")}`,
    inBuilt: true,
  },
  // The workspace packages' files, by path: the bundle reads their sources.
  "@aktivitetsmodell/core": {
    index: join(root, "packages/core/src/index.ts"),
    direct: (file) => join(root, "packages/core/src", file),
    inBuilt: false,
  },
  "@aktivitetsmodell/core/node": {
    index: join(root, "packages/core/src/node/index.ts"),
    direct: (file) => join(root, "packages/core/src/node", file),
    inBuilt: false,
  },
  "@aktivitetsmodell/rules": {
    index: join(root, "packages/rules/src/index.ts"),
    direct: (file) => join(root, "packages/rules/src", file),
    inBuilt: false,
  },
}

const specifiers = (list) =>
  list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "" && !s.startsWith("type "))
    .map((s) => {
      const [imported, local] = s.split(/\s+as\s+/u)
      return { imported, local: local ?? imported }
    })

/** What a barrel re-exports, by name: the file, and the name there ("*" for the module as a namespace). */
export const barrelExports = (source) => {
  const out = new Map()
  for (const m of source.matchAll(/export\s*\*\s*as\s+([\w$]+)\s+from\s*["']([^"']+)["']/gu))
    out.set(m[1], { file: m[2], name: "*" })
  for (const m of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/gu)) {
    for (const s of specifiers(m[1])) out.set(s.local, { file: m[2], name: s.imported })
  }
  return out
}

/**
 * `source` with each `import { A, B as C } from "<barrel>"` replaced by
 * imports of the modules that define them: `import * as A from
 * "effect/A"`, or `import { B as C } from ".../B.ts"`. A statement that
 * names anything the barrel does not re-export by name stays as it is.
 * Line breaks are kept, so positions in the file do not move.
 */
export const rewriteBarrelImports = (source, exportsOf, direct) =>
  source.replace(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/gu, (statement, list, specifier) => {
    const known = exportsOf(specifier)
    if (known === undefined) return statement
    const wanted = specifiers(list)
    if (!wanted.every((s) => known.has(s.imported))) return statement
    const imports = wanted.map((s) => {
      const e = known.get(s.imported)
      const from = JSON.stringify(direct(specifier, e.file))
      return e.name === "*" ? `import * as ${s.local} from ${from}` : `import { ${e.name} as ${s.local} } from ${from}`
    })
    return `${imports.join("; ")}${"\n".repeat(statement.split("\n").length - 1)}`
  })

/**
 * Rewrites imports from a barrel (effect's main entry, and core's and
 * rules') in the workspace's sources to imports of the modules that define
 * what they name, as bundlers' "optimize package imports" do. Through a
 * barrel, esbuild keeps every export of a re-exported namespace
 * (`export * as Schema`) — all of effect's Schema module and what it
 * imports, half a megabyte — and its code splitting places every file a
 * barrel names in the first chunk that imports the barrel, so `--help` would
 * load all of core and effect. Modules are still files, so every class and
 * namespace stays one object. In the workspace's built JavaScript (dist/),
 * only imports from effect are rewritten.
 */
export const directImports = {
  name: "direct-imports",
  setup(build) {
    const cache = new Map()
    const exportsOf = (built) => (specifier) => {
      const barrel = barrels[specifier]
      if (barrel === undefined || (built && !barrel.inBuilt)) return undefined
      let known = cache.get(specifier)
      if (known === undefined) {
        known = barrelExports(readFileSync(barrel.index, "utf8"))
        cache.set(specifier, known)
      }
      return known
    }
    const direct = (specifier, file) => barrels[specifier].direct(file)
    const packages = join(root, "packages")
    // esbuild's filters are Go regular expressions, which take no flags.
    build.onLoad({ filter: /\.[jt]s$/ }, (args) => {
      if (!args.path.startsWith(packages) || args.path.includes("node_modules")) return undefined
      const built = args.path.endsWith(".js")
      if (built && !args.path.includes(`${sep}dist${sep}`)) return undefined
      const source = readFileSync(args.path, "utf8")
      if (!/from\s*["'](?:effect|@aktivitetsmodell\/(?:core|core\/node|rules))["']/u.test(source)) return undefined
      return {
        contents: rewriteBarrelImports(source, exportsOf(built), direct),
        loader: built ? "js" : "ts",
        resolveDir: dirname(args.path),
      }
    })
  },
}

/**
 * The first lines of every file of a bundled command (after the entry's own
 * `#!/usr/bin/env node`): bundled CommonJS code gets a `require` for Node's built-ins.
 */
export const cliBanner = [
  'import { createRequire as __bundledCreateRequire } from "node:module";',
  "const require = __bundledCreateRequire(import.meta.url);",
].join("\n")

/** The esbuild options of a bundled command, beside its entry and output folder. */
export const cliEsbuildOptions = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  splitting: true,
  // The workspace packages from their TypeScript sources: no build order, and no stale dist/.
  conditions: ["@aktivitetsmodell/source"],
  plugins: [directImports],
  banner: { js: cliBanner },
  // The shared chunks beside the entry, in dist/cli/.
  chunkNames: "cli/[name]-[hash]",
  // Maps point at the files in src/ and node_modules/ instead of carrying copies (megabytes of effect).
  sourcesContent: false,
}

/**
 * The tsup config of a bundled command: `src/cli.ts` with everything it uses,
 * each command a chunk under dist/cli/; `noExternal` says what is bundled.
 */
export const cliTsupEntry = (noExternal) => ({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  target: cliEsbuildOptions.target,
  dts: false,
  sourcemap: true,
  platform: cliEsbuildOptions.platform,
  splitting: true,
  noExternal,
  clean: false,
  banner: cliEsbuildOptions.banner,
  esbuildPlugins: cliEsbuildOptions.plugins,
  esbuildOptions(options) {
    options.conditions = cliEsbuildOptions.conditions
    options.chunkNames = cliEsbuildOptions.chunkNames
    options.sourcesContent = cliEsbuildOptions.sourcesContent
  },
})

/** The inputs of every output file `entry` loads before it runs: itself and its static imports, transitively. */
export const staticInputs = (metafile, entry) => {
  const seen = new Set()
  const visit = (out) => {
    if (seen.has(out)) return
    seen.add(out)
    for (const i of metafile.outputs[out].imports) if (i.kind === "import-statement" && !i.external) visit(i.path)
  }
  visit(entry)
  return [...seen].flatMap((out) => Object.keys(metafile.outputs[out].inputs))
}
