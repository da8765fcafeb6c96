// Whether the packages' dist/ is missing or older than what it is built
// from, and building them when it is. The demo and the start-up benchmarks
// run the built packages, as an app or a user does; in a fresh clone
// (`npm ci && npm run demo`) nothing is built yet, and after an edit to a
// source the build would be stale.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const packages = ["core", "rules", "analytics"]

// What a package's build reads, besides its own src/: its build settings, the
// data it bundles, and the settings shared by the bundled command lines.
const inputsOf = (dir) => [
  join(dir, "src"),
  join(dir, "package.json"),
  join(dir, "tsup.config.ts"),
  join(dir, "catalogue"),
  join(dir, "data"),
  join(root, "scripts/cli-bundle.mjs"),
]

const newest = (path) => {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let t = 0
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)))
  return t
}

// Every file of dist/ the package.json points at: its exports, main, module, types and the built command.
const outputsOf = (dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
  const paths = new Set()
  const visit = (v) => {
    if (typeof v === "string") {
      if (v.startsWith("./dist/")) paths.add(v)
    } else if (v !== null && typeof v === "object") for (const x of Object.values(v)) visit(x)
  }
  visit([manifest.exports, manifest.main, manifest.module, manifest.types])
  if (manifest.bin !== undefined) paths.add("./dist/cli.js")
  return [...paths].map((p) => join(dir, p))
}

/** Why the packages need a build (a sentence), or undefined when dist/ is up to date. */
export const staleReason = () => {
  for (const name of packages) {
    const dir = join(root, "packages", name)
    const outputs = outputsOf(dir)
    const missing = outputs.find((p) => !existsSync(p))
    if (missing !== undefined) return `${missing.slice(root.length)} is missing`
    const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
    if (inputsOf(dir).some((p) => newest(p) > built)) return `packages/${name} has changed since its last build`
  }
  return undefined
}

/**
 * Runs `npm run build` when dist/ is missing or stale, saying why first;
 * returns the milliseconds it took (0 when nothing was built). Exits the
 * process with the build's status when the build fails.
 */
export const buildIfStale = (say = (line) => console.error(line)) => {
  const reason = staleReason()
  if (reason === undefined) return 0
  say(`Building the packages first (${reason}) / Bygger pakkene først`)
  const t0 = performance.now()
  // The build's own lines go to stderr: stdout is the caller's.
  const r = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", 2, 2] })
  if (r.status !== 0) process.exit(r.status ?? 1)
  const ms = performance.now() - t0
  say(`Built in ${(ms / 1000).toFixed(1)} s / Bygd på ${(ms / 1000).toFixed(1)} s`)
  return ms
}
