/**
 * The `aktivitet-report` command line, parsed without a library: every
 * option is checked and a mistake is explained in both languages.
 *
 * @module
 */
import { Redact } from "@aktivitetsmodell/core"
import { AnalyticsError, type Lang } from "../internal/text.js"
import type { Format } from "./index.js"

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
  readonly help: boolean
}

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
 * The usage text of `aktivitet-report`, in both languages.
 * @example
 * process.stdout.write(usage)
 * @category outputs
 */
export const usage = `aktivitet-report — aktivitetsrapport med indikatorer, skjerming og evalueringsplan
aktivitet-report — activity report with indicators, suppression and an evaluation plan

  aktivitet-report FOLDER [--year 2024] [--out report.html] [--stop-on-violations]
  aktivitet-report --data FILE.json [--year 2024] [--profile strict] [--out report.html]
  aktivitet-report --synthetic [--seed 1] [--citizens 1500] [--year 2024] [--out report.html]
  aktivitet-report audit FILE.csv|FILE.json|FILE.arrow … [--max N] [--lang nb|en]

  FOLDER                exports, one file per entity: citizens.csv, enrollments.json,
                        sessions.arrow … (the year from --year or a name like export-2024)
                        / eksporter, én fil per enhet
  --data FILE           a municipality-year as JSON (core Dataset) / et kommuneår som JSON
  --synthetic           a generated year instead / et generert år i stedet
  --seed N, --citizens N   for --synthetic
  --year YYYY           the year to report (default: the data's) / året rapporten gjelder
  --out FILE            write here (default: standard output) / skriv hit
  --lang nb|en          language (default nb) / språk
  --format html|md|csv|json   (default: from --out's extension, else html)
  --statistics FILE     yearly service statistics CSV / tjenestestatistikk
  --recovery-college FILE, --population FILE   Recovery College participants and inhabitants
  --capacity FILE.json  places per session by offering id / plasser per samling
  --plan FILE.csv       also write the evaluation-plan draft / skriv også evalueringsplanen
  --profile ssb|strict|rounding   disclosure control (default strict); its numbers from
                        the policy tree (parameters/privacy/) / skjermingsprofil
  --min N --max N       strict: counts min–max hidden (tree: 1–4) / tall som skjules
  --max-n N             ssb: counts 1–N hidden (tree: 3)
  --base N              rounding: round to 0 or N (tree: 3) / avrundingsbase
  --names FILE          names (one a line) that must appear in no output / navn som ikke må stå i noe
  --source TEXT         the data source every output names (else the dataset file's "source") / datakilden rapporten oppgir
  --policy DIR          a policy tree instead of the shipped one / et annet regeltre
  --rejected FILE       rejected records and broken rules as CSV (default: rejected.csv
                        beside --out) / avviste poster og regelbrudd som CSV
  --stop-on-violations  exit 1 without a report when a record is rejected or a rule of the
                        model is broken (default: listed in the report and counted)
                        / stopp når en post avvises eller en regel brytes
  audit FILE …          list every count in the small range the files show or give away;
                        exit 1 if there is one / list tall i skjermingsområdet som filene avslører

Exit codes: 0 written (audit: nothing found); 1 wrong records, or with --stop-on-violations
rejected records or broken rules (audit: findings);
2 the command cannot run; 3 the report would give away a small count, nothing written.
`

/**
 * A command line that cannot be run as given: an unknown option, a missing
 * value, a number out of range. The command exits with 2 and shows the usage.
 * @category errors
 */
export class UsageError extends AnalyticsError {
  override readonly name: string = "UsageError"
}

const fail = (nb: string, en: string): never => {
  throw new UsageError({ nb: nb, en: en })
}

// An argument as typed, redacted and cut short, for a message.
const unquoted = (s: string): string => Redact.show(s).slice(1, -1)

// Digits only: Number() would also take " 7", "0x10", "1e3" and "" (as 0).
const whole = (name: string, raw: string | undefined, min: number, max: number): number => {
  const n = Number(raw)
  if (raw === undefined || !/^\d+$/u.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    fail(
      `--${name} må være et heltall fra ${min} til ${max}, fikk ${Redact.show(raw ?? "")}`,
      `--${name} must be a whole number from ${min} to ${max}, got ${Redact.show(raw ?? "")}`,
    )
  }
  return n
}

/**
 * Parses the arguments after the command name.
 * @example
 * parseArgs(["--synthetic", "--seed", "7", "--out", "out/r.html"]).format // "html"
 * @category constructors
 */
