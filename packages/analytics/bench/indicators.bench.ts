// The indicator benchmark: every indicator over 1,000,000 attendance rows and
// 100,000 enrollments from plain JS objects, the public API
// (Tables.fromDataset, then Indicator.compute for each), against two
// hand-written passes per indicator. One JSON line per measurement,
// {"name","unit","value","baseline","ratio","target","ok"}, ratio = value / baseline:
// - the tables (no baseline: the hand-written passes read the records directly);
// - each indicator against its pass over the record objects (bench/baseline.ts,
//   Maps keyed by strings), target within 3×. Where that pass takes under
//   1 ms (department contributions reads three records), arquero's fixed cost
//   of parsing each expression decides the ratio, so there the target is an
//   absolute one: under 5 ms;
// - each indicator against its tight typed-array pass over the same tables
//   (bench/typedBaseline.ts: the Tables' columns read as typed arrays,
//   accumulators indexed by dictionary codes), the speed issue's target:
//   within 3×, and the pass must agree. In µs, since some of these passes
//   take only a few; a call under 1 ms, ours or the pass, is timed as a
//   batch of calls per sample, divided by their number;
// - the whole set including building the tables, target under 1,500 ms.
// Rounds interleave ours and both passes (A, B, C, A, B, C …), in the
// catalogue's order of indicators; each figure is the median of at least 7
// rounds (BENCH_RUNS raises it), after each of the three has run for 150 ms
// untimed, so that the JIT has optimised it. Before any timing every indicator's table is
// compared with both passes' (the values as `same` compares them); two lines
// named "agreement" give the mismatches. Not a test: timings depend on the
// machine, and the bench exits 0 whatever it finds. Run with
//   npm run bench -w @aktivitetsmodell/analytics

import { shippedPolicy } from "@aktivitetsmodell/rules/node"
import { line, median } from "../../../scripts/bench-timing.mjs"
import { Indicator, Indicators, Tables } from "../src/index.js"
import { baselines, context, same } from "./baseline.js"
import { benchYear } from "./input.js"
import { typedBaselines } from "./typedBaseline.js"

const policy = shippedPolicy()

const runs = Math.max(7, Number(process.env.BENCH_RUNS ?? 7))
const capacity = { sandneshallen: 30, volleyball: 20, helarsbading: 25 }
const time = (f: () => unknown): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}
const wholeSetTarget = 1500

const t0 = performance.now()
const data = benchYear()
console.error(
  `input: ${data.attendance.length} attendance rows, ${data.enrollments.length} enrollments, ${data.sessions.length} sessions (built in ${Math.round(performance.now() - t0)} ms)`,
)

// Warm up all three once and check that they agree before timing anything.
let tables = Tables.fromDataset(data, { policy, capacity })
const c = context(data, policy, capacity)
type Rows = Array<Record<string, unknown>>
// The typed passes must also give the same columns in the same order.
const agrees = (ours: Rows, theirs: Rows, columns: boolean): boolean =>
  ours.length === theirs.length &&
  ours.every(
    (row, i) =>
      (!columns || Object.keys(row).join() === Object.keys(theirs[i]!).join()) &&
      Object.entries(row).every(([k, v]) => same(v, theirs[i]![k])),
  )
let failures = 0
let typedFailures = 0
const typedAgrees = new Set<string>()
// Calls per timed sample, of the typed pass and of Indicator.compute alike:
// enough for a sample of about 1 ms, so that a call of a few µs is not
// measured against the clock's own cost and a cold cache. The count comes
// from ten calls after the warm-up: one cold call can take several times a warm one.
const callsFor = (f: () => unknown): number => {
  f()
  const once =
    time(() => {
      for (let k = 0; k < 10; k++) f()
    }) / 10
  return once >= 1 ? 1 : Math.min(1000, Math.ceil(1 / Math.max(once, 0.001)))
}
// Runs `f` for at least `warmMs` before it is timed.
const warmMs = 150
const warm = (f: () => unknown): void => {
  const t0 = performance.now()
  do f()
  while (performance.now() - t0 < warmMs)
}
for (const indicator of Indicators.all) {
  const id = indicator.id as Indicators.IndicatorId
  const ours = Indicator.compute(indicator, tables).table.objects() as Rows
  if (!agrees(ours, baselines[id](c), false)) {
    failures++
    console.error(`MISMATCH ${id}: arquero and the baseline differ`)
  }
  if (agrees(ours, typedBaselines[id](tables), true)) typedAgrees.add(id)
  else {
    typedFailures++
    console.error(`MISMATCH ${id}: arquero and the typed-array pass differ`)
  }
}

