import { defineConfig, type Options } from "tsup"

const shared = {
  format: ["esm", "cjs"],
  target: "es2022",
  platform: "neutral",
  external: ["@aktivitetsmodell/core", "arquero", "effect"]
} satisfies Options

// The entries a consumer imports; their declarations are built one at a time (below).
const entries = { index: "src/index.ts", "node/index": "src/node/index.ts" }

export default defineConfig([
  // The browser-safe main entry, the Node-only `./node` (files) and the
  // `aktivitet-report` CLI. The CLI's `#!/usr/bin/env node` line sits at the top
  // of src/cli.ts, and esbuild keeps an entry's hashbang in the output.
  { ...shared, entry: { ...entries, cli: "src/cli.ts" }, dts: false, sourcemap: true, clean: true },
  // Declarations are bundled one entry at a time. With several entries in one
  // build, the bundler moves shared declarations into chunks, and a namespace
  // (`export * as Labels`) whose type members sit in another chunk is emitted
  // as `declare const Lang: typeof Lang`: consumers then get TS2749 for
  // `Labels.Lang` and TS2693 inside our own .d.ts. scripts/types-test.mjs
  // checks every exported type from a consumer. `clean: false`: the build
  // above empties dist/ when it starts, long before these write their files.
  ...Object.entries(entries).map(([name, file]) => ({
    ...shared,
    entry: { [name]: file },
    // TypeScript 6 flags baseUrl-era options as deprecated; tsup's dts step needs this to pass.
    dts: { only: true, compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: false
  }))
])
