/**
 * The `aktivitet-report` command line's arguments, read with Node's
 * `parseArgs`: every option is checked and a mistake is explained in both
 * languages. Loaded before anything of the report, so `--help` and a usage
 * error cost little.
 *
 * @module
 */
import { parseArgs as readArgs } from "node:util"
import { Redact } from "@aktivitetsmodell/core"
import { AUTO_DUCKDB_ROWS } from "../internal/engineChoice.js"
import { AnalyticsError, type Bilingual, type Lang } from "../internal/text.js"
import { type Format, formatOf, formats } from "./format.js"

/**
 * What the command was asked to do.
 * @category models
 */
export interface CliOptions {
  readonly source:
    | { readonly kind: "folder"; readonly dir: string }
    | { readonly kind: "data"; readonly file: string }
    | { readonly kind: "synthetic"; readonly seed: number; readonly citizens: number }
  readonly year: number | undefined
  readonly out: string | undefined
  readonly lang: Lang
  readonly format: Format
  readonly statistics: string | undefined
  readonly recoveryCollege: string | undefined
  readonly population: string | undefined
  readonly capacity: string | undefined
  readonly plan: string | undefined
  /** The disclosure-control profile; its numbers come from the policy tree unless overridden. */
  readonly profile: "ssb" | "strict" | "rounding"
  /** Numbers given on the command line instead of the policy tree's. */
  readonly overrides: { readonly min?: number; readonly max?: number; readonly maxN?: number; readonly base?: number }
  /** A file of names (one a line) that must appear in no output. */
  readonly names: string | undefined
  /** The data source the report names (`--source`), such as "Fagsystemet, uttrekk 10.01.2025". */
  readonly dataSource: string | undefined
  /** A policy tree to read instead of the shipped one (invariants, profiles, indicators). */
  readonly policy: string | undefined
  /** Where to write the rejected records and broken rules (default: rejected.csv beside --out). */
  readonly rejected: string | undefined
  /** Stop with exit code 1, writing no report, when a record is rejected or a rule of the model is broken. */
  readonly stopOnViolations: boolean
  /** Which engine computes the indicators: arquero in memory, DuckDB, or DuckDB for large inputs (default). */
  readonly engine: Engine
  readonly help: boolean
}

/**
 * The engines `--engine` names.
 * @category models
 */
export type Engine = "arquero" | "duckdb" | "auto"

/**
 * What `aktivitet-report audit` was asked to do.
 * @category models
 */
export interface AuditOptions {
  readonly files: ReadonlyArray<string>
  readonly lang: Lang
  readonly min: number | undefined
  readonly max: number | undefined
  readonly help: boolean
}

/**
 * The help text of `aktivitet-report`, in both languages, laid out as
 * `aktivitet-rules --help` is: the commands, the options, notes, exit codes.
 * @example
 * process.stdout.write(usage)
 * @category outputs
 */
