/**
 * The `aktivitet-rules` command line, as a function so tests can run it
 * without a process: `await run(argv, io)` returns the exit code.
 *
 * @module
 */
import { parseArgs } from "node:util"
import { quote, shortLine } from "../internal/text.js"
import { shippedPolicyDir } from "../node/shipped.js"
import { RulesError } from "../RulesError.js"
import { type Io, type OutputLang, redacting, say, UsageError } from "./io.js"

// Each command is loaded when it runs: `--help` and a usage error need none
// of them, and the bundled command starts faster for it (see tsup.config.ts).

export type { Io } from "./io.js"

const help = `aktivitet-rules — regelverket for aktivitetsmodellen / the activity model's rules

  check [DIR] [--coverage N]                    Sjekk regeltreet, kjør tilfellene og mål dekningen / validate the tree, run its cases, measure coverage
  evaluate --date YYYY-MM-DD [--policy DIR] [--jsonl] [--receipt] FILE|-   Avgjørelser som JSON / decisions as JSON
  explain --date YYYY-MM-DD --lang nb|en [--policy DIR] [--jsonl] FILE|-   Forklaring i klartekst / plain-language explanation
  impact (--base DIR | --from REVISION) --head DIR --data FILE|synthetic[:YEAR[:SEED]] [--json|--jsonl] [--show N]
                                                Virkning av en regelendring / impact of a policy change
  replay RECEIPT [--policy DIR]                 Avgjør en kvittering på nytt / re-decide a receipt: same, or what changed

  --coverage N        check fails below N % of outcomes and condition sides reached by a case (default 100) /
                        check feiler under N % av utfall og betingelsessider nådd av et tilfelle (standard 100)
  --receipt           evaluate also writes each decision's receipt (file hashes, parameters, conditions) /
                        evaluate skriver også kvitteringen for hver avgjørelse
  --from REVISION     impact compares --head (default: the shipped folder) with the same folder at a git revision /
                        impact sammenligner --head med samme mappe i en git-revisjon

  DIR defaults to the policy this package ships / DIR er som standard regelverket som følger med pakken.
  RECEIPT is what evaluate --receipt writes for one subject, or its "receipt" alone /
    KVITTERING er det evaluate --receipt skriver for én situasjon, eller «receipt»-feltet alene.
  FILE ending in .jsonl or .ndjson, or - with --jsonl, is read as JSON Lines, one subject per line /
    FIL som slutter på .jsonl eller .ndjson, eller - med --jsonl, leses som JSON Lines, én situasjon per linje.
  --jsonl             write one JSON line per subject or changed decision / skriv én JSON-linje per situasjon eller endret avgjørelse
  --lang nb|en|both   language of messages / språk i meldinger (default both)
  Exit codes / avslutningskoder: 0 OK, 1 problems in the policy or input / feil i regelverket eller inndata,
    2 wrong usage or an unusable path / feil bruk eller en sti som ikke kan brukes, 70 internal error / intern feil`

/**
 * Runs the command line with `argv` (without node and script) and resolves to the exit code:
 * 0 success, 1 the policy, the cases or the input have problems, 2 wrong usage or
 * a path that cannot be used, 70 an internal error. It never rejects, and every
 * line it writes has passed through core's redaction.
 * @example
 * process.exitCode = await run(process.argv.slice(2), { stdout: console.log, stderr: console.error, stdin: () => readFileSync(0, "utf8"), cwd: process.cwd() })
 * @category evaluation
 */
