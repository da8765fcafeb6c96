// Loads a CSV export of 1,000,000 referral rows, half of them malformed (stray
// and unclosed quotes, impossible dates, missing cells, NUL bytes), through the
// public `loadCsvFile`, in a child process so that its peak memory is its own.
// Baseline: a tight hand-written pass over the same file — split lines and
// cells, check the cell count and the date — that keeps the same counts but
// builds no records and no messages. Prints one JSON line per measurement.
// Targets (issue "Hostile and messy exports"): under 30 s and under 1 GB.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const ROWS = 1_000_000
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 7))
const P = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

const write = (file: string) => {
  const bad = [
    (i: number) => `r-${i},${P},s-2,tur"gruppe,2024-01-08`,
    (i: number) => `r-${i},"${P},s-2,turgruppe,2024-01-08`,
    (i: number) => `r-${i},${P},s-2,turgruppe,2024-02-30`,
    (i: number) => `r-${i},${P},s-2`,
    (i: number) => `r-${i},${P},s-2,tur\0gruppe,2024-01-08`,
  ]
  const lines = ["id,citizenId,therapistId,offeringId,date"]
  for (let i = 0; i < ROWS; i++)
    lines.push(
      i % 2 === 0
        ? `r-${i},${P},s-2,turgruppe,2024-01-${String((i % 28) + 1).padStart(2, "0")}`
        : bad[(i >> 1) % bad.length]!(i),
    )
  writeFileSync(file, `${lines.join("\n")}\n`)
}

const child = async (mode: string, file: string) => {
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  let valid = 0
  let rejected = 0
  if (mode === "library") {
    const { loadCsvFile } = await import("@aktivitetsmodell/core/node")
    const r = await loadCsvFile("referrals", file)
    valid = r.valid.length
    rejected = r.rejected.length
  } else {
    const text = readFileSync(file, "utf8")
    const date = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u
    let start = text.indexOf("\n") + 1
    while (start < text.length) {
      let end = text.indexOf("\n", start)
      if (end < 0) end = text.length
      const cells = text.slice(start, end).split(",")
      const ok =
        cells.length === 5 &&
        !cells.some((c) => c.includes('"') || c.includes("\0")) &&
        date.test(cells[4]!) &&
        cells[4] !== "2024-02-30"
      if (ok) valid++
      else rejected++
      start = end + 1
    }
  }
  const cpu = process.cpuUsage(c0)
  process.stdout.write(
    JSON.stringify({
      valid,
      rejected,
      wallMs: performance.now() - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  )
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const main = () => {
  const file = join(mkdtempSync(join(tmpdir(), "messy-load-")), "referrals.csv")
  write(file)
  const self = fileURLToPath(import.meta.url)
  const run = (mode: string) => {
    const r = spawnSync(process.execPath, [...process.execArgv, self, "--child", mode, file], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    })
    if (r.status !== 0) throw new Error(r.stderr)
    return JSON.parse(r.stdout) as { valid: number; rejected: number; wallMs: number; cpuMs: number; maxRssMb: number }
  }
  const lib: Array<ReturnType<typeof run>> = []
  const base: Array<ReturnType<typeof run>> = []
  // Interleaved rounds: library, baseline, library, baseline, …
  for (let k = 0; k < ROUNDS; k++) {
    lib.push(run("library"))
    base.push(run("baseline"))
  }
  const [l, b] = [lib[0]!, base[0]!]
  if (l.valid + l.rejected !== ROWS || l.valid !== b.valid)
    throw new Error(`counts differ: ${JSON.stringify({ l, b })}`)
  const seconds = median(lib.map((r) => r.wallMs)) / 1000
  const baseSeconds = median(base.map((r) => r.wallMs)) / 1000
  const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o))
  line({
    name: "loadCsvFile 1M rows, half malformed: wall time",
    unit: "s",
    value: +seconds.toFixed(2),
    baseline: +baseSeconds.toFixed(2),
    ratio: +(seconds / baseSeconds).toFixed(2),
    target: "< 30",
    ok: seconds < 30,
    cpu: +(median(lib.map((r) => r.cpuMs)) / 1000).toFixed(2),
  })
  const rss = median(lib.map((r) => r.maxRssMb))
  const baseRss = median(base.map((r) => r.maxRssMb))
  line({
    name: "loadCsvFile 1M rows, half malformed: peak memory",
    unit: "MB",
    value: Math.round(rss),
    baseline: Math.round(baseRss),
    ratio: +(rss / baseRss).toFixed(2),
    target: "< 1024",
    ok: rss < 1024,
  })
}

if (process.argv[2] === "--child") await child(process.argv[3]!, process.argv[4]!)
else main()
