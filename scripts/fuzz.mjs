// `npm run fuzz`: the hostile-input property tests of every package with
// 100,000 runs each (FUZZ_RUNS; `npm test` runs 1,000), then the disclosure
// property tests (random publications audited; random tables suppressed)
// with 20,000 runs each (DISCLOSURE_RUNS), as each draws a whole synthetic
// year, then the engines' differential tests with 200 runs (QUERY_RUNS). Prints vitest's own summary and a closing line "N passed, N failed".
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const dir = mkdtempSync(join(tmpdir(), "aktivitetsmodell-fuzz-"))
const stages = [
  {
    runs: process.env.FUZZ_RUNS ?? "100000",
    paths: ["packages/core/test/hostile", "packages/rules/test/hostile", "packages/analytics/test/hostile"],
  },
  {
    runs: process.env.DISCLOSURE_RUNS ?? "20000",
    paths: [
      "packages/analytics/test/privacy/Publication.property.test.ts",
      "packages/analytics/test/privacy/gauss/property.test.ts",
    ],
  },
  {
    // The engines' differential tests (arquero, DuckDB, Postgres) with the
    // issue's 200 property runs; npm test runs 30.
    runs: process.env.QUERY_RUNS ?? "200",
    variable: "QUERY_RUNS",
    paths: ["packages/analytics/test/query"],
  },
]
let passed = 0
let failed = 0
let ok = true
for (const [k, stage] of stages.entries()) {
  const report = join(dir, `vitest-${k}.json`)
  const started = Date.now()
  const run = spawnSync(
    "npx",
    [
      "vitest",
      "run",
      ...stage.paths,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
      "--testTimeout=7200000",
      ...process.argv.slice(2),
    ],
    { stdio: "inherit", env: { ...process.env, TZ: "Europe/Oslo", [stage.variable ?? "FUZZ_RUNS"]: stage.runs } },
  )
  const json = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : { numPassedTests: 0, numFailedTests: 1 }
  const fileFailures = (json.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length
  console.log(
    `fuzz: ${stage.paths.join(", ")}: ${stage.variable ?? "FUZZ_RUNS"}=${stage.runs}, ${json.numPassedTests} passed, ${json.numFailedTests + fileFailures} failed, ${Math.round((Date.now() - started) / 1000)} s`,
  )
  passed += json.numPassedTests
  failed += json.numFailedTests + fileFailures
  ok &&= run.status === 0
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(ok && failed === 0 ? 0 : 1)