export const run = async (argv: ReadonlyArray<string>, rawIo: Io): Promise<number> => {
  const io = redacting(rawIo)
  let lang: OutputLang = "both"
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        date: { type: "string" },
        lang: { type: "string" },
        policy: { type: "string" },
        base: { type: "string" },
        head: { type: "string" },
        data: { type: "string" },
        json: { type: "boolean" },
        jsonl: { type: "boolean" },
        show: { type: "string" },
        from: { type: "string" },
        coverage: { type: "string" },
        receipt: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    })
    if (values.lang !== undefined) {
      if (values.lang !== "nb" && values.lang !== "en" && values.lang !== "both")
        throw new UsageError({ nb: "--lang må være nb, en eller both", en: "--lang must be nb, en or both" })
      lang = values.lang
    }
    const [command, ...rest] = positionals
    if (values.help === true || command === undefined || command === "help") {
      io.stdout(help)
      return command === undefined && values.help !== true ? 2 : 0
    }
    const policy = values.policy ?? shippedPolicyDir()
    const one = (what: string) => {
      if (rest.length !== 1)
        throw new UsageError({
          nb: `${command} tar én ${what === "file" ? "fil" : "mappe"}`,
          en: `${command} takes one ${what}`,
        })
      return rest[0]!
    }
    const jsonl = values.jsonl === true
    switch (command) {
      case "check": {
        if (rest.length > 1)
          throw new UsageError({ nb: "check tar høyst én mappe", en: "check takes at most one folder" })
        const { check, defaultCoverage } = await import("./check.js")
        const coverage = values.coverage === undefined ? defaultCoverage : Number(values.coverage)
        if (!/^\d+$/u.test(values.coverage ?? "0") || coverage > 100)
          throw new UsageError({
            nb: "--coverage må være et heltall fra 0 til 100",
            en: "--coverage must be a whole number from 0 to 100",
          })
        return check(io, rest[0] ?? shippedPolicyDir(), lang, coverage)
      }
      case "evaluate": {
        const { evaluate } = await import("./evaluate.js")
        return await evaluate(io, {
          policy,
          date: values.date,
          file: one("file"),
          lang,
          jsonl,
          receipt: values.receipt === true,
        })
      }
      case "replay": {
        const { replay } = await import("./replay.js")
        return replay(io, { policy, file: one("file"), lang })
      }
      case "explain": {
        if (values.lang === undefined)
          throw new UsageError({
            nb: "explain trenger --lang nb eller --lang en",
            en: "explain needs --lang nb or --lang en",
          })
        const { explain } = await import("./evaluate.js")
        return await explain(io, { policy, date: values.date, file: one("file"), lang, jsonl })
      }
      case "impact": {
        const show = values.show === undefined ? 20 : Number(values.show)
        if (!Number.isInteger(show) || show < 0)
          throw new UsageError({ nb: "--show må være et heltall", en: "--show must be a whole number" })
        if (values.json === true && jsonl)
          throw new UsageError({
            nb: "--json og --jsonl kan ikke kombineres",
            en: "--json and --jsonl cannot be combined",
          })
        const head = values.head ?? (values.from === undefined ? undefined : shippedPolicyDir())
        const { impact } = await import("./impact.js")
        return await impact(io, {
          base: values.base,
          from: values.from,
          head,
          data: values.data,
          json: values.json === true,
          jsonl,
          show,
          lang,
        })
      }
      default:
        throw new UsageError({
          nb: `Ukjent kommando ${quote(command).nb}; prøv --help`,
          en: `Unknown command ${quote(command).en}; try --help`,
        })
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.place}${say(e.text, lang)}`)
      return 2
    }
    // parseArgs reports unknown options in English only.
    if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      const message = shortLine(e.message, 200)
      io.stderr(say({ nb: `${message}; prøv --help`, en: `${message}; try --help` }, lang))
      return 2
    }
    if (e instanceof RulesError) {
      io.stderr(say(e.text, lang))
      return 2
    }
    // Nothing else should reach here; if it does, say so without echoing
    // the error's text, which might quote input.
    const kind = e instanceof Error ? e.name : typeof e
    io.stderr(
      say(
        { nb: `Intern feil (${kind}); meld gjerne fra om den`, en: `Internal error (${kind}); please report it` },
        lang,
      ),
    )
    return 70
  }
}
