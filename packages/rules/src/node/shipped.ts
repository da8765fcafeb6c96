// Where the policy this package ships lies on disk. Kept apart from
// loadTree.ts so that a command can know the folder without loading the
// tree reader (the command line loads it only for a command that reads a
// tree), and without internal/boundary.js, whose date check loads effect:
// the function takes no arguments and throws nothing but its RulesError, so
// it needs no guard.
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { RulesError } from "../RulesError.js"

const isPolicy = (dir: string): boolean => existsSync(join(dir, "eligibility"))

/**
 * The folder of the policy this package ships (Sandnes, decided 2023-03-09).
 * @example
 * loadTreeOrThrow(shippedPolicyDir())
 * @category constructors
 */
export const shippedPolicyDir = (): string => {
  // From src/node/ (sources) the folder is two levels up; from dist/ (where
  // the build bundles this file into a chunk in dist/, dist/node/ or
  // dist/cli/) one or two.
  // The CommonJS build (dist/node/index.cjs) has no `import.meta`: esbuild
  // leaves it empty, so there this file's own location is `__filename`.
  const here = import.meta.url === undefined ? pathToFileURL(__filename) : import.meta.url
  for (const up of ["../policy", "../../policy"]) {
    const dir = fileURLToPath(new URL(up, here))
    if (isPolicy(dir)) return dir
  }
  // Bundled into another package's command (aktivitet-report bundles this
  // file into @aktivitetsmodell/analytics/dist/), the folder is found where
  // Node finds this package from there.
  try {
    const dir = join(dirname(createRequire(here).resolve("@aktivitetsmodell/rules/package.json")), "policy")
    if (isPolicy(dir)) return dir
  } catch {
    // Not installed beside the bundle: the folder is missing.
  }
  throw new RulesError({ en: "The shipped policy folder is missing", nb: "Regelmappen som følger med pakken, mangler" })
}
