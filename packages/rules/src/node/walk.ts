// Walks a policy tree on disk without trusting it: entries are looked at
// with lstat; symbolic links are resolved with realpath and followed only
// while they stay inside the tree, after the real folders, so a link to a
// folder it lies in (a loop) is reported and a second way to a folder already
// read is skipped with a warning; FIFOs, sockets and devices are never
// opened; each file and the tree as a whole have a size cap. Every refusal is
// a problem naming the file; nothing is thrown.
import { lstatSync, readdirSync, realpathSync, type Stats, statSync } from "node:fs"
import { dirname, join, sep } from "node:path"
import type { Bilingual } from "@aktivitetsmodell/core"
import type { TextFile } from "../PolicyTree.js"
import type { Code, Problem } from "../Problem.js"
import { byteCount, expectFolder, inspect, readRegular, refusalOf } from "./paths.js"

/** The largest rule, parameter or case file read, in bytes; larger ones are refused unread. */
export const maxFileBytes = 1_000_000

/** The most folders and files a tree may have; a policy tree has about a hundred. */
export const maxEntries = 10_000

/** The deepest a folder may lie below the tree's root. */
export const maxDepth = 16

const policyFile = /\.(?:json|ya?ml)$/u

interface Walk {
  readonly root: string
  readonly files: Array<TextFile>
  readonly problems: Array<Problem>
  readonly seen: Set<string>
  /** Symbolic links, followed after every real folder so a real path is preferred to an alias. */
  readonly links: Array<{ readonly full: string; readonly rel: string; readonly depth: number }>
  entries: number
  stopped: boolean
}

const problem = (
  w: Walk,
  file: string,
  code: Code,
  message: Bilingual,
  severity: "error" | "warning" = "error",
): void => {
  w.problems.push({ file, pointer: "", line: 1, code, severity, message })
}

/** The result of a look-up on disk, or undefined after recording why it failed. */
const lookUp = <T>(w: Walk, rel: string, look: () => T): T | undefined => {
  try {
    return look()
  } catch (e) {
    const r = refusalOf(e)
    problem(w, rel, r.code, r.message)
    return undefined
  }
}

const inside = (root: string, real: string): boolean =>
  real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)

const readFile = (w: Walk, real: string, rel: string, noFollow: boolean): void => {
  const r = readRegular(real, maxFileBytes, noFollow)
  if (r.ok) w.files.push({ path: rel, text: r.text })
  else if (r.code === "too-large") {
    const has = byteCount(r.size ?? maxFileBytes + 1)
    const most = byteCount(maxFileBytes)
    problem(w, rel, r.code, {
      en: `The file has ${has.en}; a policy file may have at most ${most.en}, so it is not read`,
      nb: `Filen har ${has.nb}; en regelfil kan ha høyst ${most.nb}, så den leses ikke`,
    })
  } else problem(w, rel, r.code, r.message)
}

const walkFolder = (w: Walk, real: string, rel: string, depth: number): void => {
  w.seen.add(real)
  if (depth > maxDepth) {
    problem(w, rel, "too-many-files", {
      en: `Folders nest more than ${maxDepth} levels deep; the rest is not read`,
      nb: `Mappene ligger mer enn ${maxDepth} nivåer dypt; resten leses ikke`,
    })
    return
  }
  const names = lookUp(w, rel, () => readdirSync(real).sort())
  if (names === undefined) return
  for (const name of names) {
    if (w.stopped) return
    if (name.startsWith(".") || name === "node_modules") continue
    if (++w.entries > maxEntries) {
      w.stopped = true
      problem(w, rel, "too-many-files", {
        en: `The tree has more than ${maxEntries} files and folders; the rest is not read`,
        nb: `Treet har mer enn ${maxEntries} filer og mapper; resten leses ikke`,
      })
      return
    }
    entry(w, join(real, name), rel === "" ? name : `${rel}/${name}`, depth)
  }
}

