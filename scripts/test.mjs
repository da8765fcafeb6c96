// The README's test command. Runs every vitest suite and ends with the plain
// line CI reads: "N passed, N failed".
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, existsSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const env = { ...process.env, TZ: "Europe/Oslo" }

// Consumers get the built packages, so the build is part of the test: the
// dist tests import the ESM and CJS outputs as an app would.
const build = spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit", env })
if (build.status !== 0) {
  console.log("0 passed, 1 failed")
  process.exit(1)
}
const report = join(mkdtempSync(join(tmpdir(), "aktivitetsmodell-test-")), "vitest.json")
const run = spawnSync(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit", env }
)

let passed = 0
let failed = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"))
  passed = json.numPassedTests
  failed = json.numFailedTests + (json.numFailedTestSuites ?? 0)
} else {
  failed = 1
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1)
