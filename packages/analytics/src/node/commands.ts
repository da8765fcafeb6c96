/**
 * What `aktivitet-report` does once its arguments are read: build, audit and
 * write a report, or audit published files. Loaded by `run()` (./run.ts)
 * only then, so that `--help` and a usage error load none of the report.
 * Each command answers every failure itself with an exit code (see run.ts).
 *
 * @module
 */
import { dirname, join } from "node:path"
import type { Dataset, Policy } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { type Layout, tableLayout } from "../duckdb/layout.js"
import { chooseEngine } from "../internal/engineChoice.js"
import { MissingResult } from "../internal/resultSource.js"
import { AnalyticsError, type Bilingual, FileError, fileName, type Lang } from "../internal/text.js"
import { DataFileError, type Problem, type ReadResult } from "../internal/yearTable.js"
import * as Rejected from "../outputs/Rejected.js"
import * as Audit from "../privacy/Audit.js"
import type { Profile } from "../privacy/Profile.js"
import * as RecoveryCollege from "../RecoveryCollege.js"
import { buildReport, type Options, type Report } from "../Report.js"
import * as ServiceStatistics from "../ServiceStatistics.js"
import * as Tables from "../Tables.js"
import { rangeUsage } from "./auditUsage.js"
import { type AuditOptions, type CliOptions, type ExportOptions, UsageError } from "./cliArgs.js"
import { readDatasetText } from "./dataset.js"
import { readText, writeText } from "./files.js"
import {
  auditFiles,
  auditReport,
  loadExportFolder,
  loadProfile,
  readCapacity,
  reportText,
  writePlan,
  writeReport,
} from "./index.js"
import { type CheckedInput, checkInput, lineOf, RecordsError, rejectedEntries } from "./inputCheck.js"
import { inputExit, lostInput } from "./inputExit.js"
import { withInput } from "./inputReport.js"
import { type Io, internalError, usageFailure } from "./io.js"
import { packageVersions, policyWithHash, sourceOf } from "./provenance.js"

// Names that must appear in no output: one a line, blank lines and "#" comments left out.
const readNames = async (file: string): Promise<Array<string>> =>
  (await readText(file))
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))

const profileOf = (args: CliOptions, date: string): Profile => {
  const p = loadProfile(args.profile, date, args.policy)
  const o = args.overrides
  if (p.name === "strict") return { name: "strict", min: o.min ?? p.min, max: o.max ?? p.max }
  if (p.name === "ssb") return { name: "ssb", maxN: o.maxN ?? p.maxN }
  return { name: "rounding", base: o.base ?? p.base }
}

const findingLines = (findings: ReadonlyArray<Audit.Finding>, lang: Lang): Array<string> => {
  const shown = findings.slice(0, 20).map((f) => `  ${Audit.describe(f, lang)}`)
  return findings.length > 20
    ? [...shown, lang === "nb" ? `  … og ${findings.length - 20} til` : `  … and ${findings.length - 20} more`]
    : shown
}

/**
 * What the command prints, and why it writes nothing, when the audit of a
 * report finds a count in the small range: null when it finds none.
 * @example
 * refusal(auditReport(report), "nb") // null
 * @category outputs
 */
export const refusal = (audit: Audit.Result, lang: Lang): Array<string> | null => {
  if (audit.findings.length === 0) return null
  const [low, high] = audit.range
  return [
    `The report was not written: ${audit.findings.length} count(s) of ${low}–${high} people can be read or worked out from it / ` +
      `Rapporten ble ikke skrevet: ${audit.findings.length} tall for ${low}–${high} personer kan leses eller regnes ut av den`,
    ...findingLines(audit.findings, lang),
  ]
}

/** Rows of the report's own data files (statistics, Recovery College) that were left out. */
type LeftOut = Array<Problem>

/**
 * A data file the report reads row by row: the report uses the valid rows,
 * and each rejected row is named on stderr, in the report's language, as
 * `file:line: field: message`. With `--stop-on-violations` a rejected row
 * stops the command instead, as a wrong record does (exit code 1, no report).
 */
const readRowsOf = async <T>(
  file: string,
  read: (text: string, file: string) => ReadResult<T>,
  args: Pick<CliOptions, "lang" | "stopOnViolations">,
  io: Io,
  left: LeftOut,
): Promise<T> => {
  const { value, rejected } = read(await readText(file), file)
  if (rejected.length === 0) return value
  if (args.stopOnViolations) throw new DataFileError(rejected)
  for (const p of rejected) io.stderr(`${fileName(p.file)}:${p.line}: ${p.field}: ${p.message[args.lang]}`)
  left.push(...rejected)
  return value
}

