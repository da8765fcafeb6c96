// The `aktivitet-report` command is bundled with its dependencies, and the
// report is a chunk loaded after the arguments are read (tsup.config.ts, with
// the options in scripts/cli-bundle.mjs). What `--help` loads is the entry and
// the chunks it imports statically: that must not include arquero, effect,
// yaml or the policy tree, which cost hundreds of milliseconds at start.

import { isBuiltin } from "node:module"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { describe, expect, it } from "vitest"
import { cliEsbuildOptions, staticInputs } from "../../../../scripts/cli-bundle.mjs"

const src = (p: string) => fileURLToPath(new URL(`../../src/${p}`, import.meta.url))

describe("the bundled aktivitet-report", () => {
  it("loads neither arquero, effect, yaml nor the policy tree before it runs a report", {
    timeout: 60_000,
  }, async () => {
    const result = await build({
      ...cliEsbuildOptions,
      // Input paths are relative to this folder, the repository's root, wherever the test runs from.
      absWorkingDir: fileURLToPath(new URL("../../../../", import.meta.url)),
      entryPoints: { cli: src("cli.ts") },
      outdir: "/virtual-out",
      write: false,
      metafile: true,
      logLevel: "silent",
      external: ["@duckdb/*"],
    })
    const { metafile } = result
    const entry = Object.keys(metafile.outputs).find((o) => o.endsWith("/cli.js"))!
    const eager = staticInputs(metafile, entry)
    expect(eager.some((i) => i.endsWith("analytics/src/node/cliArgs.ts"))).toBe(true)
    const heavy = eager.filter((i) =>
      /node_modules\/(?:arquero|@uwdata|effect|yaml|json-rules-engine)\/|src\/(?:index|Report|PolicyTree|Catalogue|node\/commands)\.ts$/u.test(
        i,
      ),
    )
    expect(heavy).toEqual([])
    // They are in the bundle all the same: nothing but Node's built-ins (and DuckDB's native module) is left to node_modules.
    const all = Object.keys(metafile.inputs)
    for (const dependency of ["arquero", "effect"])
      expect(
        all.some((i) => i.includes(`node_modules/${dependency}/`)),
        dependency,
      ).toBe(true)
    const external = Object.values(metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    )
    expect(external.filter((p) => !isBuiltin(p) && !p.startsWith("@duckdb/"))).toEqual([])
  })
})
