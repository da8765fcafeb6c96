// The main entry must run in a browser: bundle it for the browser and fail if
// any Node built-in is pulled in. File writing lives in ./node and the CLI.

import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { describe, expect, it } from "vitest"

const src = (p: string) => fileURLToPath(new URL(`../src/${p}`, import.meta.url))

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
      conditions: ["@aktivitetsmodell/source"],
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((i) => i.startsWith("node:") || /(^|\/)node_modules\/(fs|path|crypto)\//u.test(i))).toEqual([])
    expect(inputs.some((i) => i.includes("/src/node/"))).toBe(false)
  })

  it("the node entry is where file writing lives", async () => {
    await expect(
      build({
        entryPoints: [src("node/index.ts")],
        bundle: true,
        write: false,
        platform: "browser",
        logLevel: "silent",
        conditions: ["@aktivitetsmodell/source"],
      }),
    ).rejects.toThrow(/node:fs/u)
  })
})
