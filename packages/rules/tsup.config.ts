import { defineConfig, type Options } from "tsup"
import { cliTsupEntry } from "../../scripts/cli-bundle.mjs"

const shared = {
  format: ["esm", "cjs"],
  target: "es2022",
  external: ["@aktivitetsmodell/core", "effect", "json-rules-engine", "yaml"],
} satisfies Options

// The entries a consumer imports; their declarations are built one at a time (below).
const entries = { index: "src/index.ts", "node/index": "src/node/index.ts" }
// The browser's decide entry is built on its own (below), so its declarations are listed apart.
const decide = { "decide/index": "src/decide/index.ts" }

export default defineConfig([
  {
    ...shared,
    entry: entries,
    dts: false,
    sourcemap: true,
    platform: "neutral",
    clean: true,
    // shippedPolicyDir reads `import.meta.url` only where it exists and falls
    // back to `__filename` in CommonJS, so the empty `import.meta` there is expected.
    esbuildOptions(options, { format }) {
      if (format === "cjs") options.logOverride = { ...options.logOverride, "empty-import-meta": "silent" }
    },
  },
  // The `aktivitet-rules` command, bundled with everything it uses; each
  // command is a chunk of its own under dist/cli/, loaded when it runs
  // (see scripts/cli-bundle.mjs).
  cliTsupEntry([/./u]),
  // The decide entry must load no schema. Core's built entry keeps every
  // module in chunks that build Effect schemas when loaded, so no bundler
  // can leave them out; this entry therefore carries the few schema-free
  // modules of core it uses (Calendar, Policy, Redact) inside it, taken from
  // core's sources. test/decide/size.test.ts holds it under 40 KiB.
  {
    format: ["esm", "cjs"],
    target: "es2022",
    platform: "neutral",
    entry: decide,
    external: ["effect", "json-rules-engine", "yaml"],
    noExternal: ["@aktivitetsmodell/core"],
    esbuildOptions(options) {
      options.conditions = ["@aktivitetsmodell/source"]
    },
    dts: false,
    sourcemap: true,
    clean: false,
  },
  // Declarations are bundled one entry at a time. With several entries in one
  // build, the bundler moves shared declarations into chunks, and a namespace
  // (`export * as Problem`) whose type members sit in another chunk is emitted
  // as `declare const X: typeof X`, which consumers cannot use as a type
  // (TS2749). scripts/types-test.mjs checks every exported type from a
  // consumer. `clean: false`: the first build empties dist/ when it starts,
  // long before these write their files.
  ...Object.entries({ ...entries, ...decide }).map(([name, file]) => ({
    ...shared,
    entry: { [name]: file },
    platform: "neutral" as const,
    // TypeScript 6 flags baseUrl-era options as deprecated; tsup's dts step needs this to pass.
    dts: { only: true, compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: false,
  })),
])
