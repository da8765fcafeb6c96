// Shared test fixtures. Tests of the engine use a policy tree of their own,
// test/fixtures/trees/sandnes (a frozen copy of the policy as it stood when
// these tests were written), so a policy officer's edit to packages/rules/policy
// never breaks them. The shipped policy is tested only through its own case
// files and `check` (test/policy/), which honour AKTIVITET_POLICY_DIR.
import { fileURLToPath } from "node:url"
import { InForce, PolicyTree } from "../src/index.js"
import { readTreeFiles, shippedPolicyDir } from "../src/node/index.js"
import type { TextFile, Tree } from "../src/PolicyTree.js"

/** The fixture tree's folder. */
export const fixtureDir = fileURLToPath(new URL("./fixtures/trees/sandnes", import.meta.url))

/** A fixture tree's folder by name, under test/fixtures/trees. */
export const fixtureTreeDir = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/trees/${name}`, import.meta.url))

export const fixtureFiles: ReadonlyArray<TextFile> = readTreeFiles(fixtureDir)

let cached: Tree | undefined
export const fixture = (): Tree => (cached ??= PolicyTree.loadOrThrow(fixtureFiles))

/** The fixture tree's policy, for the synthetic generator and core's invariants. */
export const fixturePolicy = (): InForce.TreePolicy => InForce.policy(fixture())

/** The policy folder the shipped-policy tests check: AKTIVITET_POLICY_DIR, or the one this package ships. */
export const policyDirUnderTest = (): string => process.env.AKTIVITET_POLICY_DIR ?? shippedPolicyDir()

/** The fixture files with `changes` applied: a text replaces or adds a file, undefined removes it. */
export const filesWith = (changes: Readonly<Record<string, string | undefined>>): Array<TextFile> => {
  const out = fixtureFiles.filter((f) => !Object.hasOwn(changes, f.path)).map((f) => ({ ...f }))
  for (const [path, text] of Object.entries(changes)) if (text !== undefined) out.push({ path, text })
  return out
}

export const fileText = (path: string): string => {
  const f = fixtureFiles.find((x) => x.path === path)
  if (f === undefined) throw new Error(`no fixture file ${path}`)
  return f.text
}

/** Edits a fixture JSON file as a value and returns its new text, pretty-printed like the originals. */
/**
 * A parsed file a test edits by hand, at any depth and into any shape —
 * including shapes the types forbid, which is what the tests try.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests edit parsed files into shapes the schemas reject, which no type describes.
export type Loose = any

export const editJson = (path: string, edit: (value: Loose) => void): string => {
  const value = JSON.parse(fileText(path))
  edit(value)
  return `${JSON.stringify(value, null, 2)}\n`
}

export const adult = { birthYear: 1988, departments: ["psykisk-helse"] }