// A report written without some rows of its data files ends with 1, and says so once more.
const withLeftOut = (code: number, left: LeftOut, lang: Lang, io: Io): number => {
  if (code !== 0 || left.length === 0) return code
  const lines = new Set(left.map((p) => `${p.file}\u0000${p.line}`)).size
  io.stderr(
    lang === "nb"
      ? `Rapporten er laget uten ${lines} linje(r) fra datafilene, nevnt over`
      : `The report was made without ${lines} line(s) of the data files, named above`,
  )
  return 1
}

// The options every report takes from the command line, whatever it is built from;
// the rows its data files left out go to `left`.
const reportOptions = async (
  args: CliOptions,
  policy: Policy.Policy,
  policyHash: string,
  year: number,
  named: string | undefined,
  io: Io,
  left: LeftOut,
): Promise<Options> => ({
  policy,
  lang: args.lang,
  // The profile's numbers in force on the last day of the reported year.
  profile: profileOf(args, `${year}-12-31`),
  ...(args.names === undefined ? {} : { names: await readNames(args.names) }),
  ...(args.year === undefined ? {} : { year: args.year }),
  ...(args.statistics === undefined
    ? {}
    : { statistics: await readRowsOf(args.statistics, ServiceStatistics.read, args, io, left) }),
  ...(args.recoveryCollege === undefined
    ? {}
    : { recoveryCollege: await readRowsOf(args.recoveryCollege, RecoveryCollege.read, args, io, left) }),
  ...(args.population === undefined
    ? {}
    : { population: await readRowsOf(args.population, RecoveryCollege.readPopulation, args, io, left) }),
  ...sourceOf(args, args.lang, named),
  versions: packageVersions(),
  policyHash,
})

const report = async (args: CliOptions, io: Io): Promise<number> => {
  const { policy, policyHash } = policyWithHash(args.policy)
  if (args.source.kind === "folder") {
    const layout = tableLayout(args.source.dir)
    if (layout !== undefined) return await reportOfTables(args, args.source.dir, layout, policy, policyHash, io)
  }
  // rejected.csv goes beside the report unless named; with neither, it is not written.
  const rejectedFile = args.rejected ?? (args.out === undefined ? undefined : join(dirname(args.out), "rejected.csv"))
  const { dataset, section, source: named, missing } = await recordsOf(args, policy, rejectedFile)
  const left: LeftOut = []
  const options: Options = {
    ...(await reportOptions(args, policy, policyHash, args.year ?? dataset.year, named, io, left)),
    ...(args.capacity === undefined ? {} : { capacity: await readCapacity(args.capacity) }),
    ...(missing === undefined ? {} : { missing }),
  }
  const engine = await chooseEngine(args.engine, dataset.attendance.length, duckDbInstalled)
  const entry = engine === "duckdb" ? await duckDbEntry(engineNeeds) : undefined
  if (entry !== undefined) onDuckDb(args.lang, io)
  const report = entry === undefined ? buildReport(dataset, options) : await entry.DuckDbReport.build(dataset, options)
  const built = section === undefined ? report : withInput(report, section, options.names)
  const code = await publish(built, args, io)
  if (code === 0 && section !== undefined && rejectedFile !== undefined)
    // Every finding with its line and message: for the analyst, never for publication (docs/cli.md).
    io.stdout(
      args.lang === "nb"
        ? `Skrev ${rejectedFile} (intern, for analytikeren: skal ikke publiseres)`
        : `Wrote ${rejectedFile} (internal, for the analyst: not to be published)`,
    )
  // Written without some records: 1, as without some rows of the data files.
  const lost = code === 0 ? inputExit(section, args.lang, io) : 0
  return Math.max(withLeftOut(code, left, args.lang, io), lost)
}

