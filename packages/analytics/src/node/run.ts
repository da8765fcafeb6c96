/**
 * The `aktivitet-report` command line as a function, so that tests run it
 * without a process: `run(argv, io)` resolves to the exit code.
 *
 * - 0: the report was written;
 * - 1: records or lines of a file that could be read are wrong (each named,
 *   in English / bokmål);
 * - 2: the command cannot run: wrong usage, or a file that is missing,
 *   unreadable, not JSON or of the wrong shape (one line naming the file and
 *   the line or JSON pointer), or an unexpected failure.
 *
 * Every line it prints passes through core's redaction, and no stack trace is
 * ever printed.
 *
 * @module
 */
import { Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { AnalyticsError, FileError } from "../internal/text.js"
import { DataFileError } from "../internal/yearTable.js"
import { buildReport, type Options } from "../Report.js"
import { parseArgs, usage, UsageError } from "./cliArgs.js"
import { loadDataset, readCapacity, readPopulation, readRecoveryCollege, readStatistics, reportText, writePlan, writeReport } from "./index.js"

/** Where the command writes. Each call is one line or block, without a final line break. */
export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

const report = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const args = parseArgs(argv)
  if (args.help) {
    io.stdout(usage.trimEnd())
    return 0
  }
  const dataset =
    args.source.kind === "data"
      ? await loadDataset(args.source.file)
      : generate({ seed: args.source.seed, citizens: args.source.citizens, ...(args.year === undefined ? {} : { year: args.year }) })
  const options: Options = {
    lang: args.lang,
    rule: args.rule,
    ...(args.year === undefined ? {} : { year: args.year }),
    ...(args.capacity === undefined ? {} : { capacity: await readCapacity(args.capacity) }),
    ...(args.statistics === undefined ? {} : { statistics: await readStatistics(args.statistics) }),
    ...(args.recoveryCollege === undefined ? {} : { recoveryCollege: await readRecoveryCollege(args.recoveryCollege) }),
    ...(args.population === undefined ? {} : { population: await readPopulation(args.population) })
  }
  const built = buildReport(dataset, options)
  if (args.plan !== undefined) await writePlan(built.plan, args.plan, args.lang)
  if (args.out === undefined) {
    io.stdout(reportText(built, args.format).trimEnd())
    io.stderr(built.summary)
  } else {
    await writeReport(built, args.out, args.format)
    io.stdout(`${built.summary}\n${args.lang === "nb" ? "Skrev" : "Wrote"} ${args.out}`)
  }
  return 0
}

// What a failure prints: the message (a DataFileError one problem a line, each
// in both languages), the usage after a usage error, nothing of a stack.
const explain = (e: unknown, io: Io): number => {
  if (e instanceof DataFileError) {
    io.stderr(`${e.problems.length} problem(s) in the data file / problem(er) i datafilen:`)
    for (const p of e.problems) io.stderr(`  ${p.file}:${p.line}, field/felt ${p.field}: ${p.message.en} / ${p.message.nb}`)
    return 1
  }
  if (e instanceof UsageError) {
    io.stderr(e.message)
    io.stderr(`\n${usage.trimEnd()}`)
    return 2
  }
  if (e instanceof FileError) {
    io.stderr(e.message)
    return 2
  }
  if (e instanceof AnalyticsError) {
    io.stderr(e.message)
    return 1
  }
  let what = "unknown"
  try {
    what = e instanceof Error ? `${e.name}: ${e.message}`.replace(/\s+/gu, " ") : typeof e
  } catch {
    what = typeof e
  }
  io.stderr(`aktivitet-report stopped on an unexpected error (${what}) / aktivitet-report stoppet på en uventet feil (${what})`)
  return 2
}

/**
 * Runs `aktivitet-report` with `argv` (the arguments after the command name).
 * @example
 * process.exitCode = await run(process.argv.slice(2), { stdout: (t) => process.stdout.write(`${t}\n`), stderr: (t) => process.stderr.write(`${t}\n`) })
 * @category outputs
 */
export const run = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const redacted: Io = { stdout: (t) => io.stdout(Redact.text(t)), stderr: (t) => io.stderr(Redact.text(t)) }
  try {
    return await report(argv, redacted)
  } catch (e) {
    return explain(e, redacted)
  }
}
