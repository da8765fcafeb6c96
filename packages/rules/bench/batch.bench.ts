// How many subjects per second the compiled batch path answers on the
// shipped policy, facts derived inside the clock: `Compile.forTree(tree)
// .codes(subjects, date)`, one row of outcome codes per subject in a typed
// array. Subjects are every question of the synthetic year (seed 1, 2024)
// dated on or after the model's start, cycled to 100,000, all asked on one
// date; many leave the birth date or the joint meeting open.
//
// The baseline (handwrittenBatch.ts) is a hand-written loop over the same
// subjects and date giving the same codes: it derives each subject's facts
// into one reused object, runs the hand-written rule function and marks the
// rules an open value changes, with the policy's values read once before
// the loop. For reference, the per-subject path (`TreeProgram.outcomes`)
// is measured against the same baseline. Before any timing, all three must
// give every subject the same code per rule as Decision.decide.
//
// Rounds are interleaved (batch, baseline, per subject, and again); each
// figure is the median over the rounds (BENCH_ROUNDS, at least 7, default 9)
// by wall time and by CPU time of this process. The target (the speed issue):
// at least 3,000,000 subjects per second and at least half the hand-written
// loop's rate. Exit status 0 whatever the figures.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { interleavedRates, line, median } from "../../../scripts/bench-timing.mjs"
import { Compile, DatasetSubjects, Decision, InForce, type Subject } from "../src/index.js"
import { loadTreeOrThrow, shippedPolicyDir } from "../src/node/index.js"
import { ids } from "./handwritten.js"
import { handWrittenBatch } from "./handwrittenBatch.js"

const N = 100_000
const date = "2024-06-01"
const target = 3_000_000
const rounds = Math.max(7, Number(process.env.BENCH_ROUNDS ?? 9))
const tree = loadTreeOrThrow(shippedPolicyDir())
const policy = InForce.policy(tree)
const modelStart = InForce.changes(tree)[0]!
const unique = DatasetSubjects.of(generate({ policy, seed: 1, year: 2024 }), policy)
  .filter((i) => i.date >= modelStart)
  .map((i) => i.subject)
const subjects: Array<Subject.Subject> = []
for (let i = 0; subjects.length < N; i++) subjects.push(unique[i % unique.length]!)

if (InForce.changes(tree).length !== 1) throw new Error("the bench assumes one policy period")
const fast = Compile.forTree(tree)
if (JSON.stringify(fast.codes([], date).ids) !== JSON.stringify(ids))
  throw new Error("the hand-written function's rule order no longer matches the tree")
const baseline = handWrittenBatch(tree, date)

// Every path must give Decision.decide's codes before any is timed.
const code = { event: 1, otherwise: 2, unknown: 3 } as const
const column = new Map<string, number>(ids.map((id, i) => [id, i]))
const want = new Uint8Array(unique.length * ids.length)
unique.forEach((subject, s) => {
  for (const d of Decision.decide(tree, subject, date).decisions)
    want[s * ids.length + column.get(d.rule)!] = code[d.branch]
})
const versions = InForce.on(tree, date).rules.map((r) => r.version)
const perSubject = (list: ReadonlyArray<Subject.Subject>): Uint8Array => {
  const out = new Uint8Array(list.length * ids.length)
  for (let s = 0; s < list.length; s++) {
    const outcomes = fast.outcomes(list[s]!, date)
    for (let i = 0; i < outcomes.length; i++) {
      const { event, otherwise } = versions[i]!
      const o = outcomes[i]!.outcome
      out[s * ids.length + i] = o === undefined ? 0 : o === event ? 1 : o === otherwise ? 2 : 3
    }
  }
  return out
}
for (const [name, got] of [
  ["Compile.forTree(...).codes", fast.codes(unique, date).codes],
  ["the hand-written loop", baseline(unique)],
] as const) {
  const k = got.findIndex((c, i) => c !== want[i])
  if (k >= 0)
    throw new Error(
      `${name} disagrees with Decision.decide on subject ${Math.floor(k / ids.length)}, rule ${ids[k % ids.length]}`,
    )
}
if (perSubject(unique).some((c, i) => c !== want[i]))
  throw new Error("TreeProgram.outcomes disagrees with Decision.decide")

let sink = 0
type Pass = () => void
const passes: Array<[string, Pass]> = [
  ["batch", () => (sink += fast.codes(subjects, date).codes[7]!)],
  ["baseline", () => (sink += baseline(subjects)[7]!)],
  [
    "per subject",
    () => {
      for (const s of subjects) sink += fast.outcomes(s, date).length
    },
  ],
]

// Warm-up outside the clock, then the interleaved rounds.
const samples = interleavedRates(passes, rounds, N)

const cases = [
  { key: "batch", name: "Compile.forTree(tree).codes(subjects, date), facts derived inside the clock", batch: true },
  {
    key: "per subject",
    name: "Compile.forTree(tree).outcomes(subject, date) per subject, for reference",
    batch: false,
  },
]
for (const c of cases) {
  for (const what of ["wall", "cpu"] as const) {
    const value = median(samples.get(c.key)![what])
    const base = median(samples.get("baseline")![what])
    line({
      name: `${c.name}, ${N} synthetic subjects (${what === "wall" ? "wall" : "CPU"} time, median of ${rounds}); baseline a hand-written loop that derives its facts (handwrittenBatch.ts)`,
      unit: "subjects/s",
      value,
      baseline: base,
      ratio: value / base,
      target: `≥ ${target} subjects/s and ≥ 0.5 of the baseline`,
      ok: value >= target && value / base >= 0.5,
    })
  }
}
console.error(`${N} subjects (${unique.length} distinct) × ${ids.length} rules on ${date} (checksum ${sink})`)
