// The `aktivitet-rules` command is bundled with its dependencies, and each
// command is a chunk loaded when it runs (tsup.config.ts, with the options in
// scripts/cli-bundle.mjs). What `--help` loads is the entry and the chunks it
// imports statically: that must not include effect, yaml or the tree reader,
// which cost hundreds of milliseconds at start.

import { isBuiltin } from "node:module"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { describe, expect, it } from "vitest"
import { cliEsbuildOptions, staticInputs } from "../../../../scripts/cli-bundle.mjs"

const src = (p: string) => fileURLToPath(new URL(`../../src/${p}`, import.meta.url))

const bundle = async () => {
  const result = await build({
    ...cliEsbuildOptions,
    entryPoints: { cli: src("cli.ts") },
    outdir: "/virtual-out",
    write: false,
    metafile: true,
    logLevel: "silent",
  })
  const entry = Object.keys(result.metafile.outputs).find((o) => o.endsWith("/cli.js"))!
  return { metafile: result.metafile, entry }
}

describe("the bundled command line", () => {
  it("loads neither effect, yaml nor the tree reader before a command runs", { timeout: 60_000 }, async () => {
    const { metafile, entry } = await bundle()
    const eager = staticInputs(metafile, entry)
    expect(eager.some((i) => i.endsWith("src/cli/main.ts"))).toBe(true)
    // Redaction runs on every line written, so core's Redact is there from the start.
    expect(eager.some((i) => i.endsWith("core/src/Redact.ts"))).toBe(true)
    const heavy = eager.filter((i) =>
      /node_modules\/(?:effect|yaml|json-rules-engine)\/|src\/(?:index|PolicyTree|Cases|Catalogue|node\/loadTree)\.ts$/u.test(
        i,
      ),
    )
    expect(heavy).toEqual([])
    // They are in the bundle all the same, for the commands that need them: nothing is left to node_modules.
    const all = Object.keys(metafile.inputs)
    for (const dependency of ["effect", "yaml"])
      expect(
        all.some((i) => i.includes(`node_modules/${dependency}/`)),
        dependency,
      ).toBe(true)
    const external = Object.values(metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    )
    expect(external.filter((p) => !isBuiltin(p))).toEqual([])
  })
})
