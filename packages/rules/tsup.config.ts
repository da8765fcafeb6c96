import { defineConfig } from "tsup"

const shared = {
  format: ["esm", "cjs"] as const,
  // TypeScript 6 flags baseUrl-era options as deprecated; tsup's dts step needs this to pass.
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  target: "es2022" as const,
  external: ["@aktivitetsmodell/core", "effect", "json-rules-engine", "yaml"]
}

export default defineConfig([
  {
    ...shared,
    entry: { index: "src/index.ts", "node/index": "src/node/index.ts" },
    platform: "neutral",
    clean: true
  },
  {
    ...shared,
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    dts: false,
    platform: "node",
    clean: false,
    banner: { js: "#!/usr/bin/env node" }
  }
])
