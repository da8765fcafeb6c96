// How the compiled path's cost per rule grows with the number of rules: the
// shipped policy's rule set (28 rules on 2024-06-01), then the same rules 10
// and 100 times over (280 and 2,800 rules, each copy with its own id), run
// through the public `Compile.compile(set).run` on the same facts: those of
// the synthetic year's first 20,000 questions, derived before timing (the
// facts are the same for every size, so only the rule count changes).
//
// One JSON line per size and clock (wall time, then this process's CPU
// time): {"name","unit","value","baseline","ratio","target","ok"}, value
// the nanoseconds per rule and question of the compiled set,
// baseline the same for the hand-written function of the shipped rules
// (bench/handwritten.ts, checked against the tree's order) called once per
// copy into its own part of the output, ratio their quotient. Target (issue
// "Fast on the paths users call"): the compiled cost per rule grows at most
// 1.5× from the shipped size to a hundred times it; `ok` says whether it
// does, and the name gives the growth. Rounds interleave the sizes and the
// two sides (compiled 28, hand-written 28, compiled 280, …) after six
// warm-up passes each; each figure is the median of the rounds
// (BENCH_ROUNDS, at least 7, default 9), and the growth the median of each
// round's quotient against the shipped size in the same round. The bench
// exits 0 whatever it finds.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { line, median } from "../../../scripts/bench-timing.mjs"
import type { Facts } from "../src/Facts.js"
import type { RuleSet } from "../src/InForce.js"
import { Compile, DatasetSubjects, InForce, SubjectFacts } from "../src/index.js"
import { loadTreeOrThrow, shippedPolicyDir } from "../src/node/index.js"
import { handWritten, ids } from "./handwritten.js"

const N = 20_000
const rounds = Math.max(7, Number(process.env.BENCH_ROUNDS ?? 9))
const warmUp = 6
const tree = loadTreeOrThrow(shippedPolicyDir())
const policy = InForce.policy(tree)
const items = DatasetSubjects.of(generate({ policy, seed: 1, year: 2024 }), policy)
const facts: Array<Facts> = []
for (let i = 0; facts.length < N; i++) {
  const item = items[i % items.length]!
  facts.push(SubjectFacts.of(item.subject, item.date, InForce.on(tree, item.date)).facts)
}

const shipped = InForce.ruleSetOn(tree, "2024-06-01")
if (JSON.stringify(shipped.rules.map((r) => r.id)) !== JSON.stringify(ids))
  throw new Error("the hand-written function's rule order no longer matches the tree")
const copies = (times: number): RuleSet => ({
  rules: Array.from({ length: times }, (_, k) => shipped.rules.map((r) => ({ ...r, id: `${r.id}#${k}` }))).flat(),
  parameters: shipped.parameters,
})
const sizes = [1, 10, 100].map((times) => {
  const program = Compile.compile(copies(times), { mode: "source" })
  const out = new Uint8Array(program.ids.length)
  // The hand-written baseline writes each copy's outcomes into its own part of the output.
  const parts = Array.from({ length: times }, (_, k) => out.subarray(k * ids.length, (k + 1) * ids.length))
  const byHand = (f: Facts, o: Uint8Array) => {
    for (const part of parts) handWritten(f, part)
    return o
  }
  return { rules: program.ids.length, program, byHand, out }
})

// The copies must give the shipped rules' outcomes, copy after copy, as the hand-written function does.
const expected = new Uint8Array(ids.length)
for (const f of facts.slice(0, 1_000)) {
  handWritten(f, expected)
  for (const s of sizes) {
    s.program.run(f, s.out)
    for (let i = 0; i < s.rules; i++)
      if (s.out[i] !== expected[i % ids.length]) throw new Error(`rule ${i} of ${s.rules} disagrees`)
  }
}

let sink = 0
type Run = (f: Facts, out: Uint8Array) => unknown
type Size = (typeof sizes)[number]
// One pass: nanoseconds per rule and question, by wall time and by this process's CPU time.
const pass = (s: Size, run: Run): { wall: number; cpu: number } => {
  const cpu = process.cpuUsage()
  const start = performance.now()
  for (let i = 0; i < facts.length; i++) {
    run(facts[i]!, s.out)
    sink += s.out[i % s.rules]!
  }
  const wall = performance.now() - start
  const used = process.cpuUsage(cpu)
  const per = 1e6 / (facts.length * s.rules)
  return { wall: wall * per, cpu: ((used.user + used.system) / 1000) * per }
}
// Warm-up outside the clock: a large program's functions are each deoptimised
// once when a rare branch first runs, and optimised again some passes later.
for (const s of sizes)
  for (let i = 0; i < warmUp; i++) {
    pass(s, s.program.run)
    pass(s, s.byHand)
  }
const samples = sizes.map(() => ({ wall: [] as Array<number>, cpu: [] as Array<number> }))
const hand = sizes.map(() => ({ wall: [] as Array<number>, cpu: [] as Array<number> }))
for (let r = 0; r < rounds; r++)
  sizes.forEach((s, k) => {
    const compiled = pass(s, s.program.run)
    const byHand = pass(s, s.byHand)
    for (const what of ["wall", "cpu"] as const) {
      samples[k]![what].push(compiled[what])
      hand[k]![what].push(byHand[what])
    }
  })

for (const what of ["wall", "cpu"] as const) {
  // The growth is taken round by round, each size against the shipped size
  // measured moments before it, so a round slowed by other work on the
  // machine slows both sides of its quotient.
  const shipped = samples[0]![what]
  sizes.forEach((s, k) => {
    const value = median(samples[k]![what])
    const baseline = median(hand[k]![what])
    const growth = median(samples[k]![what].map((t, r) => t / shipped[r]!))
    line({
      name: `Compile.compile(set).run, ${s.rules} rules (cost per rule ${growth.toFixed(2)}× that at ${sizes[0]!.rules}, ${what === "wall" ? "wall" : "CPU"} time, median of ${rounds}); baseline the hand-written function once per copy`,
      unit: "ns/rule",
      value,
      baseline,
      ratio: value / baseline,
      target: `cost per rule ≤ 1.5× that at ${sizes[0]!.rules} rules`,
      ok: growth <= 1.5,
    })
  })
}
console.error(`${N} questions; sizes ${sizes.map((s) => s.rules).join(", ")} rules (checksum ${sink})`)