export const usage = `aktivitet-report — aktivitetsrapport med indikatorer, skjerming og evalueringsplan / activity report with indicators, suppression and an evaluation plan

  aktivitet-report FOLDER [--year YYYY] [--out FILE] [--stop-on-violations]
                                                Rapport fra en mappe med eksporter / report from a folder of exports
  aktivitet-report --data FILE.json [--year YYYY] [--profile ssb|strict|rounding] [--out FILE]
                                                Rapport fra et kommuneår som JSON (core Dataset) / report from a municipality-year as JSON
  aktivitet-report --synthetic [--seed N] [--citizens N] [--year YYYY] [--out FILE]
                                                Rapport fra et generert år / report from a generated year
  aktivitet-report TABLES [--engine duckdb] [--year YYYY] [--out FILE]
                                                Rapport fra en mappe med tabeller (export --parquet/--csv), med DuckDB /
                                                  report from a folder of tables (export --parquet/--csv), on DuckDB
  aktivitet-report export FOLDER|--data FILE.json|--synthetic (--parquet DIR | --csv DIR | --arrow DIR) [--year YYYY]
                                                Skriv tabellene for DuckDB og andre SQL-motorer (docs/scale.md) /
                                                  write the tables for DuckDB and other SQL engines
  aktivitet-report audit FILE.csv|FILE.json|FILE.arrow … [--min N] [--max N] [--lang nb|en]
                                                List tall i skjermingsområdet som filene viser eller avslører /
                                                  list every count in the small range the files show or give away

  --year YYYY         the year to report (default: the data's, or a folder name like export-2024) /
                        året rapporten gjelder
  --out FILE          write here (default: standard output) / skriv hit
  --format html|md|csv|json   the report's format (default: from --out's extension, else html) / rapportens format
  --seed N, --citizens N      the generated year's seed (default 1) and size (default 1500) /
                        frø og størrelse for det genererte året
  --statistics FILE   yearly service statistics as CSV / tjenestestatistikk per år som CSV
  --recovery-college FILE, --population FILE   Recovery College participants and inhabitants /
                        deltakere i Recovery College og innbyggere
                        (a wrong row of --statistics or --recovery-college is named and left out /
                        en feil rad i --statistics eller --recovery-college nevnes og holdes utenfor)
  --capacity FILE.json        places per session by offering id / plasser per samling per tilbud
  --plan FILE.csv     also write the evaluation-plan draft / skriv også utkastet til evalueringsplan
  --profile ssb|strict|rounding   disclosure control (default strict), its numbers from the policy tree
                        (parameters/privacy/) / skjermingsprofil, tallene fra regeltreet
  --min N --max N     strict: counts min–max are hidden (tree: 1–4; audit: the range looked for) /
                        strict: tall fra min til max skjules
  --max-n N           ssb: counts 1–N are hidden (tree: 3) / ssb: tall fra 1 til N skjules
  --base N            rounding: counts are rounded to 0 or N (tree: 3) / rounding: avrundingsbase
  --names FILE        names (one a line) that must appear in no output / navn (ett per linje) som ikke må stå i noe
  --source TEXT       the data source every output names (else the dataset file's "source") /
                        datakilden hver utdata oppgir
  --policy DIR        a policy tree instead of the shipped one / et annet regeltre enn det som følger med
  --rejected FILE     rejected records and broken rules, each with its line and message, as CSV for the
                        analyst only, not to be published (default: rejected.csv beside --out) /
                        avviste poster og regelbrudd som CSV, internt for analytikeren: skal ikke publiseres
  --parquet DIR, --csv DIR, --arrow DIR   export: the folder the tables go to, as Parquet (by year), CSV or
                        Arrow IPC; Parquet and CSV need the optional @duckdb/node-api / mappen tabellene
                        skrives til; Parquet og CSV trenger @duckdb/node-api
  --engine arquero|duckdb|auto   what computes the indicators (default auto: DuckDB above ${AUTO_DUCKDB_ROWS.toLocaleString("en-US")} attendance
                        rows when @duckdb/node-api is installed, and for a folder of tables; else arquero) /
                        hva som regner ut indikatorene (standard auto)
  --stop-on-violations        exit 1 without a report when a record (or a row of --statistics or
                        --recovery-college) is rejected or a rule of the model is broken (default: listed in the
                        report and counted) / stopp når en post avvises eller en regel brytes

  FOLDER holds one file per entity: citizens.csv, enrollments.json, sessions.arrow … /
    MAPPE har én fil per enhet. Or FOLDER holds tables as export writes them (attendance/ …, docs/scale.md),
    read by DuckDB / eller tabeller slik export skriver dem, lest av DuckDB.
  --lang nb|en        language of the report and its messages / språk i rapporten og meldingene (default nb)
  Exit codes / avslutningskoder: 0 written, or audit found nothing / skrevet, eller revisjonen fant ingenting,
    1 rejected records or an unreadable export file, rows left out of --statistics or --recovery-college (the report
    is written), broken rules with --stop-on-violations, or audit findings / avviste poster eller en eksportfil som
    ikke kunne leses, rader holdt utenfor --statistics eller --recovery-college (rapporten skrives), regelbrudd med
    --stop-on-violations, eller funn i revisjonen, 2 wrong usage or an
    unusable file / feil bruk eller en fil som ikke kan brukes, 3 the report would give away a small count, nothing
    written / rapporten ville avsløre et lite tall, ingenting skrevet, 70 internal error / intern feil`

