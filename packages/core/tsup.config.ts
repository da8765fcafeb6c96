import { defineConfig } from "tsup"

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "synthetic/index": "src/synthetic/index.ts",
    "node/index": "src/node/index.ts"
  },
  format: ["esm", "cjs"],
  // TypeScript 6 flags baseUrl-era options as deprecated; tsup's dts step needs this to pass.
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  external: ["effect", "csv-parse"]
})
