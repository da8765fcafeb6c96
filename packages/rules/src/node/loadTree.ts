/**
 * Reads a policy tree from a folder on disk. The folder is not trusted: see
 * `walk.ts` for what is refused (symlinks out of the tree, loops, FIFOs,
 * sockets, devices, files over {@link maxFileBytes}).
 *
 * @module
 */
import type { Catalogue } from "@aktivitetsmodell/core"
import { isCaseFile } from "../CaseFile.js"
import { guard, reject, requireString } from "../internal/boundary.js"

import { load, type TextFile, type Tree } from "../PolicyTree.js"
import type { Problem } from "../Problem.js"
import { hasErrors, PolicyError, redacted } from "../Problem.js"
import { walkTree } from "./walk.js"

export { shippedPolicyDir } from "./shipped.js"
export { maxDepth, maxEntries, maxFileBytes } from "./walk.js"

const requireDir = (name: string, dir: unknown): void => {
  requireString(name, "dir", dir)
  // An empty path would quietly mean the current folder, perhaps a whole disk.
  if (dir === "")
    reject(name, { nb: "dir må være navnet på en mappe, ikke tom", en: "dir must name a folder, not be empty" })
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
export const readTreeFiles = guard(
  "readTreeFiles",
  { nb: "(dir: string)", en: "(dir: string)" },
  (dir: string): ReadonlyArray<TextFile> => {
    requireDir("readTreeFiles", dir)
    const { files, problems } = read(dir)
    if (hasErrors(problems)) throw new PolicyError(problems.filter((p) => p.severity === "error"))
    return files
  },
)

/**
 * How a tree is loaded from a folder.
 * @category models
 */
export interface LoadOptions {
  /** The offerings the rules may name; Sandnes' catalogue unless given. */
  readonly catalogue?: Catalogue.Catalogue
  /**
   * `false` leaves the case files (`*.cases.yaml`) unread: `tree.cases` is
   * empty and their problems are not reported. For callers that decide but
   * never run cases; parsing the case files is most of a load.
   */
  readonly cases?: boolean
}

/**
 * Loads the tree in `dir` and returns it with every problem found, those
 * with the files themselves (codes in `Problem.fileSystemCodes`) first.
 * @example
 * const { tree, problems } = loadTree("packages/rules/policy")
 * @category constructors
 */
export const loadTree = guard(
  "loadTree",
  {
    nb: "(dir: string, options?: { catalogue?: Catalogue; cases?: boolean })",
    en: "(dir: string, options?: { catalogue?: Catalogue; cases?: boolean })",
  },
  (dir: string, options: LoadOptions = {}): { readonly tree: Tree; readonly problems: ReadonlyArray<Problem> } => {
    requireDir("loadTree", dir)
    const { files, problems } = read(dir)
    const { cases, ...rest } = options ?? {}
    const loaded = load(cases === false ? files.filter((f) => !isCaseFile(f.path)) : files, rest)
    // Without a usable folder there is no tree to find fault with: only say why.
    if (problems.some((p) => p.file === "")) return { tree: loaded.tree, problems }
    return { tree: loaded.tree, problems: [...problems, ...loaded.problems] }
  },
)

/**
 * Loads the tree in `dir`, or throws a {@link PolicyError} with every error.
 * @example
 * const tree = loadTreeOrThrow("packages/rules/policy")
 * @category constructors
 */
export const loadTreeOrThrow = guard(
  "loadTreeOrThrow",
  {
    nb: "(dir: string, options?: { catalogue?: Catalogue; cases?: boolean })",
    en: "(dir: string, options?: { catalogue?: Catalogue; cases?: boolean })",
  },
  (dir: string, options: LoadOptions = {}): Tree => {
    const { tree, problems } = loadTree(dir, options)
    if (hasErrors(problems)) throw new PolicyError(problems.filter((p) => p.severity === "error"))
    return tree
  },
)
