import { createRequire } from "node:module"
import { Snapshot } from "@aktivitetsmodell/rules"
import { loadTreeOrThrow, shippedPolicyDir } from "@aktivitetsmodell/rules/node"
import { defineConfig, type Plugin } from "vite"

// The rules package ships its policy as a folder of small JSON and YAML files. The
// browser has no file system, and a page that only decides needs no parser: this
// plugin reads the folder at build time (with the package's own Node helpers) and
// hands the page a snapshot of it, plain JSON that `@aktivitetsmodell/rules/decide`
// decides from. The page asks only about eligibility, so only those rules go in;
// every parameter does, as the offering card and the synthetic year read them.
function policySnapshot(): Plugin {
  const id = "virtual:aktivitetsmodell-snapshot"
  return {
    name: "aktivitetsmodell-snapshot",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined
      const snapshot = Snapshot.of(loadTreeOrThrow(shippedPolicyDir(), { cases: false }), { kinds: ["eligibility"] })
      return `export default ${JSON.stringify(snapshot)}`
    },
  }
}

// The versions the page is built with, for the provenance it shows.
const require = createRequire(import.meta.url)
const versions = Object.fromEntries(
  ["core", "rules", "analytics"].map((name) => [
    `@aktivitetsmodell/${name}`,
    (require(`@aktivitetsmodell/${name}/package.json`) as { version: string }).version,
  ]),
)

// The packages resolve to their built `dist` (the "import" condition), as
// they would for an app that installed them from npm: run `npm run build` at
// the repository root first.
export default defineConfig({
  base: "./",
  plugins: [policySnapshot()],
  define: { __PACKAGE_VERSIONS__: JSON.stringify(versions) },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    reportCompressedSize: false,
    // The budget that matters is the gzipped size, checked in test/browser.mjs.
    chunkSizeWarningLimit: 1000,
  },
})
