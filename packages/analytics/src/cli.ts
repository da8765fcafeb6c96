#!/usr/bin/env node
// aktivitet-report: build the activity report of a municipality-year and
// write it as HTML, Markdown, CSV or JSON. See `aktivitet-report --help`.
import { readFile } from "node:fs/promises"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { AnalyticsError } from "./internal/text.js"
import { buildReport, type Options } from "./Report.js"
import { parseArgs, usage } from "./node/cliArgs.js"
import { loadDataset, readPopulation, readRecoveryCollege, readStatistics, reportText, writePlan, writeReport } from "./node/index.js"

const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const args = parseArgs(argv)
  if (args.help) {
    process.stdout.write(usage)
    return 0
  }
  const dataset =
    args.source.kind === "data"
      ? await loadDataset(args.source.file)
      : generate({ seed: args.source.seed, citizens: args.source.citizens, ...(args.year === undefined ? {} : { year: args.year }) })
  const capacity = args.capacity === undefined ? undefined : (JSON.parse(await readFile(args.capacity, "utf8")) as Record<string, number>)
  const options: Options = {
    lang: args.lang,
    rule: args.rule,
    ...(args.year === undefined ? {} : { year: args.year }),
    ...(capacity === undefined ? {} : { capacity }),
    ...(args.statistics === undefined ? {} : { statistics: await readStatistics(args.statistics) }),
    ...(args.recoveryCollege === undefined ? {} : { recoveryCollege: await readRecoveryCollege(args.recoveryCollege) }),
    ...(args.population === undefined ? {} : { population: await readPopulation(args.population) })
  }
  const report = buildReport(dataset, options)
  if (args.plan !== undefined) await writePlan(report.plan, args.plan, args.lang)
  if (args.out === undefined) {
    process.stdout.write(reportText(report, args.format))
    process.stderr.write(`${report.summary}\n`)
  } else {
    await writeReport(report, args.out, args.format)
    process.stdout.write(`${report.summary}\n${args.lang === "nb" ? "Skrev" : "Wrote"} ${args.out}\n`)
  }
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof AnalyticsError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    if (e instanceof AnalyticsError && /--|Give|Unknown option|Unknown argument/u.test(e.message)) process.stderr.write(`\n${usage}`)
    process.exitCode = e instanceof AnalyticsError ? 1 : 2
  }
)
