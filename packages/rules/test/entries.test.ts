// The main entry must run in a browser: bundle it for the browser and fail
// if a Node built-in is pulled in. Reading folders lives in ./node.

import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { describe, expect, it } from "vitest"

const src = (p: string) => fileURLToPath(new URL(`../src/${p}`, import.meta.url))
const conditions = ["@aktivitetsmodell/source"]

describe("package entries", () => {
  it("index.ts bundles for the browser without Node built-ins", async () => {
    const result = await build({
      entryPoints: [src("index.ts")],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      metafile: true,
      logLevel: "silent",
      conditions,
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((i) => i.startsWith("node:") || /(^|\/)node_modules\/(fs|path|crypto)\//u.test(i))).toEqual([])
    expect(inputs.some((i) => i.includes("/src/node/") || i.includes("/src/cli"))).toBe(false)
  })

  it("the node entry is where file loading lives", async () => {
    await expect(
      build({
        entryPoints: [src("node/index.ts")],
        bundle: true,
        write: false,
        platform: "browser",
        logLevel: "silent",
        conditions,
      }),
    ).rejects.toThrow(/node:fs/u)
  })
})