/**
 * A command line that cannot be run as given: an unknown option, a missing
 * value, a number out of range. The command exits with 2 and shows the usage.
 * @category errors
 */
export class UsageError extends AnalyticsError {
  override readonly name: string = "UsageError"
}

// Typed as a whole so that TypeScript narrows after a call that fails.
const fail: (text: Bilingual) => never = (text) => {
  throw new UsageError(text)
}

// An argument as typed, redacted and cut short, for a message.
const unquoted = (s: string): string => Redact.show(s).slice(1, -1)

// Digits only: Number() would also take " 7", "0x10", "1e3" and "" (as 0).
const whole = (name: string, raw: string | undefined, min: number, max: number): number => {
  const n = Number(raw)
  if (raw === undefined || !/^\d+$/u.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    fail({
      nb: `--${name} må være et heltall fra ${min} til ${max}, fikk ${Redact.show(raw ?? "")}`,
      en: `--${name} must be a whole number from ${min} to ${max}, got ${Redact.show(raw ?? "")}`,
    })
  }
  return n
}

// A whole number when the option was given.
const wholeIf = (values: Values, name: string, min: number, max: number): number | undefined =>
  values.has(name) ? whole(name, values.get(name), min, max) : undefined

const language = (raw: string | undefined): Lang =>
  raw === undefined || raw === "nb" || raw === "en"
    ? (raw ?? "nb")
    : fail({
        nb: `--lang må være nb eller en, fikk ${Redact.show(raw)}`,
        en: `--lang must be nb or en, got ${Redact.show(raw)}`,
      })

type Options = Readonly<Record<string, { readonly type: "string" | "boolean"; readonly short?: string }>>
type Values = ReadonlyMap<string, string>

// The options shared by the report and the audit.
/**
 * What `aktivitet-report export` was asked to do: read records as a report
 * does, build the tables and write them where `to` says.
 * @category models
 */
export interface ExportOptions {
  readonly source: CliOptions["source"]
  readonly year: number | undefined
  readonly lang: Lang
  readonly capacity: string | undefined
  readonly policy: string | undefined
  /** The folder the tables are written to, as Parquet, CSV or Arrow IPC. */
  readonly to: { readonly format: "parquet" | "csv" | "arrow"; readonly dir: string }
  readonly stopOnViolations: boolean
  readonly help: boolean
}

const shared = {
  lang: { type: "string" },
  min: { type: "string" },
  max: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options

const reportOptions = {
  ...shared,
  data: { type: "string" },
  seed: { type: "string" },
  citizens: { type: "string" },
  year: { type: "string" },
  out: { type: "string" },
  format: { type: "string" },
  statistics: { type: "string" },
  "recovery-college": { type: "string" },
  population: { type: "string" },
  capacity: { type: "string" },
  plan: { type: "string" },
  "max-n": { type: "string" },
  base: { type: "string" },
  profile: { type: "string" },
  names: { type: "string" },
  policy: { type: "string" },
  rejected: { type: "string" },
  source: { type: "string" },
  engine: { type: "string" },
  synthetic: { type: "boolean" },
  "stop-on-violations": { type: "boolean" },
} as const satisfies Options

const engines: ReadonlyArray<Engine> = ["arquero", "duckdb", "auto"]

const engineOf = (raw: string | undefined): Engine =>
  raw === undefined
    ? "auto"
    : (engines as ReadonlyArray<string>).includes(raw)
      ? (raw as Engine)
      : fail({
          nb: `--engine må være arquero, duckdb eller auto, fikk ${Redact.show(raw)}`,
          en: `--engine must be arquero, duckdb or auto, got ${Redact.show(raw)}`,
        })

const exportOptions = {
  lang: shared.lang,
  help: shared.help,
  data: { type: "string" },
  seed: { type: "string" },
  citizens: { type: "string" },
  year: { type: "string" },
  capacity: { type: "string" },
  policy: { type: "string" },
  parquet: { type: "string" },
  csv: { type: "string" },
  arrow: { type: "string" },
  synthetic: { type: "boolean" },
  "stop-on-violations": { type: "boolean" },
} as const satisfies Options

/**
 * The options and positionals of `argv`. parseArgs reads them leniently
 * (`strict: false`) and its tokens are checked here, so that every mistake
 * is told in both languages, names the option as typed (redacted), and an
 * option such as `--__proto__` is unknown rather than inherited.
 */
const read = (
  argv: ReadonlyArray<string>,
  options: Options,
): { readonly values: Values; readonly positionals: ReadonlyArray<string> } => {
  const { tokens } = readArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true })
  const values = new Map<string, string>()
  const positionals: Array<string> = []
  for (const t of tokens) {
    if (t.kind === "positional") positionals.push(t.value)
    if (t.kind !== "option") continue
    const option = Object.hasOwn(options, t.name) ? options[t.name] : undefined
    if (option === undefined)
      fail({ nb: `Ukjent valg ${unquoted(t.rawName)}`, en: `Unknown option ${unquoted(t.rawName)}` })
    else if (option.type === "boolean") {
      if (t.inlineValue === true) fail({ nb: `${t.rawName} tar ingen verdi`, en: `${t.rawName} takes no value` })
      values.set(t.name, "")
    } else {
      // Lenient parsing takes the next argument whatever it is: "--year --out" is a missing year.
      const v = t.value
      if (v === undefined || v === "" || (t.inlineValue !== true && v.startsWith("--")))
        fail({ nb: `${t.rawName} mangler en verdi`, en: `${t.rawName} needs a value` })
      values.set(t.name, v as string)
    }
  }
  return { values, positionals }
}

