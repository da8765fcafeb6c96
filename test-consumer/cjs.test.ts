// Every entry of the BUILT packages from CommonJS `require`, as from ESM
// `import`: the same exports, the shipped policy found from the CommonJS
// build (tsup's CJS output has no `import.meta`), and the JSON data files.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("..", import.meta.url))

// A plain `node`, as an app runs: no --conditions, so package "exports" pick "require" or "import".
// What entries.cjs and entries.mjs print.
interface Printed {
  readonly files: Record<string, string>
  readonly exports: Record<string, ReadonlyArray<string>>
  readonly policyDir: string
  readonly rules: number
  readonly catalogueOfferings: number
  readonly coreSchemaId: string
  readonly rulesSchemaTitle: string
  readonly version: string
}

const runNode = (script: string): Printed => {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  })
  if (run.status !== 0) throw new Error(`${script} exited ${run.status}:\n${run.stderr}`)
  return JSON.parse(run.stdout)
}

let cjs: Printed
let esm: Printed
beforeAll(() => {
  cjs = runNode("./entries/entries.cjs")
  esm = runNode("./entries/entries.mjs")
})

describe("CommonJS consumers of the built packages", () => {
  it("require() resolves every entry to a .cjs file in dist/", () => {
    for (const [entry, file] of Object.entries<string>(cjs.files)) {
      expect(file, entry).toMatch(/[/\\]packages[/\\](core|rules|analytics)[/\\]dist[/\\](.+[/\\])?index\.cjs$/u)
    }
    for (const [entry, url] of Object.entries<string>(esm.files))
      expect(url, entry).toMatch(/\/dist\/(.+\/)?index\.js$/u)
  })

  it("require() and import give the same exports for every entry", () => {
    expect(Object.keys(cjs.exports)).toHaveLength(8)
    for (const entry of Object.keys(esm.exports)) {
      expect(esm.exports[entry].length, entry).toBeGreaterThan(0)
      expect(cjs.exports[entry], entry).toEqual(esm.exports[entry])
    }
  })

  it('require("@aktivitetsmodell/rules/node").shippedPolicyDir() finds the policy the package ships', () => {
    expect(cjs.policyDir).toBe(join(root, "packages", "rules", "policy"))
    expect(existsSync(join(cjs.policyDir, "eligibility"))).toBe(true)
    expect(cjs.policyDir).toBe(esm.policyDir)
    expect(cjs.rules).toBeGreaterThan(0)
    expect(cjs.rules).toBe(esm.rules)
  })

  it("the JSON data files load with require() and with import", () => {
    expect(cjs.catalogueOfferings).toBe(31)
    expect(esm.catalogueOfferings).toBe(31)
    expect(cjs.coreSchemaId).toBe("https://aktivitetsmodell.no/schema/Referral.schema.json")
    expect(esm.coreSchemaId).toBe(cjs.coreSchemaId)
    expect(cjs.rulesSchemaTitle).toBe("Rule file (regelfil)")
    expect(cjs.version).toBe(esm.version)
  })
})
