// The fhir entry runs in a browser like the main entries: bundle it for the
// browser and fail if a Node built-in is pulled in.

import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { describe, expect, it } from "vitest"

describe("the fhir entry", () => {
  it("bundles for the browser without Node built-ins", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../../src/fhir/index.ts", import.meta.url))],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      metafile: true,
      logLevel: "silent",
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((i) => i.startsWith("node:") || /(^|\/)node_modules\/(fs|path|crypto)\//u.test(i))).toEqual([])
    expect(inputs.some((i) => i.includes("/src/node/"))).toBe(false)
    expect(inputs.some((i) => i.endsWith("catalogue/crosswalk.json"))).toBe(true)
  })
})
