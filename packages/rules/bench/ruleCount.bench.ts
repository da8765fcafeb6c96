// How the compiled path's cost per rule grows with the number of rules: the
// shipped policy's rule set (28 rules on 2024-06-01), then the same rules 10
// and 100 times over (280 and 2,800 rules, each copy with its own id), run
// through the public `Compile.compile(set).run` on the same facts: those of
// the synthetic year's first 20,000 questions, derived before timing (the
// facts are the same for every size, so only the rule count changes).
//
// One JSON line per size above 27: {"name","unit","value","baseline","ratio",
// "target","ok"}, value the nanoseconds per rule and question at that size,
// baseline the same at the shipped size (the tight case: one small
// function), ratio their quotient. Target (issue "Fast on the paths users
// call"): cost per rule grows at most 1.5× from a few dozen rules to a few
// thousand. Rounds interleave the sizes (28, 280, 2,800, 28, …) and each
// figure is the median of at least 7. The bench exits 0 whatever it finds.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { line, median } from "../../../scripts/bench-timing.mjs"
import type { Facts } from "../src/Facts.js"
import type { RuleSet } from "../src/InForce.js"
import { Compile, DatasetSubjects, InForce, SubjectFacts } from "../src/index.js"
import { loadTreeOrThrow, shippedPolicyDir } from "../src/node/index.js"

const N = 20_000
const rounds = Math.max(7, Number(process.env.BENCH_ROUNDS ?? 7))
const tree = loadTreeOrThrow(shippedPolicyDir())
const policy = InForce.policy(tree)
const items = DatasetSubjects.of(generate({ policy, seed: 1, year: 2024 }), policy)
const facts: Array<Facts> = []
for (let i = 0; facts.length < N; i++) {
  const item = items[i % items.length]!
  facts.push(SubjectFacts.of(item.subject, item.date, InForce.on(tree, item.date)).facts)
}

const shipped = InForce.ruleSetOn(tree, "2024-06-01")
const copies = (times: number): RuleSet => ({
  rules: Array.from({ length: times }, (_, k) => shipped.rules.map((r) => ({ ...r, id: `${r.id}#${k}` }))).flat(),
  parameters: shipped.parameters,
})
const sizes = [1, 10, 100].map((times) => {
  const program = Compile.compile(copies(times), { mode: "source" })
  return { rules: program.ids.length, program, out: new Uint8Array(program.ids.length), times: [] as Array<number> }
})

// The copies must give the shipped rules' outcomes, copy after copy.
for (const f of facts.slice(0, 1_000)) {
  sizes[0]!.program.run(f, sizes[0]!.out)
  for (const s of sizes.slice(1)) {
    s.program.run(f, s.out)
    for (let i = 0; i < s.rules; i++)
      if (s.out[i] !== sizes[0]!.out[i % sizes[0]!.rules]) throw new Error(`copy ${i} of ${s.rules} disagrees`)
  }
}

let sink = 0
const pass = (s: (typeof sizes)[number]): number => {
  const start = performance.now()
  for (let i = 0; i < facts.length; i++) {
    s.program.run(facts[i]!, s.out)
    sink += s.out[i % s.rules]!
  }
  return ((performance.now() - start) * 1e6) / (facts.length * s.rules)
}
for (const s of sizes) for (let i = 0; i < 3; i++) pass(s)
for (let r = 0; r < rounds; r++) for (const s of sizes) s.times.push(pass(s))

const base = median(sizes[0]!.times)
for (const s of sizes.slice(1)) {
  const value = median(s.times)
  line({
    name: `Compile.compile(set).run, ${s.rules} rules against ${sizes[0]!.rules}: cost per rule and question`,
    unit: "ns/rule",
    value,
    baseline: base,
    ratio: value / base,
    target: `≤ 1.5× the cost per rule at ${sizes[0]!.rules} rules`,
    ok: value / base <= 1.5,
  })
}
console.error(`${N} questions; sizes ${sizes.map((s) => s.rules).join(", ")} rules (checksum ${sink})`)
