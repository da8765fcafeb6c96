/**
 * Reads a policy tree from a folder on disk.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { fileURLToPath } from "node:url"
import type { Catalogue } from "@aktivitetsmodell/core"
import { load, type TextFile, type Tree } from "../PolicyTree.js"
import type { Problem } from "../Problem.js"
import { hasErrors, PolicyError } from "../Problem.js"

const walk = (dir: string, root: string, out: Array<TextFile>): void => {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".") || name === "node_modules") continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, root, out)
    else if (/\.(?:json|ya?ml)$/u.test(name)) out.push({ path: relative(root, full).split(sep).join("/"), text: readFileSync(full, "utf8") })
  }
}

/**
 * The text files of a tree folder, with paths relative to it.
 * @example
 * readTreeFiles("packages/rules/policy").length
 * @category constructors
 */
export const readTreeFiles = (dir: string): ReadonlyArray<TextFile> => {
  const out: Array<TextFile> = []
  walk(dir, dir, out)
  return out
}

/**
 * Loads the tree in `dir` and returns it with every problem found.
 * @example
 * const { tree, problems } = loadTree("packages/rules/policy")
 * @category constructors
 */
export const loadTree = (dir: string, options: { readonly catalogue?: Catalogue.Catalogue } = {}): { readonly tree: Tree; readonly problems: ReadonlyArray<Problem> } =>
  load(readTreeFiles(dir), options)

/**
 * Loads the tree in `dir`, or throws a {@link PolicyError} with every error.
 * @example
 * const tree = loadTreeOrThrow("packages/rules/policy")
 * @category constructors
 */
export const loadTreeOrThrow = (dir: string, options: { readonly catalogue?: Catalogue.Catalogue } = {}): Tree => {
  const { tree, problems } = loadTree(dir, options)
  if (hasErrors(problems)) throw new PolicyError(problems.filter((p) => p.severity === "error"))
  return tree
}

/**
 * The folder of the policy this package ships (Sandnes, decided 2023-03-09).
 * @example
 * loadTreeOrThrow(shippedPolicyDir())
 * @category constructors
 */
export const shippedPolicyDir = (): string => {
  // From src/node/ (sources) the folder is two levels up; from dist/ (where
  // the build bundles this file into dist/cli.js and dist/node/) one or two.
  for (const up of ["../policy", "../../policy"]) {
    const dir = fileURLToPath(new URL(up, import.meta.url))
    if (existsSync(join(dir, "eligibility"))) return dir
  }
  throw new Error("The shipped policy folder is missing / Regelmappen som følger med pakken, mangler")
}
