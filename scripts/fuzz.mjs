// `npm run fuzz`: the hostile-input property tests of every package with
// 100,000 runs each (FUZZ_RUNS; `npm test` runs 1,000). Prints vitest's own
// summary and a closing line "N passed, N failed".
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const runs = process.env.FUZZ_RUNS ?? "100000"
const dir = mkdtempSync(join(tmpdir(), "aktivitetsmodell-fuzz-"))
const report = join(dir, "vitest.json")
const started = Date.now()
const run = spawnSync(
  "npx",
  ["vitest", "run", "packages/core/test/hostile", "packages/rules/test/hostile", "packages/analytics/test/hostile", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, "--testTimeout=3600000", ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, TZ: "Europe/Oslo", FUZZ_RUNS: runs } }
)
const json = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : { numPassedTests: 0, numFailedTests: 1 }
console.log(`fuzz: FUZZ_RUNS=${runs} in ${Math.round((Date.now() - started) / 1000)} s`)
const fileFailures = (json.testResults ?? []).filter((f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed")).length
console.log(`${json.numPassedTests} passed, ${json.numFailedTests + fileFailures} failed`)
process.exit(run.status ?? 1)
