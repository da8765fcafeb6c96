// A policy for core's tests, read from the rules package's fixture tree: a
// copy of the shipped parameters that policy edits do not touch, so these
// tests stay green when a policy officer changes the shipped tree.
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import YAML from "yaml"
import * as Policy from "../src/Policy.js"

const root = fileURLToPath(new URL("../../rules/test/fixtures/trees/sandnes/parameters", import.meta.url))

const files = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(?:json|ya?ml)$/u.test(e.name) ? [join(dir, e.name)] : [],
  )

/** The fixture tree's parameters as a core `Policy`. */
export const policy: Policy.Policy = Policy.make(
  files(root).map((f) => {
    // Parameter files are JSON or YAML; YAML reads both.
    const json = YAML.parse(readFileSync(f, "utf8")) as {
      datedBy: Policy.DatedBy
      values: ReadonlyArray<Policy.DatedValue>
    }
    const name = relative(root, f)
      .replace(/\.(?:json|ya?ml)$/u, "")
      .split(/[\\/]/u)
      .join(".")
    return [
      name,
      { datedBy: json.datedBy, values: json.values.map((v) => ({ from: v.from, value: v.value })) },
    ] as const
  }),
)

/** `policy` with one parameter's values replaced: for tests of a policy change. */
export const withValues = (
  name: string,
  values: ReadonlyArray<Policy.DatedValue>,
  base: Policy.Policy = policy,
): Policy.Policy => {
  const p = base.parameters.get(name)
  if (p === undefined) throw new Error(`no parameter ${name}`)
  return Policy.make([...base.parameters].map(([n, q]) => [n, n === name ? { ...q, values } : q] as const))
}