// Where the records come from: the one argument without "--" (a folder of
// exports), --data FILE or --synthetic, and exactly one of them.
const sourceOf = (values: Values, positionals: ReadonlyArray<string>, help: boolean): CliOptions["source"] => {
  const [folder, ...others] = positionals
  const extra = folder === "" ? folder : others[0]
  if (extra !== undefined)
    fail({ nb: `Ukjent argument ${Redact.show(extra)}`, en: `Unknown argument ${Redact.show(extra)}` })
  const data = values.get("data")
  const synthetic = values.has("synthetic")
  const sources = [folder, data, synthetic ? "synthetic" : undefined].filter((x) => x !== undefined).length
  if (!help && sources === 0)
    fail({
      nb: "Oppgi en MAPPE med eksporter, --data FIL eller --synthetic",
      en: "Give a FOLDER of exports, --data FILE or --synthetic",
    })
  if (sources > 1)
    fail({ nb: "Bruk én av MAPPE, --data og --synthetic", en: "Use one of FOLDER, --data and --synthetic" })
  return folder !== undefined
    ? { kind: "folder", dir: folder }
    : data !== undefined
      ? { kind: "data", file: data }
      : {
          kind: "synthetic",
          seed: wholeIf(values, "seed", 0, 2 ** 31) ?? 1,
          citizens: wholeIf(values, "citizens", 0, 1_000_000) ?? 1500,
        }
}

/**
 * Parses the arguments after `aktivitet-report export`.
 * @example
 * parseExportArgs(["--synthetic", "--parquet", "out/2024"]).to // { format: "parquet", dir: "out/2024" }
 * @category constructors
 */
export const parseExportArgs = (argv: ReadonlyArray<string>): ExportOptions => {
  const { values, positionals } = read(argv, exportOptions)
  const help = values.has("help")
  const source = sourceOf(values, positionals, help)
  const given = (["parquet", "csv", "arrow"] as const).flatMap((f) => {
    const dir = values.get(f)
    return dir === undefined ? [] : [{ format: f, dir }]
  })
  if (given.length > 1)
    fail({
      nb: "Bruk én av --parquet MAPPE, --csv MAPPE og --arrow MAPPE",
      en: "Use one of --parquet DIR, --csv DIR and --arrow DIR",
    })
  if (!help && given.length === 0)
    fail({
      nb: "export trenger --parquet MAPPE, --csv MAPPE eller --arrow MAPPE",
      en: "export needs --parquet DIR, --csv DIR or --arrow DIR",
    })
  return {
    source,
    year: wholeIf(values, "year", 2000, 2100),
    lang: language(values.get("lang")),
    capacity: values.get("capacity"),
    policy: values.get("policy"),
    to: given[0] ?? { format: "parquet", dir: "" },
    stopOnViolations: values.has("stop-on-violations"),
    help,
  }
}

