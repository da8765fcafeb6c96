// Runs `aktivitet-rules evaluate --jsonl` over 1,000,000 generated subjects
// through the streaming path — input read line by line, one line of
// decisions written per subject — and prints one JSON line per measurement.
// Before streaming, evaluate held about 10 KB per subject and died near
// 200,000. The baseline is the same run over 10,000 subjects: with bounded
// memory, a hundred times the subjects should need about the same peak.
//
// Peak memory is the process's maxRSS (the operating system's high-water
// mark), read after each run, with RSS also sampled as output is written.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { run } from "../src/cli/main.js"
import { DatasetSubjects, InForce } from "../src/index.js"
import { loadTreeOrThrow, shippedPolicyDir } from "../src/node/index.js"

const N = Number(process.env.STREAM_SUBJECTS ?? 1_000_000)
const small = Math.min(10_000, N)
const date = "2024-06-01"

// Subjects as an app would write them: the synthetic year's, cycled.
const policy = InForce.policy(loadTreeOrThrow(shippedPolicyDir()))
const lines = DatasetSubjects.of(generate({ policy, seed: 1, year: 2024 }), policy).map((item) =>
  JSON.stringify(item.subject),
)

async function* input(count: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  const perChunk = 500
  for (let i = 0; i < count; i += perChunk) {
    const chunk: Array<string> = []
    for (let j = i; j < Math.min(count, i + perChunk); j++) chunk.push(lines[j % lines.length]!)
    yield encoder.encode(`${chunk.join("\n")}\n`)
  }
}

const mb = (bytes: number) => bytes / 1_048_576
let sampled = 0

const evaluate = async (count: number) => {
  let written = 0
  let bytes = 0
  let errors = 0
  const start = performance.now()
  const code = await run(["evaluate", "--date", date, "--jsonl", "-"], {
    stdout: (text) => {
      written++
      bytes += text.length + 1
      if (written % 10_000 === 0) sampled = Math.max(sampled, process.memoryUsage().rss)
    },
    stderr: () => {
      errors++
    },
    stdin: () => "",
    stdinStream: () => input(count),
    drain: async () => {},
    cwd: process.cwd(),
  })
  const seconds = (performance.now() - start) / 1000
  if (code !== 0 || errors !== 0 || written !== count)
    throw new Error(`evaluate exited ${code} with ${errors} error lines and ${written} of ${count} lines written`)
  return { seconds, bytes, peak: Math.max(sampled, process.resourceUsage().maxRSS * 1024) }
}

const warm = await evaluate(small)
const full = await evaluate(N)

const line = (name: string, unit: string, value: number, baseline: number, target: string, ok: boolean) =>
  JSON.stringify({
    name,
    unit,
    value: Number(value.toFixed(1)),
    baseline: Number(baseline.toFixed(1)),
    ratio: Number((value / baseline).toPrecision(3)),
    target,
    ok,
  })

const label = N === 1_000_000 ? "1M" : String(N)
const peak = mb(full.peak)
console.log(line(`evaluate-stream-${label}-peak-rss`, "MB", peak, mb(warm.peak), "< 1024", peak < 1024))
const rate = N / full.seconds
console.log(line(`evaluate-stream-${label}-rate`, "subjects/s", rate, small / warm.seconds, "> 1000", rate > 1000))
console.error(
  `${N} subjects in ${full.seconds.toFixed(0)} s, ${(full.bytes / 1e9).toFixed(2)} GB of JSON Lines written; ${small} subjects peaked at ${mb(warm.peak).toFixed(0)} MB`,
)
