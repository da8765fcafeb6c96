/**
 * The `aktivitet-rules` command line, as a function so tests can run it
 * without a process: `run(argv, io)` returns the exit code.
 *
 * @module
 */
import { parseArgs } from "node:util"
import { bi } from "../internal/text.js"
import { shippedPolicyDir } from "../node/loadTree.js"
import { check } from "./check.js"
import { evaluate, explain } from "./evaluate.js"
import { impact } from "./impact.js"
import { type Io, type Lang, say, UsageError } from "./io.js"

export type { Io } from "./io.js"

const help = `aktivitet-rules — regelverket for aktivitetsmodellen / the activity model's rules

  check [DIR]                                   Sjekk regeltreet og kjør tilfellene / validate the tree and run its cases
  evaluate --date YYYY-MM-DD [--policy DIR] FILE|-      Avgjørelser som JSON / decisions as JSON
  explain --date YYYY-MM-DD --lang nb|en [--policy DIR] FILE|-   Forklaring i klartekst / plain-language explanation
  impact --base DIR --head DIR --data FILE|synthetic[:YEAR[:SEED]] [--json] [--show N]
                                                Virkning av en regelendring / impact of a policy change

  DIR defaults to the policy this package ships / DIR er som standard regelverket som følger med pakken.
  --lang nb|en|both   language of messages / språk i meldinger (default both)`

/**
 * Runs the command line with `argv` (without node and script) and returns the exit code:
 * 0 success, 1 the policy, the cases or the input have problems, 2 wrong usage.
 * @example
 * process.exitCode = run(process.argv.slice(2), { stdout: console.log, stderr: console.error, stdin: () => readFileSync(0, "utf8"), cwd: process.cwd() })
 * @category evaluation
 */
export const run = (argv: ReadonlyArray<string>, io: Io): number => {
  let lang: Lang = "both"
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
        show: { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    })
    if (values.lang !== undefined) {
      if (values.lang !== "nb" && values.lang !== "en" && values.lang !== "both") throw new UsageError(bi("--lang must be nb, en or both", "--lang må være nb, en eller both"))
      lang = values.lang
    }
    const [command, ...rest] = positionals
    if (values.help === true || command === undefined || command === "help") {
      io.stdout(help)
      return command === undefined && values.help !== true ? 2 : 0
    }
    const policy = values.policy ?? shippedPolicyDir()
    const one = (what: string) => {
      if (rest.length !== 1) throw new UsageError(bi(`${command} takes one ${what}`, `${command} tar én ${what === "file" ? "fil" : "mappe"}`))
      return rest[0]!
    }
    switch (command) {
      case "check":
        if (rest.length > 1) throw new UsageError(bi("check takes at most one folder", "check tar høyst én mappe"))
        return check(io, rest[0] ?? shippedPolicyDir(), lang)
      case "evaluate":
        return evaluate(io, policy, values.date, one("file"), lang)
      case "explain":
        if (values.lang === undefined) throw new UsageError(bi("explain needs --lang nb or --lang en", "explain trenger --lang nb eller --lang en"))
        return explain(io, policy, values.date, one("file"), lang)
      case "impact": {
        const show = values.show === undefined ? 20 : Number(values.show)
        if (!Number.isInteger(show) || show < 0) throw new UsageError(bi("--show must be a whole number", "--show må være et heltall"))
        return impact(io, values.base, values.head, values.data, { json: values.json === true, show, lang })
      }
      default:
        throw new UsageError(bi(`Unknown command "${command}"; try --help`, `Ukjent kommando «${command}»; prøv --help`))
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(say(e.text, lang))
      return 2
    }
    // parseArgs reports unknown options in English only.
    if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      io.stderr(say(bi(`${e.message}; try --help`, `${e.message}; prøv --help`), lang))
      return 2
    }
    throw e
  }
}
