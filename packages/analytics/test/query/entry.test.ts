// The query descriptions and their compilers must stay browser-safe (so the
// main entry can carry them); DuckDB lives only behind ./duckdb.

import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { describe, expect, it } from "vitest"

const src = (p: string) => fileURLToPath(new URL(`../../src/${p}`, import.meta.url))
const bundle = (entry: string) =>
  build({
    entryPoints: [src(entry)],
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    metafile: true,
    logLevel: "silent",
    conditions: ["@aktivitetsmodell/source"],
    external: ["@duckdb/node-api"],
  })

describe("the query and duckdb entries", () => {
  it("query/index.ts bundles for the browser without Node built-ins or DuckDB", async () => {
    const inputs = Object.keys((await bundle("query/index.ts")).metafile.inputs)
    expect(inputs.filter((i) => i.startsWith("node:") || i.includes("@duckdb") || i.includes("/src/duckdb/"))).toEqual(
      [],
    )
  })

  it("duckdb/index.ts needs Node", async () => {
    await expect(bundle("duckdb/index.ts")).rejects.toThrow(/node:fs|node:path/u)
  })

  it("package.json exports ./duckdb like ./node, with DuckDB as an optional peer", () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8"))
    expect(pkg.exports["./duckdb"]).toEqual({
      "@aktivitetsmodell/source": "./src/duckdb/index.ts",
      import: "./dist/duckdb/index.js",
      require: "./dist/duckdb/index.cjs",
    })
    expect(pkg.peerDependenciesMeta["@duckdb/node-api"]).toEqual({ optional: true })
    expect(pkg.dependencies["@duckdb/node-api"]).toBeUndefined()
  })
})
