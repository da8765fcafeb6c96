// A policy folder as it was at a committed revision, read from the local
// git repository without a work tree or the network: `git ls-tree` lists the
// folder's files at the revision and one `git cat-file --batch` reads them.
// git is always spawned with an argument array, never through a shell; the
// revision is checked before it reaches git (no leading "-", only the
// characters revisions use), and lazy fetching from a promisor remote is
// switched off, so a partial clone cannot reach out to the network.
import { spawnSync } from "node:child_process"
import type { Bilingual } from "@aktivitetsmodell/core"
import { savedAsUtf16, utf16Message } from "../internal/encoding.js"
import { quote } from "../internal/text.js"
import type { TextFile } from "../PolicyTree.js"
import type { Code, Problem } from "../Problem.js"
import { RulesError } from "../RulesError.js"
import { byteCount } from "./paths.js"
import { maxDepth, maxEntries, maxFileBytes } from "./walk.js"

/** Characters a revision may use: names, hashes, `HEAD~2`, `main^`, `v1.0`, `@{1}`. */
const revisionPattern = /^[A-Za-z0-9._/~^@{}-]+$/u

/** The longest revision string accepted. */
const maxRevisionLength = 256

/**
 * Why `revision` cannot be given to git, or undefined when it can: it must
 * be non-empty, not start with "-" (git would read it as an option), and use
 * only `[A-Za-z0-9._/~^@{}-]`.
 */
export const revisionProblem = (revision: string): Bilingual | undefined => {
  if (revision === "" || revision.length > maxRevisionLength)
    return {
      nb: `En revisjon har 1 til ${maxRevisionLength} tegn`,
      en: `A revision has 1 to ${maxRevisionLength} characters`,
    }
  if (revision.startsWith("-"))
    return { nb: "En revisjon kan ikke starte med «-»", en: 'A revision cannot start with "-"' }
  if (!revisionPattern.test(revision))
    return {
      nb: "En revisjon bruker bare bokstaver, sifre og . _ / ~ ^ @ { } -",
      en: "A revision uses only letters, digits and . _ / ~ ^ @ { } -",
    }
  return undefined
}

/** Thrown when git cannot answer: not installed, not a repository, an unknown revision. */
export class GitError extends RulesError {
  override readonly name: string = "GitError"
}

// No pager, no prompts, no lazy fetch of missing objects, no locks taken.
const environment = (): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_NO_LAZY_FETCH: "1",
  GIT_TERMINAL_PROMPT: "0",
  GIT_OPTIONAL_LOCKS: "0",
  GIT_PAGER: "cat",
  LC_ALL: "C",
})

const git = (cwd: string, args: ReadonlyArray<string>, input?: Buffer): Buffer => {
  const r = spawnSync("git", ["--no-pager", "--literal-pathspecs", "-c", "core.quotePath=off", ...args], {
    cwd,
    env: environment(),
    input,
    maxBuffer: 512 * 1024 * 1024,
    windowsHide: true,
  })
  if (r.error !== undefined) {
    const missing = (r.error as NodeJS.ErrnoException).code === "ENOENT"
    throw new GitError(
      missing
        ? { nb: "git er ikke installert, eller ikke på PATH", en: "git is not installed, or not on the PATH" }
        : { nb: "git kunne ikke kjøres", en: "git could not be run" },
    )
  }
  if (r.status !== 0)
    throw new GitError({
      nb: `git ${args[0]} feilet: ${quote(r.stderr.toString("utf8").split("\n")[0] ?? "", 160).nb}`,
      en: `git ${args[0]} failed: ${quote(r.stderr.toString("utf8").split("\n")[0] ?? "", 160).en}`,
    })
  return r.stdout
}

const policyFile = /\.(?:json|ya?ml)$/u

/**
 * The policy files under `dir` (a folder in a git work tree) as they were
 * at `revision`, with paths relative to `dir`, and a problem for each entry
 * refused: a symbolic link, a submodule, a file over the size cap, too many
 * files or folders too deep. Throws a {@link GitError} when git cannot answer.
 */