const build: Array<number> = []
for (let i = 0; i < runs; i++) build.push(time(() => (tables = Tables.fromDataset(data, { policy, capacity }))))
line({
  name: "tables from plain JS objects (1 M attendance rows, 100 k enrollments)",
  unit: "ms",
  value: median(build),
  baseline: null,
  ratio: null,
  target: null,
  ok: null,
})

let totalValue = median(build)
let totalBaseline = 0
for (const indicator of Indicators.all) {
  const id = indicator.id as Indicators.IndicatorId
  const baseline = baselines[id]
  const typed = typedBaselines[id]
  // Each side runs for a while before its rounds, the way it runs in a
  // long-lived process: a call of a few µs is otherwise timed before the JIT
  // has optimised it, at several times its steady cost.
  warm(() => Indicator.compute(indicator, tables))
  warm(() => baseline(c))
  warm(() => typed(tables))
  const ourCalls = callsFor(() => Indicator.compute(indicator, tables))
  const calls = callsFor(() => typed(tables))
  const ours: Array<number> = []
  const theirs: Array<number> = []
  const tight: Array<number> = []
  const round = () => {
    ours.push(
      time(() => {
        for (let k = 0; k < ourCalls; k++) Indicator.compute(indicator, tables)
      }) / ourCalls,
    )
    theirs.push(time(() => baseline(c)))
    tight.push(
      time(() => {
        for (let k = 0; k < calls; k++) typed(tables)
      }) / calls,
    )
  }
  for (let i = 0; i < runs; i++) round()
  // Timings of a few milliseconds are noisy (a collection pause doubles them): take more.
  for (let i = 0; median(ours) < 20 && i < 3 * runs; i++) round()
  const v = median(ours)
  const b = median(theirs)
  const tb = median(tight)
  totalValue += v
  totalBaseline += b
  const tiny = b < 1
  line({
    name: `${id}: Indicator.compute; baseline a hand-written pass over the records`,
    unit: "ms",
    value: v,
    baseline: b,
    ratio: b > 0 ? v / b : null,
    target: tiny ? "< 5 ms (the pass takes under 1 ms)" : "≤ 3× the hand-written pass",
    ok: tiny ? v < 5 : v <= 3 * b,
  })
  line({
    name: `${id}: Indicator.compute; baseline a tight typed-array pass over the same tables`,
    unit: "µs",
    value: v * 1000,
    baseline: tb * 1000,
    ratio: tb > 0 ? v / tb : null,
    target: "≤ 3× a tight typed-array pass",
    ok: typedAgrees.has(id) && v <= 3 * tb,
  })
}
line({
  name: "whole indicator set from plain JS objects, tables included; baseline the hand-written passes",
  unit: "ms",
  value: totalValue,
  baseline: totalBaseline,
  ratio: totalValue / totalBaseline,
  target: `< ${wholeSetTarget} ms`,
  ok: totalValue < wholeSetTarget,
})
line({
  name: "agreement: every indicator's table equals its hand-written pass",
  unit: "mismatches",
  value: failures,
  baseline: null,
  ratio: null,
  target: "0",
  ok: failures === 0,
})
line({
  name: "agreement: every indicator's table equals its typed-array pass",
  unit: "mismatches",
  value: typedFailures,
  baseline: null,
  ratio: null,
  target: "0",
  ok: typedFailures === 0,
})
