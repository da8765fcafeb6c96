// The README's test command. Builds the packages (consumers get the built
// output, and the notebooks and the web page load it), runs every vitest
// suite, then the examples (notebooks in Jupyter with the Deno kernel, the web
// page in headless Chromium), then the app developer's tests in
// test-consumer/ (the built packages from require and import, their types on
// TypeScript 5.9, 6.0 and 7.0, a publish to and install from a local
// registry), and Biome over the code (format and lint, warnings included).
// Ends with the plain line CI reads: "N passed, N failed".
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const env = { ...process.env, TZ: "Europe/Oslo" }
const vitestArgs = process.argv.slice(2)

const build = spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit", env })
if (build.status !== 0) {
  console.log("0 passed, 1 failed")
  process.exit(1)
}

const dir = mkdtempSync(join(tmpdir(), "aktivitetsmodell-test-"))
const report = join(dir, "vitest.json")
const run = spawnSync(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...vitestArgs],
  { stdio: "inherit", env },
)

let passed = 0
let failed = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"))
  passed = json.numPassedTests
  // A file that fails outside its tests (an import error, the prototype check
  // after the file) counts once; a file whose tests failed is counted by them.
  const fileFailures = (json.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length
  failed = json.numFailedTests + fileFailures
} else {
  failed = 1
}

// The examples run only for the whole suite, not when vitest got a filter.
let examplesOk = true
if (vitestArgs.length === 0) {
  const summary = join(dir, "examples.json")
  const examples = spawnSync("node", ["scripts/examples-test.mjs", `--summary=${summary}`], { stdio: "inherit", env })
  if (existsSync(summary)) {
    const counts = JSON.parse(readFileSync(summary, "utf8"))
    passed += counts.passed
    failed += counts.failed
  } else {
    failed += 1
  }
  examplesOk = examples.status === 0
}

// The consumer tests use dist/ and packed tarballs, not the sources, so they
// have their own vitest config; like the examples, only for the whole suite.
let consumerOk = true
if (vitestArgs.length === 0) {
  const consumerReport = join(dir, "consumer.json")
  const consumer = spawnSync(
    "npx",
    [
      "vitest",
      "run",
      "--config",
      "test-consumer/vitest.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${consumerReport}`,
    ],
    { stdio: "inherit", env },
  )
  if (existsSync(consumerReport)) {
    const json = JSON.parse(readFileSync(consumerReport, "utf8"))
    passed += json.numPassedTests
    // As above: a file that fails outside its tests (its setup) counts once.
    failed +=
      json.numFailedTests +
      (json.testResults ?? []).filter(
        (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
      ).length
  } else {
    failed += 1
  }
  consumerOk = consumer.status === 0
}

// Formatting and lint: one check that passes or fails, for the whole suite only.
let lintOk = true
if (vitestArgs.length === 0) {
  const lint = spawnSync("npx", ["biome", "ci", "--error-on-warnings", "."], { stdio: "inherit", env })
  lintOk = lint.status === 0
  if (lintOk) passed += 1
  else failed += 1
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(run.status === 0 && examplesOk && consumerOk && lintOk && failed === 0 && passed > 0 ? 0 : 1)
