// `npm run demo`: generate a synthetic municipality-year, validate every
// record against the schemas and the invariants, and print counts by
// category and any violations.
import { Batch, Category, Dataset, Invariants } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const options = { seed: arg("seed", 1), year: arg("year", 2024), citizens: arg("citizens", 1500) }

const t0 = performance.now()
const year = generate(options)
const ms = performance.now() - t0
console.log(`Synthetic municipality-year ${options.year} (seed ${options.seed}, ${options.citizens} citizens) in ${ms.toFixed(0)} ms\n`)

let rejected = 0
for (const entity of Dataset.entityNames) {
  const result = Batch.decodeEntity(entity, year[entity])
  rejected += result.rejected.length
  if (result.rejected.length > 0) console.log(Batch.report(result))
}

const offerings = new Map(year.offerings.map((o) => [o.id, o]))
const rows = Category.all.map((category) => {
  const enrollments = year.enrollments.filter((e) => offerings.get(e.offeringId)?.category === category)
  const attendance = year.attendance.filter((a) => offerings.get(a.offeringId)?.category === category)
  return {
    category: Category.info[category].label.nb,
    offerings: year.offerings.filter((o) => o.category === category && o.status.kind !== "discontinued").length,
    citizens: new Set(enrollments.map((e) => e.citizenId)).size,
    enrollments: enrollments.length,
    attendances: attendance.length
  }
})
console.table(rows)
console.log("Records:", Dataset.counts(year))

const violations = Invariants.check(year)
console.log(`\nSchema rejections: ${rejected}. Invariant violations: ${violations.length}.`)
for (const v of violations.slice(0, 20)) console.log(`  ${v.code} at ${v.path}: ${v.message.nb}`)
if (rejected > 0 || violations.length > 0) process.exitCode = 1
