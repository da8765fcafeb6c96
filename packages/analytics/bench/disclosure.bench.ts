// Benchmark of disclosure control over the demo report's full publication
// (the synthetic year of `npm run demo`: seed 1, 2024, 1,500 citizens; every
// table of the report and of its evaluation-plan draft, one publication).
// For each profile it compares the publication model (one linear system,
// Gaussian elimination; rounding for `rounding`) with the present two-way
// method (bench/legacy.ts: each table alone, whole rows hidden) given the
// profile's numbers: strict 1–4; ssb counts ≤ 3, zeros included (the
// present method knows no protectZeros but a rule from 0); rounding, its
// small range 1–(base − 1). Prints JSON lines
//   {"name","unit","value","baseline","ratio","target","ok"}
// - `<profile>.suppressed-share`: share of the counts of people and of their
//   events that are hidden; value = new, baseline = present; target: no
//   more than the present method;
// - `<profile>.suppressed-cells`: the same as numbers of cells;
// - `<profile>.time`: median over ≥ 7 interleaved rounds of publishing the
//   whole publication (model, inner cells counted from the records,
//   elimination or rounding, every table), against the present method over
//   the same tables; target < 1,000 ms.
// How many fewer cells each profile hides goes to stderr. Not a test:
// timings depend on the machine. Exits 0. Run with
//   npm run bench -w @aktivitetsmodell/analytics
// BENCH_RUNS sets the number of rounds (default 9, at least 7).
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { shippedPolicy } from "@aktivitetsmodell/rules/node"

// The sources import the workspace packages through the
// "@aktivitetsmodell/source" export condition; plain `npx tsx` does not set
// it, so run again with it (same loader, same arguments).
const condition = "--conditions=@aktivitetsmodell/source"
if (!process.execArgv.includes(condition)) {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, condition, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" },
  )
  process.exit(r.status ?? 1)
}

const { generate } = await import("@aktivitetsmodell/core/synthetic")
const { Tables } = await import("../src/index.js")
const { reportResults } = await import("../src/internal/reportResults.js")
const { publishResults } = await import("../src/privacy/Publication.js")
const { roles } = await import("../src/privacy/Measures.js")
const { publishLegacy } = await import("./legacy.js")
type Published = import("../src/privacy/Publication.js").Published
type Profile = import("../src/privacy/Profile.js").Profile

const runs = Math.max(7, Number(process.env.BENCH_RUNS ?? 9))
const median = (xs: Array<number>) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const time = (f: () => unknown): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits
const line = (name: string, unit: string, value: number, baseline: number, target: number, ok: boolean, digits = 1) =>
  console.log(
    JSON.stringify({
      name,
      unit,
      value: round(value, digits),
      baseline: round(baseline, digits),
      ratio: baseline === 0 ? null : round(value / baseline, 3),
      target: round(target, digits),
      ok,
    }),
  )

const policy = shippedPolicy()
const data = generate({ policy, seed: 1, year: 2024, citizens: 1500 })
const tables = Tables.fromDataset(data, { policy, period: { from: "2024-01-01", to: "2024-12-31" } })
const { results } = reportResults(tables)

// Counts of people and of their events in every table, and how many are hidden.
const cells = (published: ReadonlyArray<Published>) => {
  let total = 0
  let hidden = 0
  for (const p of published) {
    const counting = [...roles(p.indicator)].filter(([, r]) => r.kind === "set" || r.kind === "events").map(([c]) => c)
    ;(p.table.objects() as Array<Record<string, unknown>>).forEach((row, i) => {
      for (const c of counting) {
        const isHidden = Object.hasOwn(p.states[i] ?? {}, c)
        if (isHidden || typeof row[c] === "number") total++
        if (isHidden) hidden++
      }
    })
  }
  return { total, hidden }
}

const profiles: ReadonlyArray<{ profile: Profile; rule: { min: number; max: number } }> = [
  { profile: { name: "strict", min: 1, max: 4 }, rule: { min: 1, max: 4 } },
  { profile: { name: "ssb", maxN: 3 }, rule: { min: 0, max: 3 } },
  { profile: { name: "rounding", base: 3 }, rule: { min: 1, max: 2 } },
]

// A copy of the tables for each timed run: the inner cells are counted from
// the records again, as a report that publishes once does.
const fresh = () => ({ ...tables })
const legacyAll = (rule: { min: number; max: number }) => results.map((r) => publishLegacy(r, rule))

for (const { profile, rule } of profiles) {
  const now = cells(publishResults(results, { profile, tables: fresh() }).tables)
  const before = cells(legacyAll(rule))
  const share = (c: { total: number; hidden: number }) => (c.total === 0 ? 0 : c.hidden / c.total)
  line(
    `disclosure.${profile.name}.suppressed-share`,
    "share",
    share(now),
    share(before),
    share(before),
    now.hidden <= before.hidden,
    4,
  )
  line(
    `disclosure.${profile.name}.suppressed-cells`,
    "cells",
    now.hidden,
    before.hidden,
    before.hidden,
    now.hidden <= before.hidden,
    0,
  )
  console.error(
    `${profile.name}: ${now.hidden} of ${now.total} counts hidden, against ${before.hidden} of ${before.total} by the present method (${before.hidden - now.hidden} fewer, ${Math.round((1 - now.hidden / Math.max(1, before.hidden)) * 100)} %)`,
  )
}

// Interleaved rounds: every profile and the present method in each round.
const timesNew = new Map<string, Array<number>>(profiles.map((p) => [p.profile.name, []]))
const timesOld = new Map<string, Array<number>>(profiles.map((p) => [p.profile.name, []]))
for (let i = 0; i < runs; i++) {
  for (const { profile, rule } of profiles) {
    timesNew.get(profile.name)!.push(time(() => publishResults(results, { profile, tables: fresh() })))
    timesOld.get(profile.name)!.push(time(() => legacyAll(rule)))
  }
}
for (const { profile } of profiles) {
  const value = median(timesNew.get(profile.name)!)
  line(`disclosure.${profile.name}.time`, "ms", value, median(timesOld.get(profile.name)!), 1000, value < 1000)
}
