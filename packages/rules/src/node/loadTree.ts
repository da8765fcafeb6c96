/**
 * Reads a policy tree from a folder on disk. The folder is not trusted: see
 * `walk.ts` for what is refused (symlinks out of the tree, loops, FIFOs,
 * sockets, devices, files over {@link maxFileBytes}).
 *
 * @module
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import type { Catalogue } from "@aktivitetsmodell/core"
import { guard, reject, requireString } from "../internal/boundary.js"
import { bi } from "../internal/text.js"
import { load, type TextFile, type Tree } from "../PolicyTree.js"
import type { Problem } from "../Problem.js"
import { hasErrors, PolicyError, redacted } from "../Problem.js"
import { RulesError } from "../RulesError.js"
import { walkTree } from "./walk.js"

export { maxDepth, maxEntries, maxFileBytes } from "./walk.js"

const requireDir = (name: string, dir: unknown): void => {
  requireString(name, "dir", dir)
  // An empty path would quietly mean the current folder, perhaps a whole disk.
  if (dir === "") reject(name, "dir must name a folder, not be empty", "dir må være navnet på en mappe, ikke tom")
}

const read = (dir: string): { readonly files: ReadonlyArray<TextFile>; readonly problems: ReadonlyArray<Problem> } => {
  const { files, problems } = walkTree(dir)
  return { files, problems: problems.map(redacted) }
}

/**
 * The text files of a tree folder, with paths relative to it. Throws a
 * {@link PolicyError} when the folder or one of its entries cannot be read safely.
 * @example
 * readTreeFiles("packages/rules/policy").length
 * @category constructors
 */
export const readTreeFiles = guard("readTreeFiles", bi("(dir: string)", "(dir: string)"), (dir: string): ReadonlyArray<TextFile> => {
  requireDir("readTreeFiles", dir)
  const { files, problems } = read(dir)
  if (hasErrors(problems)) throw new PolicyError(problems.filter((p) => p.severity === "error"))
  return files
})

/**
 * Loads the tree in `dir` and returns it with every problem found, those
 * with the files themselves (codes in `Problem.fileSystemCodes`) first.
 * @example
 * const { tree, problems } = loadTree("packages/rules/policy")
 * @category constructors
 */
export const loadTree = guard(
  "loadTree",
  bi("(dir: string, options?: { catalogue?: Catalogue })", "(dir: string, options?: { catalogue?: Catalogue })"),
  (dir: string, options: { readonly catalogue?: Catalogue.Catalogue } = {}): { readonly tree: Tree; readonly problems: ReadonlyArray<Problem> } => {
    requireDir("loadTree", dir)
    const { files, problems } = read(dir)
    const loaded = load(files, options ?? {})
    // Without a usable folder there is no tree to find fault with: only say why.
    if (problems.some((p) => p.file === "")) return { tree: loaded.tree, problems }
    return { tree: loaded.tree, problems: [...problems, ...loaded.problems] }
  }
)

/**
 * Loads the tree in `dir`, or throws a {@link PolicyError} with every error.
 * @example
 * const tree = loadTreeOrThrow("packages/rules/policy")
 * @category constructors
 */
export const loadTreeOrThrow = guard(
  "loadTreeOrThrow",
  bi("(dir: string, options?: { catalogue?: Catalogue })", "(dir: string, options?: { catalogue?: Catalogue })"),
  (dir: string, options: { readonly catalogue?: Catalogue.Catalogue } = {}): Tree => {
    const { tree, problems } = loadTree(dir, options)
    if (hasErrors(problems)) throw new PolicyError(problems.filter((p) => p.severity === "error"))
    return tree
  }
)

/**
 * The folder of the policy this package ships (Sandnes, decided 2023-03-09).
 * @example
 * loadTreeOrThrow(shippedPolicyDir())
 * @category constructors
 */
export const shippedPolicyDir = guard("shippedPolicyDir", bi("()", "()"), (): string => {
  // From src/node/ (sources) the folder is two levels up; from dist/ (where
  // the build bundles this file into dist/cli.js and dist/node/) one or two.
  // The CommonJS build (dist/node/index.cjs) has no `import.meta`: esbuild
  // leaves it empty, so there this file's own location is `__filename`.
  const here = import.meta.url === undefined ? pathToFileURL(__filename) : import.meta.url
  for (const up of ["../policy", "../../policy"]) {
    const dir = fileURLToPath(new URL(up, here))
    if (existsSync(join(dir, "eligibility"))) return dir
  }
  throw new RulesError({ en: "The shipped policy folder is missing", nb: "Regelmappen som følger med pakken, mangler" })
})
