// Loading the policy tree a command names. A path that cannot be used — a
// missing folder, a file where a folder is expected, a symlink loop, a FIFO —
// is wrong usage: one line, exit code 2. So is an entry in the tree that
// cannot be read safely (a symlink out of the tree, a FIFO, a loop).
import { resolve } from "node:path"
import { isCaseFile } from "../CaseFile.js"
import { filesAt, GitError, revisionProblem } from "../node/git.js"
import { loadTree } from "../node/loadTree.js"
import { expectFolder, inspect } from "../node/paths.js"
import { load, type Tree } from "../PolicyTree.js"
import { fileSystemCodes, format, hasErrors, type Problem, redacted } from "../Problem.js"
import { type Io, type OutputLang, refused, shown, UsageError } from "./io.js"

/** Throws a UsageError when `dir` is not a folder that can be read. */
export const requireFolder = (io: Io, dir: string): void => {
  const found = inspect(resolve(io.cwd, dir))
  const refusal = expectFolder(found)
  if (refusal !== undefined) throw refused(io, dir, refusal)
}

/** True for a problem with a file on disk rather than with its content. */
const isFileSystem = (p: Problem): boolean => p.severity === "error" && fileSystemCodes.includes(p.code)

/**
 * The tree and its problems, or the exit code after reporting why it cannot
 * be used. `cases: false` leaves the case files unread (see loadTree).
 */
export const loadChecked = (
  io: Io,
  dir: string,
  lang: OutputLang,
  options: { readonly cases?: boolean } = {},
): { tree: Tree; problems: ReadonlyArray<Problem> } | number => {
  requireFolder(io, dir)
  const { tree, problems } = loadTree(resolve(io.cwd, dir), options)
  const unsafe = problems.filter(isFileSystem)
  if (unsafe.length === 0) return { tree, problems }
  for (const p of unsafe) io.stderr(format(p, lang, shown(io, dir)))
  return 2
}

/**
 * The tree, or the exit code after reporting its errors (1) or unusable
 * files (2). For the commands that decide (evaluate, explain, replay,
 * impact): they never run cases, so case files are left unread.
 */
export const loadOrReport = (io: Io, dir: string, lang: OutputLang): Tree | number => {
  const loaded = loadChecked(io, dir, lang, { cases: false })
  if (typeof loaded === "number") return loaded
  if (!hasErrors(loaded.problems)) return loaded.tree
  for (const p of loaded.problems.filter((x) => x.severity === "error")) io.stderr(format(p, lang, shown(io, dir)))
  return 1
}

/**
 * The tree in `dir` as committed at `revision`, or the exit code after
 * reporting why it cannot be used: 2 for a revision git does not know or a
 * folder outside a repository, 1 for errors in the committed files. Case
 * files are left unread, as in loadOrReport.
 */
export const loadAtRevision = (io: Io, dir: string, revision: string, lang: OutputLang): Tree | number => {
  requireFolder(io, dir)
  const refused = revisionProblem(revision)
  if (refused !== undefined) throw new UsageError(refused, "--from: ")
  let read: ReturnType<typeof filesAt>
  try {
    read = filesAt(resolve(io.cwd, dir), revision)
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.text, `${shown(io, dir)}@${revision}: `)
    throw e
  }
  const place = `${shown(io, dir)}@${revision}`
  const unsafe = read.problems.filter(isFileSystem)
  for (const p of read.problems) io.stderr(format(redacted(p), lang, place))
  if (unsafe.length > 0) return 2
  const { tree, problems } = load(read.files.filter((f) => !isCaseFile(f.path)))
  if (!hasErrors(problems) && read.problems.length === 0) return tree
  for (const p of problems.filter((x) => x.severity === "error")) io.stderr(format(p, lang, place))
  return 1
}
