#!/usr/bin/env node
// aktivitet-report: build the activity report of a municipality-year and
// write it as HTML, Markdown, CSV or JSON. See `aktivitet-report --help` and
// ./node/run.ts for the exit codes.
import { Redact } from "@aktivitetsmodell/core"
import { parseArgs, parseAuditArgs, usage } from "./node/cliArgs.js"

const argv = process.argv.slice(2)
const io = {
  stdout: (text: string) => process.stdout.write(`${text}\n`),
  stderr: (text: string) => process.stderr.write(`${text}\n`),
}

// `--help` needs only the argument parser, so it is answered here, as run()
// answers it, before the report's modules (arquero, the indicators, the
// policy tree) are loaded. Everything else, a usage error included, is run()'s.
const asksHelp = (): boolean => {
  try {
    return (argv[0] === "audit" ? parseAuditArgs(argv.slice(1)) : parseArgs(argv)).help
  } catch {
    return false
  }
}

if (asksHelp()) io.stdout(Redact.text(usage.trimEnd()))
else {
  // Not a top-level await, so that a failure to load is Node's own report.
  void import("./node/run.js").then(({ run }) =>
    run(argv, io).then(
      (code) => {
        process.exitCode = code
      },
      () => {
        // run() answers every failure itself; this is only writing to a closed stream.
        process.exitCode = 2
      },
    ),
  )
}
