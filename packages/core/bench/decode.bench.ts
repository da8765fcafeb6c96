// Decodes 100,000 enrollment records through the public `Batch.decode` (valid
// records out, rejected records with their problems) and, interleaved in the
// same run, through a tight hand-written validator of the same fields that
// builds the same output array and no more: no Date objects, no capture
// groups, one pass over the keys. Input order is the generation order below.
// Prints one JSON line per measurement:
// {"name","unit","value","baseline","ratio","target","ok"} (+ cpu figures).
// Target (issue "Fast on the paths users call"): ≥ 500,000 records/s and
// ≥ 0.4 of the tight validator.
import { Batch, Enrollment } from "@aktivitetsmodell/core"

const N = 100_000
const ROUNDS = Math.max(7, Number(process.env.BENCH_ROUNDS ?? 9))

const hex = (i: number) => ((i * 2654435761) >>> 0).toString(16).padStart(8, "0").repeat(4)
const day = (i: number) => `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`
const records: Array<Record<string, unknown>> = Array.from({ length: N }, (_, i) => ({
  id: `n-${i}`,
  citizenId: hex(i),
  offeringId: i % 3 === 0 ? "individuell-trening-mudo" : "sandneshallen",
  start: day(i),
  ...(i % 3 === 0 ? { end: day(i + 1), referralId: `r-${i}` } : {}),
  ...(i % 5 === 0 ? { cohort: "2024-03" } : {}),
  status: (["ongoing", "completed", "withdrawn"] as const)[i % 3],
  ...(i % 3 === 1 ? { closedOn: day(i + 2) } : {}),
}))

// The tight validator checks exactly what the schema checks.
const recordId = /^[A-Za-z0-9_.:-]{1,64}$/u
const pseudonym = /^[0-9a-f]{32}$/u
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u
const datePattern = /^\d{4}-\d{2}-\d{2}$/u
const cohort = /^\d{4}-(0[1-9]|1[0-2])$/u
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const keys = new Set(["id", "citizenId", "offeringId", "start", "end", "referralId", "cohort", "status", "closedOn"])
const isDate = (v: unknown): v is string => {
  if (typeof v !== "string" || !datePattern.test(v)) return false
  const y = +v.slice(0, 4)
  const mo = +v.slice(5, 7)
  const d = +v.slice(8, 10)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : monthDays[mo - 1]!)
}
const tight = (rs: ReadonlyArray<Record<string, unknown>>) => {
  const valid: Array<Record<string, unknown>> = []
  for (const r of rs) {
    let ok = true
    for (const k of Object.keys(r)) if (!keys.has(k)) ok = false
    ok &&=
      typeof r.id === "string" &&
      recordId.test(r.id) &&
      typeof r.citizenId === "string" &&
      pseudonym.test(r.citizenId) &&
      typeof r.offeringId === "string" &&
      slug.test(r.offeringId) &&
      isDate(r.start) &&
      (r.end === undefined || isDate(r.end)) &&
      (r.referralId === undefined || (typeof r.referralId === "string" && recordId.test(r.referralId))) &&
      (r.cohort === undefined || (typeof r.cohort === "string" && cohort.test(r.cohort))) &&
      (r.status === "ongoing" || r.status === "completed" || r.status === "withdrawn") &&
      (r.closedOn === undefined || isDate(r.closedOn))
    if (ok) valid.push({ ...r })
  }
  return valid
}
const library = (rs: ReadonlyArray<Record<string, unknown>>) => Batch.decode(Enrollment.Enrollment, rs).valid

const time = (f: (rs: ReadonlyArray<Record<string, unknown>>) => ReadonlyArray<unknown>) => {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const out = f(records)
  const wall = performance.now() - t0
  const cpu = process.cpuUsage(c0)
  if (out.length !== N) throw new Error(`only ${out.length} of ${N} records decoded`)
  return { wall, cpu: (cpu.user + cpu.system) / 1000 }
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
time(library) // warm both paths up before timing
time(tight)
const lib: Array<{ wall: number; cpu: number }> = []
const base: Array<{ wall: number; cpu: number }> = []
for (let k = 0; k < ROUNDS; k++) {
  lib.push(time(library))
  base.push(time(tight))
}
const rate = (ms: number) => Math.round(N / (ms / 1000))
const value = rate(median(lib.map((r) => r.wall)))
const baseline = rate(median(base.map((r) => r.wall)))
const ratio = Number((value / baseline).toFixed(3))
console.log(
  JSON.stringify({
    name: "core/Batch.decode enrollments",
    unit: "records/s",
    value,
    baseline,
    ratio,
    target: ">= 500000 and >= 0.4 of the tight validator",
    ok: value >= 500_000 && ratio >= 0.4,
    cpuValue: rate(median(lib.map((r) => r.cpu))),
    cpuBaseline: rate(median(base.map((r) => r.cpu))),
  }),
)