export const parseArgs = (argv: ReadonlyArray<string>): CliOptions => {
  const values = new Map<string, string>()
  const flags = new Set<string>()
  const valued = [
    "data",
    "seed",
    "citizens",
    "year",
    "out",
    "lang",
    "format",
    "statistics",
    "recovery-college",
    "population",
    "capacity",
    "plan",
    "min",
    "max",
    "max-n",
    "base",
    "profile",
    "names",
    "policy",
    "rejected",
    "source",
  ]
  const folders: Array<string> = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [name, inline] = arg.startsWith("--")
      ? (arg.slice(2).split(/=(.*)/su) as [string, string | undefined])
      : [arg, undefined]
    if (!arg.startsWith("--")) {
      // The one argument without "--" is the folder of exports.
      if (folders.length > 0 || arg === "")
        fail(`Ukjent argument ${Redact.show(arg)}`, `Unknown argument ${Redact.show(arg)}`)
      folders.push(arg)
      continue
    }
    if (name === "synthetic" || name === "help" || name === "stop-on-violations") flags.add(name)
    else if (valued.includes(name)) {
      const v = inline ?? argv[++i]
      if (v === undefined || v === "" || (inline === undefined && v.startsWith("--")))
        fail(`--${name} mangler en verdi`, `--${name} needs a value`)
      values.set(name, v!)
    } else fail(`Ukjent valg --${unquoted(name)}`, `Unknown option --${unquoted(name)}`)
  }
  const help = flags.has("help")
  const data = values.get("data")
  const folder = folders[0]
  const sources = [folder, data, flags.has("synthetic") ? "synthetic" : undefined].filter((x) => x !== undefined).length
  if (!help && sources === 0)
    fail(
      "Oppgi en MAPPE med eksporter, --data FIL eller --synthetic",
      "Give a FOLDER of exports, --data FILE or --synthetic",
    )
  if (sources > 1) fail("Bruk én av MAPPE, --data og --synthetic", "Use one of FOLDER, --data and --synthetic")
  const langRaw = values.get("lang") ?? "nb"
  if (langRaw !== "nb" && langRaw !== "en")
    fail(
      `--lang må være nb eller en, fikk ${Redact.show(langRaw)}`,
      `--lang must be nb or en, got ${Redact.show(langRaw)}`,
    )
  const lang = langRaw as Lang
  const out = values.get("out")
  const ext = out?.slice(out.lastIndexOf(".") + 1).toLowerCase()
  const format = values.get("format") ?? (ext === "md" || ext === "csv" || ext === "json" ? ext : "html")
  if (!["html", "md", "csv", "json"].includes(format))
    fail(
      `--format må være html, md, csv eller json, fikk ${Redact.show(format)}`,
      `--format must be html, md, csv or json, got ${Redact.show(format)}`,
    )
  const min = values.has("min") ? whole("min", values.get("min"), 1, 1000) : undefined
  const max = values.has("max") ? whole("max", values.get("max"), 0, 1000) : undefined
  if (max !== undefined && max < (min ?? 1))
    fail(`--max (${max}) er mindre enn --min (${min ?? 1})`, `--max (${max}) is less than --min (${min ?? 1})`)
  const profile = values.get("profile") ?? "strict"
  if (profile !== "ssb" && profile !== "strict" && profile !== "rounding")
    fail(
      `--profile må være ssb, strict eller rounding, fikk ${Redact.show(profile)}`,
      `--profile must be ssb, strict or rounding, got ${Redact.show(profile)}`,
    )
  if ((min !== undefined || max !== undefined) && profile !== "strict")
    fail("--min og --max gjelder profilen strict", "--min and --max belong to the profile strict")
  if (values.has("max-n") && profile !== "ssb")
    fail("--max-n gjelder profilen ssb", "--max-n belongs to the profile ssb")
  if (values.has("base") && profile !== "rounding")
    fail("--base gjelder profilen rounding", "--base belongs to the profile rounding")
  const maxN = values.has("max-n") ? whole("max-n", values.get("max-n"), 1, 1000) : undefined
  const base = values.has("base") ? whole("base", values.get("base"), 2, 1000) : undefined
  return {
    source:
      folder !== undefined
        ? { kind: "folder", dir: folder }
        : data !== undefined
          ? { kind: "data", file: data }
          : {
              kind: "synthetic",
              seed: values.has("seed") ? whole("seed", values.get("seed"), 0, 2 ** 31) : 1,
              citizens: values.has("citizens") ? whole("citizens", values.get("citizens"), 0, 1_000_000) : 1500,
            },
    year: values.has("year") ? whole("year", values.get("year"), 2000, 2100) : undefined,
    out,
    lang,
    format: format as Format,
    statistics: values.get("statistics"),
    recoveryCollege: values.get("recovery-college"),
    population: values.get("population"),
    capacity: values.get("capacity"),
    plan: values.get("plan"),
    profile: profile as CliOptions["profile"],
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
    stopOnViolations: flags.has("stop-on-violations"),
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
  const files: Array<string> = []
  let lang: Lang = "nb"
  let min: number | undefined
  let max: number | undefined
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith("--")) {
      files.push(arg)
      continue
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/su) as [string, string | undefined]
    if (name === "help") {
      help = true
      continue
    }
    if (name !== "lang" && name !== "min" && name !== "max")
      fail(`Ukjent valg --${unquoted(name)}`, `Unknown option --${unquoted(name)}`)
    const v = inline ?? argv[++i]
    if (v === undefined || v === "") fail(`--${name} mangler en verdi`, `--${name} needs a value`)
    if (name === "lang") {
      if (v !== "nb" && v !== "en")
        fail(`--lang må være nb eller en, fikk ${Redact.show(v)}`, `--lang must be nb or en, got ${Redact.show(v)}`)
      lang = v as Lang
    } else if (name === "min") min = whole("min", v, 1, 1000)
    else max = whole("max", v, 1, 1000)
  }
  if (!help && files.length === 0) fail("Oppgi minst én fil å revidere", "Give at least one file to audit")
  return { files, lang, min, max, help }
}
