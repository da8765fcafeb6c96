import { defineConfig } from "tsup"

// The browser-safe main entry, the Node-only `./node` (files) and the
// `aktivitet-report` CLI. The CLI's `#!/usr/bin/env node` line sits at the top
// of src/cli.ts, and esbuild keeps an entry's hashbang in the output.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    "node/index": "src/node/index.ts",
    cli: "src/cli.ts"
  },
  format: ["esm", "cjs"],
  // TypeScript 6 flags baseUrl-era options as deprecated; tsup's dts step needs this to pass.
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  external: ["@aktivitetsmodell/core", "arquero", "effect"]
})