/**
 * Parses the arguments after the command name.
 * @example
 * parseArgs(["--synthetic", "--seed", "7", "--out", "out/r.html"]).format // "html"
 * @category constructors
 */
export const parseArgs = (argv: ReadonlyArray<string>): CliOptions => {
  const { values, positionals } = read(argv, reportOptions)
  const help = values.has("help")
  const source = sourceOf(values, positionals, help)
  const lang = language(values.get("lang"))
  const out = values.get("out")
  const format = values.get("format") ?? (out === undefined ? "html" : formatOf(out))
  if (!(formats as ReadonlyArray<string>).includes(format))
    fail({
      nb: `--format må være html, md, csv eller json, fikk ${Redact.show(format)}`,
      en: `--format must be html, md, csv or json, got ${Redact.show(format)}`,
    })
  const min = wholeIf(values, "min", 1, 1000)
  const max = wholeIf(values, "max", 0, 1000)
  if (max !== undefined && max < (min ?? 1))
    fail({
      nb: `--max (${max}) er mindre enn --min (${min ?? 1})`,
      en: `--max (${max}) is less than --min (${min ?? 1})`,
    })
  const profile = values.get("profile") ?? "strict"
  if (profile !== "ssb" && profile !== "strict" && profile !== "rounding")
    fail({
      nb: `--profile må være ssb, strict eller rounding, fikk ${Redact.show(profile)}`,
      en: `--profile must be ssb, strict or rounding, got ${Redact.show(profile)}`,
    })
  if ((min !== undefined || max !== undefined) && profile !== "strict")
    fail({ nb: "--min og --max gjelder profilen strict", en: "--min and --max belong to the profile strict" })
  if (values.has("max-n") && profile !== "ssb")
    fail({ nb: "--max-n gjelder profilen ssb", en: "--max-n belongs to the profile ssb" })
  if (values.has("base") && profile !== "rounding")
    fail({ nb: "--base gjelder profilen rounding", en: "--base belongs to the profile rounding" })
  const maxN = wholeIf(values, "max-n", 1, 1000)
  const base = wholeIf(values, "base", 2, 1000)
  return {
    source,
    year: wholeIf(values, "year", 2000, 2100),
    out,
    lang,
    format: format as Format,
    statistics: values.get("statistics"),
    recoveryCollege: values.get("recovery-college"),
    population: values.get("population"),
    capacity: values.get("capacity"),
    plan: values.get("plan"),
    profile,
    overrides: {
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
      ...(maxN === undefined ? {} : { maxN }),
      ...(base === undefined ? {} : { base }),
    },
    names: values.get("names"),
    dataSource: values.get("source"),
    policy: values.get("policy"),
    rejected: values.get("rejected"),
    stopOnViolations: values.has("stop-on-violations"),
    engine: engineOf(values.get("engine")),
    help,
  }
}

/**
 * Parses the arguments after `aktivitet-report audit`.
 * @example
 * parseAuditArgs(["out/report.csv", "--max", "4"]).files // ["out/report.csv"]
 * @category constructors
 */
export const parseAuditArgs = (argv: ReadonlyArray<string>): AuditOptions => {
  const { values, positionals } = read(argv, shared)
  const help = values.has("help")
  const lang = language(values.get("lang"))
  if (!help && positionals.length === 0)
    fail({ nb: "Oppgi minst én fil å revidere", en: "Give at least one file to audit" })
  const min = wholeIf(values, "min", 1, 1000)
  const max = wholeIf(values, "max", 1, 1000)
  // Both given: checked here; one given and the other from the files or the policy: checked by the audit.
  if (min !== undefined && max !== undefined && max < min)
    fail({ nb: `--max (${max}) er mindre enn --min (${min})`, en: `--max (${max}) is less than --min (${min})` })
  return { files: positionals, lang, min, max, help }
}