// A folder of tables (export's layout): no records to check, every indicator on DuckDB.
const reportOfTables = async (
  args: CliOptions,
  dir: string,
  layout: Layout,
  policy: Policy.Policy,
  policyHash: string,
  io: Io,
): Promise<number> => {
  const at = fileName(dir)
  if (args.engine === "arquero")
    throw new FileError(dir, {
      nb: `${at}: en mappe med tabeller (attendance/ …) leses med --engine duckdb eller auto, ikke arquero`,
      en: `${at}: a folder of tables (attendance/ …) is read with --engine duckdb or auto, not arquero`,
    })
  if (args.capacity !== undefined)
    throw new FileError(args.capacity, {
      nb: `${fileName(args.capacity)}: --capacity gjelder ikke en mappe med tabeller; kapasiteten står i ${at}/offerings`,
      en: `${fileName(args.capacity)}: --capacity does not apply to a folder of tables; the capacity is in ${at}/offerings`,
    })
  const year =
    args.year ??
    (layout.years.length === 1
      ? layout.years[0]!
      : fail(dir, {
          nb: `${at}: ${layout.years.length === 0 ? "tabellene viser ikke året" : `tabellene har årene ${layout.years.join(", ")}`}; velg ett med --year`,
          en: `${at}: ${layout.years.length === 0 ? "the tables do not show their year" : `the tables hold the years ${layout.years.join(", ")}`}; choose one with --year`,
        }))
  const left: LeftOut = []
  const options = {
    ...(await reportOptions(args, policy, policyHash, year, undefined, io, left)),
    year,
    format: layout.format,
  }
  const entry = await duckDbEntry(engineNeeds)
  onDuckDb(args.lang, io)
  let built: Report
  try {
    built = await entry.DuckDbReport.fromFolder(dir, options)
  } catch (e) {
    // What DuckDB could not read (a missing table, a wrong column) is the folder's fault: exit 2, naming it.
    if (e instanceof AnalyticsError && !(e instanceof FileError) && !(e instanceof MissingResult))
      throw new FileError(dir, {
        nb: `${at}: ${e.text.nb}; se docs/scale.md for mappene og kolonnene`,
        en: `${at}: ${e.text.en}; see docs/scale.md for the folders and columns`,
      })
    throw e
  }
  return withLeftOut(await publish(built, args, io), left, args.lang, io)
}

// Said on stderr (never in the report, which is the same on either engine), so that a user sees what --engine auto chose.
const onDuckDb = (lang: Lang, io: Io): void =>
  io.stderr(lang === "nb" ? "Indikatorene regnes ut med DuckDB" : "The indicators are computed on DuckDB")

const fail = (file: string, text: Bilingual): never => {
  throw new FileError(file, text)
}

// Audits a built report, then writes it where the arguments say.
const publish = async (built: Report, args: CliOptions, io: Io): Promise<number> => {
  // The audit of its own output, before anything is written.
  const refused = refusal(auditReport(built), args.lang)
  if (refused !== null) {
    for (const line of refused) io.stderr(line)
    return 3
  }
  if (args.plan !== undefined) await writePlan(built.plan, args.plan, args.lang, built.provenance)
  if (args.out === undefined) {
    io.stdout(reportText(built, args.format).trimEnd())
    io.stderr(built.summary)
  } else {
    await writeReport(built, args.out, args.format)
    io.stdout(`${built.summary}\n${args.lang === "nb" ? "Skrev" : "Wrote"} ${args.out}`)
  }
  return 0
}

/** What reading records needs to know of the command line. */
type ReadArgs = Pick<CliOptions, "source" | "year" | "lang" | "stopOnViolations">

/** The records a command reads: a generated year, or a folder or dataset file checked by readInput. */
const recordsOf = async (
  args: ReadArgs,
  policy: Policy.Policy,
  rejectedFile: string | undefined,
): Promise<{
  readonly dataset: Dataset.Dataset
  readonly section?: Rejected.Section
  readonly source?: string
  readonly missing?: CheckedInput["missing"]
}> => {
  const source = args.source
  if (source.kind !== "synthetic") return await readInput(source, args, policy, rejectedFile)
  const dataset = generate({
    policy,
    seed: source.seed,
    citizens: source.citizens,
    ...(args.year === undefined ? {} : { year: args.year }),
  })
  return { dataset }
}

/**
 * The records of a folder or a dataset file, checked before any indicator:
 * rejected records and broken rules go to rejected.csv (when it has a
 * place), and stop the command when asked to (or, for a dataset file, when a
 * record is rejected).
 */
