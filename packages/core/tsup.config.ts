import { defineConfig, type Options } from "tsup"

const entries = {
  index: "src/index.ts",
  "synthetic/index": "src/synthetic/index.ts",
  "node/index": "src/node/index.ts",
  "fhir/index": "src/fhir/index.ts",
}

const shared = {
  format: ["esm", "cjs"],
  target: "es2022",
  platform: "neutral",
  external: ["effect"],
} satisfies Options

export default defineConfig([
  { ...shared, entry: entries, dts: false, sourcemap: true, clean: true },
  // Declarations are bundled one entry at a time. With several entries in one
  // build, the bundler moves shared declarations into chunks, and a namespace
  // (`export * as Invariants`) whose type members sit in another chunk is
  // emitted as `declare const Violation: typeof Violation`: consumers then get
  // TS2749 for `Invariants.Violation` and TS2693 inside our own .d.ts. The
  // test in scripts/types-test.mjs checks every exported type from a consumer.
  // `clean: false`: the JavaScript build above empties dist/ when it starts,
  // long before a declaration build writes its files.
  ...Object.entries(entries).map(([name, file]) => ({
    ...shared,
    entry: { [name]: file },
    // TypeScript 6 flags baseUrl-era options as deprecated; tsup's dts step needs this to pass.
    dts: { only: true, compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: false,
  })),
])
