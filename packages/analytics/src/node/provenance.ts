// What the command line states of a report's provenance beyond its period:
// the data source, whether the year is generated, the versions of the
// packages installed, and the fingerprint of the policy tree it reads.
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { basename } from "node:path"
import { pathToFileURL } from "node:url"
import { InForce, PolicyTree } from "@aktivitetsmodell/rules"
import { loadTreeOrThrow, shippedPolicyDir } from "@aktivitetsmodell/rules/node"
import { guard } from "../internal/boundary.js"
import { formatNumber } from "../internal/format.js"
import type { Lang } from "../internal/text.js"
import type { Input } from "../Provenance.js"
import type { CliOptions } from "./cliArgs.js"

/**
 * The policy of the tree in `dir` (the shipped one unless given), as
 * `shippedPolicy` gives it, with the tree's hash (`PolicyTree.hash`) for a
 * report's provenance.
 * @example
 * const { policy, policyHash } = policyWithHash()
 * buildReport(year, { policy, policyHash })
 * @category constructors
 */
export const policyWithHash = guard(
  "policyWithHash",
  { nb: "(dir?: string)", en: "(dir?: string)" },
  (dir?: string): { readonly policy: InForce.TreePolicy; readonly policyHash: string } => {
    const tree = loadTreeOrThrow(dir ?? shippedPolicyDir(), { cases: false })
    return { policy: InForce.policy(tree), policyHash: PolicyTree.hash(tree) }
  },
)

/**
 * The versions of core and rules as installed beside this package (the
 * analytics version the report adds itself); a package that cannot be found
 * is left out rather than guessed.
 * @example
 * buildReport(year, { policy, versions: packageVersions() })
 * @category constructors
 */
export const packageVersions = guard(
  "packageVersions",
  { nb: "ingen argumenter", en: "no arguments" },
  (): Record<string, string> => {
    // The CommonJS build has no import.meta; there this file is __filename.
    const here = import.meta.url === undefined ? pathToFileURL(__filename).href : import.meta.url
    const require = createRequire(here)
    const found: Record<string, string> = {}
    for (const name of ["@aktivitetsmodell/core", "@aktivitetsmodell/rules"]) {
      try {
        const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as {
          version?: unknown
        }
        if (typeof manifest.version === "string") found[name] = manifest.version
      } catch {
        // Not installed where Node looks from here: the report says less, not something wrong.
      }
    }
    return found
  },
)

/**
 * The data source a report names: `--source` when given, else the one the
 * input names itself (a dataset file's "source"), else the input file's or
 * folder's own name (not its path, which may name a person's home folder),
 * or the generator's settings for a synthetic year.
 */
export const sourceOf = (
  args: Pick<CliOptions, "source" | "dataSource">,
  lang: Lang,
  named?: string,
): Pick<Input, "source" | "synthetic"> => {
  const s = args.source as {
    readonly kind: string
    readonly file?: string
    readonly dir?: string
    readonly seed?: number
    readonly citizens?: number
  }
  const synthetic = s.kind === "synthetic"
  if (args.dataSource !== undefined) return { source: args.dataSource, synthetic }
  if (named !== undefined) return { source: named, synthetic }
  if (synthetic) {
    const n = (v: number | undefined) => formatNumber(v ?? 0, lang)
    return {
      source:
        lang === "nb"
          ? `generert med frø ${n(s.seed)}, ${n(s.citizens)} innbyggere`
          : `generated with seed ${n(s.seed)}, ${n(s.citizens)} citizens`,
      synthetic,
    }
  }
  const path = s.file ?? s.dir
  return { ...(path === undefined ? {} : { source: basename(path) }), synthetic }
}