export const filesAt = (
  dir: string,
  revision: string,
): { readonly files: ReadonlyArray<TextFile>; readonly problems: ReadonlyArray<Problem>; readonly commit: string } => {
  const refused = revisionProblem(revision)
  if (refused !== undefined) throw new GitError(refused)
  const prefix = git(dir, ["rev-parse", "--show-prefix"]).toString("utf8").trim()
  const top = git(dir, ["rev-parse", "--show-toplevel"]).toString("utf8").trim()
  let commit: string
  try {
    commit = git(top, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`])
      .toString("utf8")
      .trim()
  } catch {
    const r = quote(revision)
    throw new GitError({
      nb: `Det finnes ingen commit ${r.nb} i dette repoet`,
      en: `There is no commit ${r.en} in this repository`,
    })
  }
  const problems: Array<Problem> = []
  const problem = (file: string, code: Code, message: Bilingual) =>
    problems.push({ file, pointer: "", line: 1, code, severity: "error", message })
  const listing = git(top, [
    "ls-tree",
    "-r",
    "-l",
    "-z",
    "--full-tree",
    commit,
    "--",
    prefix === "" ? "." : prefix,
  ]).toString("utf8")
  const wanted: Array<{ path: string; object: string; size: number }> = []
  let entries = 0
  for (const line of listing.split("\0")) {
    if (line === "") continue
    const tab = line.indexOf("\t")
    const [mode, type, object, size] = line.slice(0, tab).split(/ +/u)
    const path = line.slice(tab + 1).slice(prefix.length)
    if (++entries > maxEntries) {
      problem("", "too-many-files", {
        en: `The folder has more than ${maxEntries} files at ${revision}; the rest is not read`,
        nb: `Mappen har mer enn ${maxEntries} filer i ${revision}; resten leses ikke`,
      })
      break
    }
    if (path.split("/").length - 1 > maxDepth) {
      problem(path, "too-many-files", {
        en: `Folders nest more than ${maxDepth} levels deep; this file is not read`,
        nb: `Mappene ligger mer enn ${maxDepth} nivåer dypt; denne filen leses ikke`,
      })
      continue
    }
    if (!policyFile.test(path)) continue
    if (mode === "120000") {
      problem(path, "outside-tree", {
        en: "A symbolic link in the committed folder is not followed",
        nb: "En symbolsk lenke i den lagrede mappen følges ikke",
      })
      continue
    }
    if (type !== "blob" || object === undefined) {
      problem(path, "special-file", {
        en: "Not a file in the committed folder (a submodule?); it is not read",
        nb: "Ikke en fil i den lagrede mappen (en undermodul?); den leses ikke",
      })
      continue
    }
    const bytes = Number(size)
    if (!(bytes <= maxFileBytes)) {
      const has = byteCount(bytes)
      const most = byteCount(maxFileBytes)
      problem(path, "too-large", {
        en: `The file has ${has.en}; a policy file may have at most ${most.en}, so it is not read`,
        nb: `Filen har ${has.nb}; en regelfil kan ha høyst ${most.nb}, så den leses ikke`,
      })
      continue
    }
    wanted.push({ path, object, size: bytes })
  }
  if (wanted.length === 0 && problems.length === 0) {
    const r = quote(revision)
    problem("", "missing", {
      en: `The folder has no policy files at ${r.en}`,
      nb: `Mappen har ingen regelfiler i ${r.nb}`,
    })
  }
  const files: Array<TextFile> = []
  if (wanted.length > 0) {
    // One process for every file: "<object> blob <size>\n<bytes>\n" each.
    const out = git(top, ["cat-file", "--batch"], Buffer.from(`${wanted.map((w) => w.object).join("\n")}\n`))
    const decoder = new TextDecoder("utf-8", { fatal: true })
    const lenient = new TextDecoder("utf-8", { ignoreBOM: true })
    let at = 0
    for (const w of wanted) {
      const eol = out.indexOf(0x0a, at)
      const header = out.subarray(at, eol).toString("utf8").split(" ")
      const size = Number(header[2])
      if (header[1] !== "blob" || !Number.isInteger(size))
        throw new GitError({ nb: "git cat-file ga et uventet svar", en: "git cat-file gave an unexpected answer" })
      const body = out.subarray(eol + 1, eol + 1 + size)
      at = eol + 1 + size + 1
      try {
        files.push({ path: w.path, text: decoder.decode(body) })
      } catch {
        // A UTF-16 file is named as such, as when the tree is read from a folder.
        if (savedAsUtf16(lenient.decode(body))) problem(w.path, "syntax", utf16Message)
        else problem(w.path, "unreadable", { en: "The file is not UTF-8 text", nb: "Filen er ikke UTF-8-tekst" })
      }
    }
  }
  return { files, problems, commit }
}
