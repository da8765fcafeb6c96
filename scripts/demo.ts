// `npm run demo`: the main job. Generates a synthetic municipality-year,
// validates every record (schemas and invariants, with the limits in force
// from the rule files), evaluates the policy for every subject the year
// gives, computes the evaluation indicators and writes out/report.html with a
// console summary.
import { mkdirSync } from "node:fs"
import { buildReport } from "@aktivitetsmodell/analytics"
import { packageVersions, readStatistics, writeReport } from "@aktivitetsmodell/analytics/node"
import { Batch, Category, Dataset, Invariants } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { Compile, DatasetSubjects, InForce, PolicyTree } from "@aktivitetsmodell/rules"
import { loadTreeOrThrow, shippedPolicyDir } from "@aktivitetsmodell/rules/node"

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback
}
const options = {
  seed: Number(arg("seed", "1")),
  year: Number(arg("year", "2024")),
  citizens: Number(arg("citizens", "1500")),
}
const lang = arg("lang", "nb") === "en" ? "en" : "nb"
const out = arg("out", "out/report.html")
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now()
  const v = f()
  return [v, performance.now() - t0]
}

// The policy tree: every number of the model (limits, thresholds, the
// disclosure range) is a dated parameter there. The demo decides but runs no
// cases, so the case files are left unread.
const tree = loadTreeOrThrow(shippedPolicyDir(), { cases: false })
const policy = InForce.policy(tree)

// 1. The year.
const [year, genMs] = timed(() => generate({ ...options, policy }))
console.log(
  `1. Syntetisk kommuneår ${options.year} (seed ${options.seed}, ${options.citizens} innbyggere): ${genMs.toFixed(0)} ms`,
)

// 2. Validation: every record against its schema, the year against the
//    invariants; each value is chosen by its parameter's dating rule (an
//    enrollment is held to the limits of its own first day).
let rejected = 0
for (const entity of Dataset.entityNames) {
  const result = Batch.decodeEntity(entity, year[entity])
  rejected += result.rejected.length
  if (result.rejected.length > 0) console.log(Batch.report(result, "nb"))
}
const violations = Invariants.check(year, { policy })
console.log(`2. Validering: ${rejected} avviste poster, ${violations.length} regelbrudd`)
for (const v of violations.slice(0, 10)) console.log(`   ${v.code} ${v.path}: ${v.message.nb}`)

// 3. The rules: every subject the year gives, on its own date, through the compiled fast path.
const program = Compile.forTree(tree)
const [outcomes, rulesMs] = timed(() => {
  const counts = new Map<string, number>()
  const items = DatasetSubjects.of(year, policy)
  for (const item of items) {
    for (const o of program.outcomes(item.subject, item.date)) {
      if (o.outcome === undefined) continue
      const key = `${o.rule} → ${o.outcome.type}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return { items: items.length, counts }
})
console.log(`3. Regler: ${outcomes.items} vurderinger på ${rulesMs.toFixed(0)} ms. Eskaleringer:`)
for (const [key, n] of [...outcomes.counts]
  .filter(([k]) => k.startsWith("escalation/") && k.endsWith("escalate"))
  .sort()) {
  console.log(`   ${key}: ${n}`)
}

// 4. Counts by category, then the indicators and the report. The table
//    counts records; the report counts people who came in the period: the
//    line above it says which is which, so the two are not compared as one.
const offerings = new Map(year.offerings.map((o) => [o.id, o]))
console.log(
  "   innbyggere: ulike innbyggere med minst én deltakelse (påmelding) i kategorien, også fra før året; rapportens «deltakere» er de som møtte minst én gang i perioden",
)
console.table(
  Category.all.map((category) => {
    const enrollments = year.enrollments.filter((e) => offerings.get(e.offeringId)?.category === category)
    return {
      kategori: Category.info[category].label.nb,
      tilbud: year.offerings.filter((o) => o.category === category && o.status.kind !== "discontinued").length,
      innbyggere: new Set(enrollments.map((e) => e.citizenId)).size,
      deltagelser: enrollments.length,
      oppmøter: year.attendance.filter((a) => offerings.get(a.offeringId)?.category === category).length,
    }
  }),
)
// The service statistics 2017–2021 from «Resultatvurdering Mestringsenheten 2021, med Jæren Recovery College» ship with the examples.
const statistics = await readStatistics("examples/data/service-statistics-2017-2021.csv")
// Every page of the report says the year is synthetic, with the policy's fingerprint and the versions.
const provenance = {
  synthetic: true,
  source:
    lang === "nb"
      ? `generert med frø ${options.seed}, ${options.citizens} innbyggere`
      : `generated with seed ${options.seed}, ${options.citizens} citizens`,
  versions: packageVersions(),
  policyHash: PolicyTree.hash(tree),
}
const [report, reportMs] = timed(() =>
  buildReport(year, { policy, lang, year: options.year, statistics, ...provenance }),
)
mkdirSync(out.slice(0, Math.max(0, out.lastIndexOf("/"))) || ".", { recursive: true })
const written = await writeReport(report, out)
console.log(`4. Indikatorer og rapport: ${reportMs.toFixed(0)} ms\n`)
console.log(report.summary)
console.log(`\nRapporten er skrevet til ${written}`)
if (rejected > 0 || violations.length > 0) process.exitCode = 1
