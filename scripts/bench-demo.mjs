// `npm run demo`, timed as a user runs it, against the demo as it ran before
// (tsx compiling every source on each run). Prints one JSON line per figure.
//
// A round runs, in this order: `npm run demo`, `node scripts/demo.mjs` (the
// same without npm's own start) and the baseline `tsx
// --conditions=@aktivitetsmodell/source scripts/demo.ts`; even rounds run the
// baseline first. The figure is the median over the rounds (BENCH_ROUNDS, at
// least 7, default 7) of wall and CPU time (user + system of the process and
// its children, 10 ms ticks). Every run writes its report to a temporary
// folder, with the demo's default year, seed and citizens.
//
// The packages are built first when dist/ is missing or stale; that build is
// timed on its own line and is not part of the demo's figure (in a fresh
// clone, the first `npm run demo` builds once, then runs).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { line, median, timeProcess } from "./bench-timing.mjs"
import { buildIfStale } from "./build-if-stale.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))
const rounds = Math.max(7, Number(process.env.BENCH_ROUNDS ?? 7))
const out = mkdtempSync(join(tmpdir(), "aktivitetsmodell-bench-demo-"))
const report = join(out, "report.html")
const targetMs = 3000

const built = buildIfStale()
if (built > 0) {
  line({
    name: "npm run build, once before the first demo (dist/ was missing or stale)",
    unit: "ms",
    value: built,
    baseline: null,
    ratio: null,
    target: null,
    ok: null,
  })
}

const tsx = join(root, "node_modules/tsx/dist/cli.mjs")
const variants = [
  { name: "npm run demo", command: "npm", args: ["run", "demo", "--silent", "--", "--out", report] },
  { name: "node scripts/demo.mjs", command: process.execPath, args: ["scripts/demo.mjs", "--out", report] },
  {
    name: "baseline: tsx over the sources (the demo before)",
    command: process.execPath,
    args: [tsx, "--conditions=@aktivitetsmodell/source", "scripts/demo.ts", "--out", report],
  },
]

const once = (v) => {
  const r = timeProcess(v.command, v.args, { cwd: root, env: { ...process.env, TZ: "Europe/Oslo" } })
  if (r.status !== 0 || !r.stdout.includes("Rapporten er skrevet til"))
    throw new Error(`${v.name} exited ${r.status}:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`)
  return r
}

// One untimed run of each, for the operating system's file cache.
for (const v of variants) once(v)

const samples = new Map(variants.map((v) => [v.name, { wall: [], cpu: [] }]))
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? variants : [variants[2], variants[0], variants[1]]
  for (const v of order) {
    const r = once(v)
    samples.get(v.name).wall.push(r.wall)
    samples.get(v.name).cpu.push(r.cpu)
  }
}
rmSync(out, { recursive: true, force: true })

const baseline = samples.get(variants[2].name)
for (const v of variants.slice(0, 2)) {
  for (const what of ["wall", "cpu"]) {
    const value = median(samples.get(v.name)[what])
    const base = median(baseline[what])
    line({
      name: `${v.name}: ${what === "wall" ? "wall" : "CPU"} time (median of ${rounds}; baseline: tsx over the sources)`,
      unit: "ms",
      value,
      baseline: base,
      ratio: value / base,
      target: `< ${targetMs} ms`,
      ok: value < targetMs,
    })
  }
}
