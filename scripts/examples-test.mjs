// The examples' part of `npm test`: makes sure the system programs are there
// (scripts/ensure-system-deps.mjs: python3-nbclient and chromium from apt on a
// fresh Debian machine), executes every notebook in examples/notebooks with
// the Deno kernel, and builds and drives examples/web in headless Chromium.
// It builds no package: run `npm run build` first (scripts/test.mjs does).
//
//   node scripts/examples-test.mjs                      everything
//   node scripts/examples-test.mjs notebooks            only the notebooks
//   node scripts/examples-test.mjs web                  only the web page
//   node scripts/examples-test.mjs --summary=FILE       also write {"passed","failed"} to FILE
//   node scripts/examples-test.mjs --no-install         never call apt-get
//
// Ends with the line "N passed, N failed" for its own checks.
import { existsSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { ensureSystemDeps } from "./ensure-system-deps.mjs"

const args = process.argv.slice(2)
const chosen = args.filter((a) => a === "notebooks" || a === "web")
const parts = chosen.length > 0 ? chosen : ["notebooks", "web"]
const summaryFile = args.find((a) => a.startsWith("--summary="))?.slice("--summary=".length)
const started = performance.now()
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`

const systemPart = { notebooks: "notebooks", web: "browser" }
const checks = []

// The examples import the packages' built dist, as an app would.
const unbuilt = ["@aktivitetsmodell/core", "@aktivitetsmodell/rules", "@aktivitetsmodell/analytics"].filter((name) => {
  try {
    return !existsSync(fileURLToPath(import.meta.resolve(name)))
  } catch {
    return true
  }
})
if (unbuilt.length > 0) {
  console.error(`Bygg pakkene først / Build the packages first: npm run build (${unbuilt.join(", ")} has no dist)`)
  for (const part of parts)
    checks.push({ name: `${part}: packages built`, ok: false, detail: `missing dist: ${unbuilt.join(", ")}` })
}

let found = {}
try {
  found = ensureSystemDeps({ parts: parts.map((p) => systemPart[p]), install: !args.includes("--no-install") })
} catch {
  // Run whatever part is usable; each missing one counts as one failed check.
  for (const part of parts) {
    try {
      Object.assign(found, ensureSystemDeps({ parts: [systemPart[part]], install: false, quiet: true }))
    } catch (error) {
      checks.push({ name: `${part}: system programs`, ok: false, detail: String(error.message) })
    }
  }
}

// Each part logs into its own buffer so parallel output stays readable.
const runPart = async (part) => {
  const lines = []
  const log = (message) => lines.push(message)
  let result
  try {
    if (part === "notebooks") {
      const { runNotebookTest } = await import("../examples/notebooks/test/run.mjs")
      result = await runNotebookTest({ python: found.python, log })
    } else {
      const { runBrowserTest } = await import("../examples/web/test/browser.mjs")
      result = await runBrowserTest({ chromium: found.chromium, log })
    }
  } catch (error) {
    result = [{ name: `${part}: test ran`, ok: false, detail: String(error?.stack ?? error) }]
  }
  log(`${part} done at ${seconds()}`)
  return { lines, result }
}

const ready =
  unbuilt.length > 0 ? [] : parts.filter((p) => (p === "notebooks" ? found.python : found.chromium) !== undefined)
const outcomes = await Promise.all(ready.map(runPart))
for (const { lines, result } of outcomes) {
  for (const line of lines) console.log(line)
  checks.push(...result)
}

for (const c of checks) {
  if (c.ok) console.log(`✓ ${c.name}${c.detail ? `  (${c.detail.split("\n")[0].slice(0, 160)})` : ""}`)
  else console.log(`✗ ${c.name}\n    ${(c.detail || "").replaceAll("\n", "\n    ")}`)
}
const failed = checks.filter((c) => !c.ok).length
const passed = checks.length - failed
if (summaryFile !== undefined) writeFileSync(summaryFile, JSON.stringify({ passed, failed }))
console.log(`examples: ${seconds()}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
