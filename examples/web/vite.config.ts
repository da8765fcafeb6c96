import { readTreeFiles, shippedPolicyDir } from "@aktivitetsmodell/rules/node"
import { defineConfig, type Plugin } from "vite"

// The rules package ships its policy as a folder of small JSON files. The
// browser has no file system, so this plugin reads the folder at build time
// (with the package's own Node helpers) and hands the page the files as a
// module. Test cases (*.cases.yaml) stay out: the page only decides.
function policyFiles(): Plugin {
  const id = "virtual:aktivitetsmodell-policy"
  return {
    name: "aktivitetsmodell-policy",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined
      const files = readTreeFiles(shippedPolicyDir()).filter((f) => !/\.cases\.ya?ml$/u.test(f.path))
      return `export default ${JSON.stringify(files)}`
    }
  }
}

// The packages resolve to their built `dist` (the "import" condition), as
// they would for an app that installed them from npm: run `npm run build` at
// the repository root first.
export default defineConfig({
  base: "./",
  plugins: [policyFiles()],
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    reportCompressedSize: false,
    // The budget that matters is the gzipped size, checked in test/browser.mjs.
    chunkSizeWarningLimit: 1000
  }
})