const readInput = async (
  source: Exclude<CliOptions["source"], { kind: "synthetic" }>,
  args: ReadArgs,
  policy: Policy.Policy,
  rejectedFile: string | undefined,
): Promise<CheckedInput> => {
  const write = (section: Rejected.Section) =>
    rejectedFile === undefined ? undefined : writeText(rejectedFile, Rejected.toCsv(section, args.lang))
  let checked: CheckedInput
  if (source.kind === "folder") {
    checked = await loadExportFolder(source.dir, { policy, ...(args.year === undefined ? {} : { year: args.year }) })
  } else {
    const { year, municipality, reads, source: named } = readDatasetText(await readText(source.file), source.file)
    // A dataset file with a wrong record is refused, as before: a report from half its records would mislead.
    const rejected = rejectedEntries(reads)
    if (rejected.length > 0) {
      await write({ files: [], entries: rejected })
      throw new RecordsError(rejected)
    }
    const input = checkInput(year, reads, policy)
    checked = {
      ...input,
      // The file's municipality number goes with its year (the Parquet layout's municipality= level).
      ...(municipality === undefined ? {} : { dataset: { ...input.dataset, municipality } }),
      ...(named === undefined ? {} : { source: named }),
    }
  }
  await write(checked.section)
  if (args.stopOnViolations && checked.section.entries.length > 0) throw new RecordsError(checked.section.entries)
  return checked
}

// DuckDB is an optional peer dependency: without it, a command that needs it
// is a usage error that says how to get it.
// A loader may wrap the error of a missing package (Vitest's mocks do): its causes are looked at too.
const isMissing = (e: unknown, depth = 0): boolean => {
  if (typeof e !== "object" || e === null || depth > 3) return false
  const code = "code" in e ? e.code : undefined
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" || isMissing((e as Error).cause, depth + 1)
}

const exportNeeds: Bilingual = { nb: "export", en: "export" }
const engineNeeds: Bilingual = { nb: "--engine duckdb", en: "--engine duckdb" }

const duckDbEntry = async (what: Bilingual) => {
  try {
    return await import("../duckdb/index.js")
  } catch (e) {
    // Only a missing package is the user's to mend; anything else is ours (exit 70).
    if (!isMissing(e)) throw e
    throw new FileError("@duckdb/node-api", {
      nb: `${what.nb} trenger DuckDB: npm install @duckdb/node-api`,
      en: `${what.en} needs DuckDB: npm install @duckdb/node-api`,
    })
  }
}

// Whether `--engine auto` may pick DuckDB: asked only for a large input.
const duckDbInstalled = async (): Promise<boolean> => {
  try {
    await import("../duckdb/index.js")
    return true
  } catch (e) {
    if (isMissing(e)) return false
    throw e
  }
}

const exportTables = async (args: ExportOptions, io: Io): Promise<number> => {
  const { policy } = policyWithHash(args.policy)
  const { dataset, section } = await recordsOf(args, policy, undefined)
  const tables = Tables.fromDataset(dataset, {
    policy,
    ...(args.year === undefined ? {} : { period: { from: `${args.year}-01-01`, to: `${args.year}-12-31` } }),
    ...(args.capacity === undefined ? {} : { capacity: await readCapacity(args.capacity) }),
  })
  try {
    // Arrow IPC is written with flechette, without DuckDB.
    if (args.to.format === "arrow") (await import("../duckdb/arrow.js")).writeArrow(tables, args.to.dir)
    else await (await duckDbEntry(exportNeeds)).DuckDb.writeTables(tables, args.to.dir, { format: args.to.format })
  } catch (e) {
    // A folder DuckDB cannot take (a pattern character in its name) is the command line's fault: exit 2, naming it.
    if (e instanceof AnalyticsError && !(e instanceof FileError)) {
      const at = fileName(args.to.dir)
      throw new FileError(args.to.dir, { nb: `${at}: ${e.text.nb}`, en: `${at}: ${e.text.en}` })
    }
    throw e
  }
  const left = lostInput(section)
  const nb = args.lang === "nb"
  if (left.records > 0 || left.files > 0)
    io.stderr(
      nb
        ? `${left.records} avviste poster og ${left.files} filer som ikke kunne leses, er ikke med (kjør rapporten for å se dem)`
        : `${left.records} rejected record(s) and ${left.files} file(s) that could not be read left out (run the report to see them)`,
    )
  io.stdout(
    `${nb ? "Skrev tabellene som" : "Wrote the tables as"} ${{ parquet: "Parquet", csv: "CSV", arrow: "Arrow IPC" }[args.to.format]} ${nb ? "til" : "to"} ${args.to.dir}`,
  )
  // The tables were written without some records: 1, as the report does.
  return left.records > 0 || left.files > 0 ? 1 : 0
}

