// `npm run demo`: runs scripts/demo.ts on the built packages (dist/), as an
// app would, instead of compiling every source through tsx (about 2 s of CPU
// on each run). The demo's own options (--seed, --year, --citizens, --lang,
// --out) pass through.
//
// Before the demo, and only when needed, each step saying so with its time:
// the packages are built when dist/ is missing or older than their sources
// (`npm run build`, as in a fresh clone after `npm ci`), and scripts/demo.ts
// is bundled with the built packages and their dependencies into one file
// under node_modules/.cache/, which loads in a fraction of the time of
// hundreds of modules (see scripts/cli-bundle.mjs for how imports of effect
// are bundled); the bundle is made again when any file it was made from has
// changed.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { buildIfStale } from "./build-if-stale.mjs"
import { directImports } from "./cli-bundle.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))
const cache = join(root, "node_modules/.cache/aktivitetsmodell")
const bundle = join(cache, "demo.mjs")
const inputsFile = join(cache, "demo.inputs.json")

buildIfStale()

// The files the bundle was made from (esbuild's list), each no newer than the bundle.
const bundleIsCurrent = () => {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false
  const made = statSync(bundle).mtimeMs
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"))
  return inputs.every((file) => existsSync(file) && statSync(file).mtimeMs <= made)
}

if (!bundleIsCurrent()) {
  const t0 = performance.now()
  const { build } = await import("esbuild")
  mkdirSync(cache, { recursive: true })
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["scripts/demo.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: bundle,
    metafile: true,
    logLevel: "warning",
    // Imports of effect's main entry in dist/ become imports of its modules, so only what the demo calls is bundled.
    plugins: [directImports],
    // Bundled CommonJS code gets a `require` for Node's built-ins.
    banner: {
      js: 'import { createRequire as __bundledCreateRequire } from "node:module";\nconst require = __bundledCreateRequire(import.meta.url);',
    },
  })
  const inputs = Object.keys(result.metafile.inputs).map((file) => resolve(root, file))
  writeFileSync(inputsFile, JSON.stringify(inputs))
  const s = ((performance.now() - t0) / 1000).toFixed(1)
  console.error(
    `Bundled the demo with the built packages in ${s} s (again only when they change) / Pakket demoen med de bygde pakkene på ${s} s`,
  )
}

await import(pathToFileURL(bundle).href)