const entry = (w: Walk, full: string, rel: string, depth: number): void => {
  const s = lookUp(w, rel, () => lstatSync(full))
  if (s === undefined) return
  if (s.isSymbolicLink()) w.links.push({ full, rel, depth })
  else if (s.isDirectory()) walkFolder(w, full, rel, depth + 1)
  else fileOrSpecial(w, full, rel, s)
}

// Not a folder: a policy file is read, another file skipped, anything else refused.
const fileOrSpecial = (w: Walk, real: string, rel: string, s: Stats): void => {
  if (!s.isFile()) specialFile(w, rel, s)
  else if (policyFile.test(rel)) readFile(w, real, rel, true)
}

const dangling = {
  en: "A symbolic link to nothing: its target does not exist",
  nb: "En symbolsk lenke til ingenting: målet finnes ikke",
}

const link = (w: Walk, full: string, rel: string, depth: number): void => {
  let real: string
  try {
    real = realpathSync(full)
  } catch (e) {
    const r = refusalOf(e)
    problem(w, rel, r.code, r.code === "missing" ? dangling : r.message)
    return
  }
  if (!inside(w.root, real)) {
    // Reading it would let a link in the tree read any file on the machine.
    problem(w, rel, "outside-tree", {
      en: "A symbolic link that points outside the tree; it is not followed",
      nb: "En symbolsk lenke som peker ut av treet; den følges ikke",
    })
    return
  }
  const s = lookUp(w, rel, () => statSync(real))
  if (s === undefined) return
  if (!s.isDirectory()) fileOrSpecial(w, real, rel, s)
  else if (!w.seen.has(real)) walkFolder(w, real, rel, depth + 1)
  // A link to a folder it lies in would be walked for ever.
  // Entries are always joined to a folder's real path, so dirname is real.
  else if (inside(real, dirname(full)))
    problem(w, rel, "symlink-loop", {
      en: "A symbolic link to a folder it lies in (a loop); it is not followed",
      nb: "En symbolsk lenke til en mappe den selv ligger i (en løkke); den følges ikke",
    })
  else
    problem(
      w,
      rel,
      "duplicate",
      {
        en: "A symbolic link to a folder already read; it is not read twice",
        nb: "En symbolsk lenke til en mappe som alt er lest; den leses ikke to ganger",
      },
      "warning",
    )
}

const specialFile = (w: Walk, rel: string, s: { isFIFO(): boolean; isSocket(): boolean }): void => {
  const what = s.isFIFO()
    ? { en: "A FIFO (named pipe)", nb: "En FIFO (navngitt rør)" }
    : s.isSocket()
      ? { en: "A socket", nb: "En socket" }
      : { en: "A device", nb: "En enhet" }
  problem(w, rel, "special-file", {
    en: `${what.en} has no place in a policy tree; it is not opened`,
    nb: `${what.nb} hører ikke hjemme i et regeltre; den åpnes ikke`,
  })
}

/**
 * The policy files under `dir` and every problem met on the way. A problem
 * with the root itself has the file "" (format shows the folder alone).
 */
export const walkTree = (
  dir: string,
): { readonly files: ReadonlyArray<TextFile>; readonly problems: ReadonlyArray<Problem> } => {
  const files: Array<TextFile> = []
  const problems: Array<Problem> = []
  const found = inspect(dir)
  const refusal = expectFolder(found)
  if (refusal !== undefined || found.kind !== "directory") {
    const r = refusal ?? { code: "not-a-folder" as const, message: { en: "Not a folder", nb: "Ikke en mappe" } }
    problems.push({ file: "", pointer: "", line: 1, code: r.code, severity: "error", message: r.message })
    return { files, problems }
  }
  const w: Walk = { root: found.real, files, problems, seen: new Set(), links: [], entries: 0, stopped: false }
  walkFolder(w, found.real, "", 0)
  for (let next = w.links.shift(); next !== undefined && !w.stopped; next = w.links.shift())
    link(w, next.full, next.rel, next.depth)
  return { files, problems }
}
