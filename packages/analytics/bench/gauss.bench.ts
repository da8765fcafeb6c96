// Benchmark of secondary suppression by Gaussian elimination over a
// publication of realistic size: 500 inner cells (10 × 10 × 5) published as
// 2,048 cells (each of the two large dimensions has a total and two
// alternative groupings, the small one a total and one grouping), small-count
// rule maxN = 3 with protected zeros, GaussSuppression's default candidates
// and singleton method. Prints one JSON line:
//   {"name","unit","value","baseline","ratio","target","ok"}
// value: median over the rounds of suppressSmallCounts (published counts,
// primary cells, candidate order, singletons and the elimination);
// baseline: median time to build the model matrix of the same publication
// (CrossTable.crossTable), so ratio = value / baseline says how much the
// suppression costs beyond setting the table up. Target: value < 1000 ms.
// Not a test: timings depend on the machine. Run with
//   npx tsx packages/analytics/bench/gauss.bench.ts
// BENCH_RUNS sets the number of rounds (default 9, at least 7).
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"

// The package's sources import the workspace packages through the
// "@aktivitetsmodell/source" export condition; without it they resolve to
// builds that may not exist. Plain `npx tsx` does not set it, so run again
// with it (same loader, same arguments).
const condition = "--conditions=@aktivitetsmodell/source"
if (!process.execArgv.includes(condition)) {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, condition, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" },
  )
  process.exit(r.status ?? 1)
}

const { CrossTable, suppressSmallCounts } = await import("../src/privacy/gauss/index.js")

const runs = Math.max(7, Number(process.env.BENCH_RUNS ?? 9))
const median = (xs: Array<number>) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const time = (f: () => unknown): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}

// A small deterministic generator, so every run times the same table.
let seed = 20240925
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
// Counts as in small-area service statistics: some empty cells, many small ones.
const count = () => {
  const u = random()
  return u < 0.15 ? 0 : u < 0.45 ? 1 + Math.floor(random() * 3) : 4 + Math.floor(random() * random() * 60)
}

const inner: Array<Record<string, string | number>> = []
for (let c = 0; c < 5; c++)
  for (let b = 0; b < 10; b++)
    for (let a = 0; a < 10; a++)
      inner.push({
        unit: `u${a}`,
        unitRegion: `region${a % 3}`,
        unitKind: `kind${a % 2}`,
        age: `a${b}`,
        ageBand: `band${Math.floor(b / 4)}`,
        ageGroup: `group${b % 2}`,
        month: `m${c}`,
        half: `h${c < 3 ? 1 : 2}`,
        n: count(),
      })
const dimensions = [
  { name: "unit", variables: ["unit", "unitRegion", "unitKind"] },
  { name: "age", variables: ["age", "ageBand", "ageGroup"] },
  { name: "month", variables: ["month", "half"] },
]
const innerFreq = inner.map((c) => c.n as number)

let table = CrossTable.crossTable(inner, dimensions)
let result = suppressSmallCounts({ x: table.x, innerFreq })
const build: Array<number> = []
const suppress: Array<number> = []
for (let i = 0; i < runs; i++) {
  build.push(time(() => (table = CrossTable.crossTable(inner, dimensions))))
  suppress.push(time(() => (result = suppressSmallCounts({ x: table.x, innerFreq }))))
}
const primary = result.primary.filter(Boolean).length
const hidden = result.suppressed.filter(Boolean).length
console.error(
  `${inner.length} inner cells, ${table.cells.length} published; ${primary} primary, ${hidden - primary} secondary; ${runs} rounds`,
)

const value = median(suppress)
const baseline = median(build)
const round1 = (x: number) => Math.round(x * 10) / 10
console.log(
  JSON.stringify({
    name: "gauss suppression, 2048 cells over 500 inner cells",
    unit: "ms",
    value: round1(value),
    baseline: round1(baseline),
    ratio: Math.round((value / baseline) * 100) / 100,
    target: "< 1000 ms",
    ok: value < 1000,
  }),
)
