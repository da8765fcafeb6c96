// How many questions per second `Decision.decide` answers on the shipped
// policy, explanations included. The subjects are every question of the
// synthetic year (seed 1, 2024: each enrollment's start and period ends,
// no-shows, goal evaluations, FIT scores, proposals and transitions) dated on
// or after the model's start, 2023-03-09, so every rule in force is asked;
// many leave the birth date or the joint meeting open, which decide answers
// as "unknown" when it matters.
//
// Two measurements: decide with the explanation of every decision read
// inside the clock (explanations are built when first read), and decide
// alone. The baseline is the hand-written rule function (handwritten.ts)
// over the same subjects: their facts derived by SubjectFacts.of, as decide
// derives them, and the function run once per combination of the values a
// subject leaves open, a rule the combinations answer differently being
// unknown. Before any timing the baseline must give every subject the same
// outcome per rule as decide: not applicable, event, otherwise or unknown.
//
// Rounds are interleaved (read, not read, baseline, and again); each figure
// is the median over the rounds (BENCH_ROUNDS, at least 7, default 9) of
// decisions per second by wall time and by CPU time (user + system of this
// process). The target (the speed issue): at least 300,000 decisions per
// second with explanations available; a decision is one call of
// Decision.decide for a subject on a date. Exit status 0 whatever the figures.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { interleavedRates, line, median } from "../../../scripts/bench-timing.mjs"
import type { Facts } from "../src/Facts.js"
import { DatasetSubjects, Decision, InForce, SubjectFacts } from "../src/index.js"
import { loadTreeOrThrow, shippedPolicyDir } from "../src/node/index.js"
import { handWritten, ids } from "./handwritten.js"

const target = 300_000
const rounds = Math.max(7, Number(process.env.BENCH_ROUNDS ?? 9))
const tree = loadTreeOrThrow(shippedPolicyDir())
const policy = InForce.policy(tree)
const modelStart = InForce.changes(tree)[0]!
const items = DatasetSubjects.of(generate({ policy, seed: 1, year: 2024 }), policy).filter((i) => i.date >= modelStart)

// The hand-written function is the policy in force from the model's start; nothing may have changed since.
if (InForce.changes(tree).length !== 1) throw new Error("the bench assumes one policy period")
if (JSON.stringify(InForce.on(tree, modelStart).rules.map((r) => r.rule.id)) !== JSON.stringify(ids))
  throw new Error("the hand-written function's rule order no longer matches the tree")

// Read once, so the loops time the functions rather than the namespace objects' getters.
const { decide } = Decision
const { on } = InForce
const factsOf = SubjectFacts.of

const UNKNOWN = 3
const codes = new Uint8Array(ids.length)
const other = new Uint8Array(ids.length)

/** The baseline: one code per rule in `codes` (0 not applicable, 1 event, 2 otherwise, 3 unknown). */
const baseline = (subject: (typeof items)[number]["subject"], date: string): Uint8Array => {
  const derived = factsOf(subject, date, on(tree, date))
  handWritten(derived.facts, codes)
  // Every other combination of the open values, against the first.
  let combos: Array<Facts> = [derived.facts]
  for (const o of derived.open)
    combos = combos.flatMap((f) => o.options.map((option, i) => (i === 0 ? f : ({ ...f, ...option } as Facts))))
  for (let c = 1; c < combos.length; c++) {
    handWritten(combos[c]!, other)
    for (let i = 0; i < ids.length; i++) if (other[i] !== codes[i]) codes[i] = UNKNOWN
  }
  return codes
}

const decided = (subject: (typeof items)[number]["subject"], date: string): Array<number> => {
  const r = decide(tree, subject, date)
  return ids.map((id) => {
    const d = r.decisions.find((x) => x.rule === id)
    return d === undefined ? 0 : d.branch === "event" ? 1 : d.branch === "otherwise" ? 2 : UNKNOWN
  })
}

for (const it of items) {
  const want = decided(it.subject, it.date).join()
  const got = [...baseline(it.subject, it.date)].join()
  if (got !== want) throw new Error(`the baseline disagrees with Decision.decide on ${it.key}: ${got} / ${want}`)
}

let sink = 0
type Pass = () => void
const passes: Array<[string, Pass]> = [
  [
    "read",
    () => {
      for (const it of items)
        for (const d of decide(tree, it.subject, it.date).decisions) sink += d.explanation.conditions.result ? 1 : 0
    },
  ],
  [
    "not read",
    () => {
      for (const it of items) sink += decide(tree, it.subject, it.date).decisions.length
    },
  ],
  [
    "baseline",
    () => {
      for (const it of items) sink += baseline(it.subject, it.date)[0]!
    },
  ],
]

// Warm-up outside the clock, then the interleaved rounds.
const samples = interleavedRates(passes, rounds, items.length)

const cases = [
  { key: "read", name: "Decision.decide, the explanation of every decision read" },
  { key: "not read", name: "Decision.decide, explanations not read" },
]
for (const c of cases) {
  for (const what of ["wall", "cpu"] as const) {
    const value = median(samples.get(c.key)![what])
    const base = median(samples.get("baseline")![what])
    line({
      name: `${c.name}, ${items.length} synthetic subjects (${what === "wall" ? "wall" : "CPU"} time, median of ${rounds}); baseline the hand-written rule function over the same facts`,
      unit: "decisions/s",
      value,
      baseline: base,
      ratio: value / base,
      target: `≥ ${target} decisions/s`,
      ok: value >= target,
    })
  }
}
const perCall = items.reduce((n, it) => n + decide(tree, it.subject, it.date).decisions.length, 0) / items.length
console.error(
  `${items.length} subjects × ${ids.length} rules in force; ${perCall.toFixed(2)} rules apply per call on average ` +
    `(checksum ${sink})`,
)
