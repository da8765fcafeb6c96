// Shared test fixtures: the shipped tree, and the same tree with some files
// replaced, added or removed, so a test can break one thing at a time.
import { PolicyTree } from "../src/index.js"
import { readTreeFiles, shippedPolicyDir } from "../src/node/index.js"
import type { TextFile, Tree } from "../src/PolicyTree.js"

export const shippedFiles: ReadonlyArray<TextFile> = readTreeFiles(shippedPolicyDir())

let cached: Tree | undefined
export const shipped = (): Tree => (cached ??= PolicyTree.loadOrThrow(shippedFiles))

/** The shipped files with `changes` applied: a text replaces or adds a file, undefined removes it. */
export const filesWith = (changes: Readonly<Record<string, string | undefined>>): Array<TextFile> => {
  const out = shippedFiles.filter((f) => !Object.hasOwn(changes, f.path)).map((f) => ({ ...f }))
  for (const [path, text] of Object.entries(changes)) if (text !== undefined) out.push({ path, text })
  return out
}

export const fileText = (path: string): string => {
  const f = shippedFiles.find((x) => x.path === path)
  if (f === undefined) throw new Error(`no shipped file ${path}`)
  return f.text
}

/** Edits a shipped JSON file as a value and returns its new text, pretty-printed like the originals. */
export const editJson = (path: string, edit: (value: any) => void): string => {
  const value = JSON.parse(fileText(path))
  edit(value)
  return `${JSON.stringify(value, null, 2)}\n`
}

export const adult = { birthYear: 1988, departments: ["psykisk-helse"] }