const audit = async (args: AuditOptions, io: Io): Promise<number> => {
  const result = await auditFiles(args.files, {
    ...(args.min === undefined ? {} : { min: args.min }),
    ...(args.max === undefined ? {} : { max: args.max }),
  }).catch((e: unknown) => {
    // A range that checks nothing is wrong usage (exit 2), not a finding (exit 1); a file problem stays one.
    throw e instanceof Audit.BadRangeError ? rangeUsage(e, args) : e
  })
  const [low, high] = result.range
  const nb = args.lang === "nb"
  io.stdout(
    nb
      ? `Reviderte ${args.files.length} fil(er): ${result.cells.total} tall om personer, ${result.cells.hidden} skjult; område ${low}–${high}`
      : `Audited ${args.files.length} file(s): ${result.cells.total} counts of people, ${result.cells.hidden} hidden; range ${low}–${high}`,
  )
  if (result.findings.length === 0) {
    io.stdout(
      nb
        ? `OK: ingen tall for ${low}–${high} personer kan leses eller regnes ut`
        : `OK: no count of ${low}–${high} people can be read or worked out`,
    )
    return 0
  }
  for (const line of findingLines(result.findings, args.lang)) io.stdout(line)
  io.stdout(
    `${result.findings.length} count(s) of ${low}–${high} people can be read or worked out / ${result.findings.length} tall for ${low}–${high} personer kan leses eller regnes ut`,
  )
  return 1
}

// What a failure prints: the message (a DataFileError one problem a line, each
// in both languages), nothing of a stack.
const explain = (e: unknown, io: Io): number => {
  // An indicator table DuckDB did not compute is a bug of ours, not of the input.
  if (e instanceof MissingResult) return internalError(e, io)
  if (e instanceof RecordsError) {
    io.stderr(`${e.entries.length} problem(s) in the data / problem(er) i dataene:`)
    for (const entry of e.entries.slice(0, 20)) io.stderr(`  ${lineOf(entry, "en")} / ${lineOf(entry, "nb")}`)
    if (e.entries.length > 20) io.stderr(`  … ${e.entries.length - 20} more / ${e.entries.length - 20} til`)
    return 1
  }
  if (e instanceof DataFileError) {
    io.stderr(`${e.problems.length} problem(s) in the data file / problem(er) i datafilen:`)
    for (const p of e.problems)
      io.stderr(`  ${p.file}:${p.line}, field/felt ${p.field}: ${p.message.en} / ${p.message.nb}`)
    return 1
  }
  if (e instanceof UsageError) return usageFailure(e, io)
  if (e instanceof FileError) {
    io.stderr(e.message)
    return 2
  }
  if (e instanceof AnalyticsError) {
    io.stderr(e.message)
    return 1
  }
  return internalError(e, io)
}

// A command whose failures become exit codes: it never rejects.
const answering =
  <A>(command: (args: A, io: Io) => Promise<number>) =>
  async (args: A, io: Io): Promise<number> => {
    try {
      return await command(args, io)
    } catch (e) {
      try {
        return explain(e, io)
      } catch {
        // Not even stderr takes a line (a closed pipe): the exit code is all that is left.
        return 70
      }
    }
  }

/**
 * Builds, audits and writes the report `args` ask for, resolving to the exit code.
 * @example
 * process.exitCode = await runReport(parseArgs(["--synthetic"]), io)
 * @category outputs
 */
export const runReport: (args: CliOptions, io: Io) => Promise<number> = answering(report)

/**
 * Writes the tables of the records `args` name, for DuckDB and other SQL
 * engines, resolving to the exit code.
 * @example
 * process.exitCode = await runExport(parseExportArgs(["--synthetic", "--parquet", "out/2024"]), io)
 * @category outputs
 */
export const runExport: (args: ExportOptions, io: Io) => Promise<number> = answering(exportTables)

/**
 * Audits the published files `args` name, resolving to the exit code.
 * @example
 * process.exitCode = await runAudit(parseAuditArgs(["out/report.csv"]), io)
 * @category outputs
 */
export const runAudit: (args: AuditOptions, io: Io) => Promise<number> = answering(audit)
