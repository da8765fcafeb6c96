// Timing whole processes for the start-up and demo benchmarks: wall time, and
// the CPU time (user + system) the process and its children used, read from
// this process's /proc/self/stat (children's times, in clock ticks of 10 ms)
// around each run. On a machine shared with others, CPU time moves less than
// wall time.
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"

const ticksPerSecond = 100

// Fields 16 and 17 of /proc/self/stat (cutime, cstime), counted after the ")" that ends the command name.
const childTicks = () => {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return Number(fields[13]) + Number(fields[14])
  } catch {
    return Number.NaN
  }
}

/** Runs `command` with `args` to its end: wall and CPU milliseconds, exit status and output. */
export const timeProcess = (command, args, options = {}) => {
  const ticks = childTicks()
  const t0 = performance.now()
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 28, ...options })
  const wall = performance.now() - t0
  const cpu = ((childTicks() - ticks) * 1000) / ticksPerSecond
  return { wall, cpu, status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export const round1 = (x) => Math.round(x * 10) / 10

/** Prints one line of the benchmarks' JSON shape, numbers rounded. */
export const line = ({ name, unit, value, baseline, ratio, target, ok }) =>
  console.log(
    JSON.stringify({
      name,
      unit,
      value: round1(value),
      baseline: baseline === null ? null : round1(baseline),
      ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
      target,
      ok,
    }),
  )

/**
 * Interleaved in-process rounds: each pass runs three times outside the
 * clock, then once per round in turn (A, B, A, B…). Returns each pass's
 * rates, items per second by wall and by CPU time, one per round.
 */
export const interleavedRates = (passes, rounds, items) => {
  const samples = new Map(passes.map(([name]) => [name, { wall: [], cpu: [] }]))
  for (const [, pass] of passes) for (let i = 0; i < 3; i++) pass()
  for (let round = 0; round < rounds; round++) {
    for (const [name, pass] of passes) {
      const cpu = process.cpuUsage()
      const start = performance.now()
      pass()
      const wall = (performance.now() - start) / 1000
      const used = process.cpuUsage(cpu)
      samples.get(name).wall.push(items / wall)
      samples.get(name).cpu.push(items / ((used.user + used.system) / 1e6))
    }
  }
  return samples
}
