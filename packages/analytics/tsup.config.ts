import { defineConfig, type Options } from "tsup"
import { cliTsupEntry } from "../../scripts/cli-bundle.mjs"

const shared = {
  format: ["esm", "cjs"],
  target: "es2022",
  platform: "neutral",
  external: ["@aktivitetsmodell/core", "arquero", "effect", "@duckdb/node-api"],
} satisfies Options

// The entries a consumer imports; their declarations are built one at a time (below).
const entries = { index: "src/index.ts", "node/index": "src/node/index.ts", "duckdb/index": "src/duckdb/index.ts" }

export default defineConfig([
  // The browser-safe main entry, the Node-only `./node` (files) and `./duckdb`
  // (the optional DuckDB engine, its peer dependency left external).
  { ...shared, entry: entries, dts: false, sourcemap: true, clean: true },
  // The `aktivitet-report` command, bundled with everything it uses (core and
  // rules from their sources, arquero, effect…); the report itself is a chunk
  // under dist/cli/, loaded after the arguments are read, so `--help` loads
  // little (see scripts/cli-bundle.mjs). DuckDB's native module stays outside.
  cliTsupEntry([/^(?!@duckdb\/)/u]),
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
    clean: false,
  })),
])
