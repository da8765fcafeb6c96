// Exports the synthetic municipality-year (1,500 citizens, about 46,000
// records) to a FHIR R4 bundle, in rounds interleaved with a baseline, and
// prints one JSON line per measurement: {"name","unit","value","baseline","ratio","target","ok"}.
//
// Baseline: JSON.stringify of the dataset itself — the cheapest way to visit
// every record once and write it out, with no mapping at all. The export is
// Fhir.bundle alone (building the resources, not serialising them); the size
// line compares the bundle's JSON with the dataset's JSON.
//
//   npx tsx --conditions=@aktivitetsmodell/source packages/core/bench/fhir.bench.ts
import { Fhir } from "@aktivitetsmodell/core/fhir"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { InForce } from "@aktivitetsmodell/rules"
import { loadTreeOrThrow, shippedPolicyDir } from "@aktivitetsmodell/rules/node"

const ROUNDS = 9
const TARGET_MS = 1000
const TARGET_SIZE_RATIO = 8

const year = generate({ policy: InForce.policy(loadTreeOrThrow(shippedPolicyDir())) })
const options = {
  pseudonymSystem: "https://sandnes.kommune.no/fhir/pseudonym",
  municipality: { code: "1108", name: "Sandnes" },
}

const time = (f: () => unknown): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}
const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

// Warm up both paths, so neither pays for compilation in the timed rounds.
JSON.stringify(year)
Fhir.bundle(year, options)

const exportMs: Array<number> = []
const baselineMs: Array<number> = []
for (let round = 0; round < ROUNDS; round++) {
  baselineMs.push(time(() => JSON.stringify(year)))
  exportMs.push(time(() => Fhir.bundle(year, options)))
}

const value = median(exportMs)
const baseline = median(baselineMs)
console.log(
  JSON.stringify({
    name: "core/fhir-export-synthetic-year",
    unit: "ms",
    value: Math.round(value),
    baseline: Math.round(baseline),
    ratio: Number((value / baseline).toFixed(2)),
    target: `< ${TARGET_MS} ms`,
    ok: value < TARGET_MS,
  }),
)

const bundleBytes = new TextEncoder().encode(JSON.stringify(Fhir.bundle(year, options))).length
const datasetBytes = new TextEncoder().encode(JSON.stringify(year)).length
console.log(
  JSON.stringify({
    name: "core/fhir-bundle-size-synthetic-year",
    unit: "bytes",
    value: bundleBytes,
    baseline: datasetBytes,
    ratio: Number((bundleBytes / datasetBytes).toFixed(2)),
    target: `< ${TARGET_SIZE_RATIO} × the dataset's JSON`,
    ok: bundleBytes < TARGET_SIZE_RATIO * datasetBytes,
  }),
)
