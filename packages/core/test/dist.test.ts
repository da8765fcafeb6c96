// The published package as an app consumes it: ESM, CJS and type
// declarations for every entry. `npm test` builds first.
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const dist = (p: string) => fileURLToPath(new URL(`../dist/${p}`, import.meta.url))
const require = createRequire(import.meta.url)

describe("built package (run `npm run build` first)", () => {
  for (const entry of ["index", "synthetic/index", "node/index"]) {
    it(`${entry} has .js, .cjs and .d.ts`, () => {
      for (const ext of [".js", ".cjs", ".d.ts"]) expect(existsSync(dist(entry + ext)), entry + ext).toBe(true)
    })
  }

  it("the ESM and CJS builds expose the same API and decode the catalogue", async () => {
    const esm = await import(dist("index.js"))
    const cjs = require(dist("index.cjs"))
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort())
    expect(esm.Catalogue.sandnes().offerings).toHaveLength(31)
    expect(cjs.Catalogue.sandnes().offerings).toHaveLength(31)
  })
})
