// `npm run demo:national`: a synthetic country. Plans 356 municipalities of
// different sizes, generates each one's year, writes them as one Parquet
// folder partitioned by year and municipality, reads that folder with DuckDB,
// computes every indicator by municipality and for the whole country,
// publishes the tables together under the policy's disclosure profile, and
// checks the publication with the audit, then writes the activity report of
// the whole country from the same folder. Long steps show a progress bar.
//
// Options: --municipalities N (356), --citizens N (100000, all of them),
// --seed N (1), --year YYYY (2024), --out DIR (out/national), --lang nb|en.
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import {
  Audit,
  Export,
  type Indicator,
  Indicators,
  Profile,
  Provenance,
  Publish,
  Tables,
} from "@aktivitetsmodell/analytics"
import { DuckDb, DuckDbIndicators, DuckDbReport } from "@aktivitetsmodell/analytics/duckdb"
import { generate, municipalities } from "@aktivitetsmodell/core/synthetic"
import { InForce, PolicyTree } from "@aktivitetsmodell/rules"
import { loadTreeOrThrow, shippedPolicyDir } from "@aktivitetsmodell/rules/node"
import { progress } from "./progress.js"

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback
}
const count = Number(arg("municipalities", "356"))
const citizens = Number(arg("citizens", "100000"))
const seed = Number(arg("seed", "1"))
const year = Number(arg("year", "2024"))
const out = arg("out", "out/national")
const lang = arg("lang", "nb") === "en" ? "en" : "nb"
const say = (nb: string, en: string) => console.log(lang === "nb" ? nb : en)
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1)

const tree = loadTreeOrThrow(shippedPolicyDir(), { cases: false })
const policy = InForce.policy(tree)
const period = { from: `${year}-01-01`, to: `${year}-12-31` }

// 1. The country, one municipality at a time: only its tables are kept.
let t0 = performance.now()
const plan = municipalities({ count, citizens, seed })
const bar = progress(plan.length, lang === "nb" ? "Genererer kommuner" : "Generating municipalities")
const parts = plan.map((m) => {
  const dataset = generate({ policy, seed: m.seed, year, citizens: m.citizens, municipality: m.municipality })
  bar.tick()
  return Tables.fromDataset(dataset, { policy, period })
})
const country = Tables.combine(parts)
const sizes = plan.map((m) => m.citizens).sort((a, b) => a - b)
say(
  `1. ${plan.length} syntetiske kommuner, ${citizens} innbyggere (minst ${sizes[0]}, median ${sizes[Math.floor(sizes.length / 2)]}, størst ${sizes.at(-1)}), ${country.attendance.numRows()} oppmøterader: ${seconds(t0)} s`,
  `1. ${plan.length} synthetic municipalities, ${citizens} citizens (smallest ${sizes[0]}, median ${sizes[Math.floor(sizes.length / 2)]}, largest ${sizes.at(-1)}), ${country.attendance.numRows()} attendance rows: ${seconds(t0)} s`,
)

// 2. Parquet, by year and municipality (docs/scale.md).
t0 = performance.now()
const folder = join(out, "parquet")
rmSync(folder, { recursive: true, force: true })
await DuckDb.writeTables(country, folder)
say(`2. Parquet skrevet til ${folder}: ${seconds(t0)} s`, `2. Parquet written to ${folder}: ${seconds(t0)} s`)

// 3. Every indicator on DuckDB, from the files: by municipality, and over the country.
t0 = performance.now()
const engine = await DuckDb.open()
const results: Array<Indicator.Result> = []
try {
  await engine.attach(folder, { period })
  const tables = await DuckDbIndicators.tablesOf(engine, { year, policy })
  const running = progress(Indicators.all.length, lang === "nb" ? "Indikatorer på DuckDB" : "Indicators on DuckDB")
  for (const indicator of Indicators.all) {
    results.push(await DuckDbIndicators.compute(engine, tables, indicator, { by: ["municipality"], margins: true }))
    running.tick()
  }
} finally {
  engine.close()
}
say(
  `3. ${results.length} indikatorer per kommune på DuckDB: ${seconds(t0)} s`,
  `3. ${results.length} indicators by municipality on DuckDB: ${seconds(t0)} s`,
)

// 4. One publication: the policy's strict profile, small counts hidden and
//    secondary cells hidden so that none can be worked out from the totals.
t0 = performance.now()
const profile = Profile.strictFrom(policy, period.to)
const publication = Publish.publishAll(results, { profile })
const provenance = Provenance.make(period, {
  source: lang === "nb" ? "syntetisk land" : "synthetic country",
  synthetic: true,
  policyHash: PolicyTree.hash(tree),
})
const csv = Export.tidy(publication.tables, provenance).toCSV()
mkdirSync(out, { recursive: true })
writeFileSync(join(out, "kommuner.csv"), csv)
const hidden = publication.tables.reduce((n, p) => n + p.hidden.primary + p.hidden.secondary, 0)
say(
  `4. Publisert med profil ${Profile.label(profile)}: ${hidden} celler skjermet; ${join(out, "kommuner.csv")}: ${seconds(t0)} s`,
  `4. Published with profile ${Profile.label(profile)}: ${hidden} cells suppressed; ${join(out, "kommuner.csv")}: ${seconds(t0)} s`,
)

// 5. The audit reads the file back and tries to work out any small count.
t0 = performance.now()
const audit = Audit.run([Audit.read(csv, "kommuner.csv")])
say(
  `5. Revisjon av filen: ${audit.findings.length} små tall kan regnes ut: ${seconds(t0)} s`,
  `5. Audit of the file: ${audit.findings.length} small counts can be worked out: ${seconds(t0)} s`,
)
// 6. The activity report of the whole country from the same folder, every
//    indicator on DuckDB, with the same suppression and outputs as a
//    municipality's report.
t0 = performance.now()
const report = await DuckDbReport.fromFolder(folder, {
  policy,
  year,
  lang,
  synthetic: true,
  source: lang === "nb" ? "syntetisk land" : "synthetic country",
  policyHash: PolicyTree.hash(tree),
  title:
    lang === "nb" ? `Aktivitet i ${plan.length} kommuner ${year}` : `Activity in ${plan.length} municipalities ${year}`,
})
writeFileSync(join(out, "report.html"), report.html)
say(
  `6. Rapport for hele landet på DuckDB: ${join(out, "report.html")}: ${seconds(t0)} s`,
  `6. Report for the whole country on DuckDB: ${join(out, "report.html")}: ${seconds(t0)} s`,
)
console.log(Provenance.line(provenance, lang))
if (audit.findings.length > 0) process.exitCode = 1
