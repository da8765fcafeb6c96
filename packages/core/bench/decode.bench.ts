// Decodes 100,000 enrollment records with the Effect schema and, in the same
// run, with a hand-written validator of the same fields (the baseline).
// Prints one JSON line per measurement: {"name","unit","value","baseline","ratio"}.
import { Result, Schema } from "effect"
import { Enrollment } from "@aktivitetsmodell/core"

const N = 100_000
const ROUNDS = 5

const hex = (i: number) => (i * 2654435761 >>> 0).toString(16).padStart(8, "0").repeat(4)
const day = (i: number) => `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`
const records: Array<Record<string, unknown>> = Array.from({ length: N }, (_, i) => ({
  id: `n-${i}`,
  citizenId: hex(i),
  offeringId: i % 3 === 0 ? "individuell-trening-mudo" : "sandneshallen",
  start: day(i),
  ...(i % 3 === 0 ? { end: day(i + 1), referralId: `r-${i}` } : {}),
  ...(i % 5 === 0 ? { cohort: "2024-03" } : {}),
  status: (["ongoing", "completed", "withdrawn"] as const)[i % 3],
  ...(i % 3 === 1 ? { closedOn: day(i + 2) } : {})
}))

// The hand-written validator checks exactly what the schema checks.
const recordId = /^[A-Za-z0-9_.:-]{1,64}$/u
const pseudonym = /^[0-9a-f]{32}$/u
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/u
const cohort = /^\d{4}-(0[1-9]|1[0-2])$/u
const keys = new Set(["id", "citizenId", "offeringId", "start", "end", "referralId", "cohort", "status", "closedOn"])
const isDate = (v: unknown) => {
  if (typeof v !== "string") return false
  const m = datePattern.exec(v)
  if (m === null) return false
  const mo = Number(m[2])
  const d = Number(m[3])
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(Number(m[1]), mo, 0)).getUTCDate()
}
const handWritten = (r: Record<string, unknown>): boolean => {
  for (const k in r) if (!keys.has(k)) return false
  return (
    typeof r.id === "string" && recordId.test(r.id) &&
    typeof r.citizenId === "string" && pseudonym.test(r.citizenId) &&
    typeof r.offeringId === "string" && slug.test(r.offeringId) &&
    isDate(r.start) &&
    (r.end === undefined || isDate(r.end)) &&
    (r.referralId === undefined || (typeof r.referralId === "string" && recordId.test(r.referralId))) &&
    (r.cohort === undefined || (typeof r.cohort === "string" && cohort.test(r.cohort))) &&
    (r.status === "ongoing" || r.status === "completed" || r.status === "withdrawn") &&
    (r.closedOn === undefined || isDate(r.closedOn))
  )
}

const decode = Schema.decodeUnknownResult(Enrollment.Enrollment)
const effect = (r: unknown) => Result.isSuccess(decode(r, { onExcessProperty: "error" }))

const measure = (f: (r: Record<string, unknown>) => boolean): number => {
  let best = Infinity
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now()
    let ok = 0
    for (const r of records) if (f(r)) ok++
    const ms = performance.now() - t0
    if (ok !== N) throw new Error(`only ${ok} of ${N} records decoded`)
    best = Math.min(best, ms)
  }
  return N / (best / 1000)
}

measure(effect) // warm up both paths before timing
measure(handWritten)
const baseline = measure(handWritten)
const value = measure(effect)
const line = (name: string, v: number, b: number) =>
  console.log(JSON.stringify({ name, unit: "records/s", value: Math.round(v), baseline: Math.round(b), ratio: Number((v / b).toFixed(3)) }))
line("core/decode-enrollment-effect-schema", value, baseline)
line("core/decode-enrollment-hand-written", baseline, baseline)
