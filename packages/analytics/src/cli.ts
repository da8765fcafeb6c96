#!/usr/bin/env node
// aktivitet-report: build the activity report of a municipality-year and
// write it as HTML, Markdown, CSV or JSON. See `aktivitet-report --help` and
// ./node/run.ts for the exit codes.
import { run } from "./node/run.js"

// Not a top-level await: the CLI is also built as CommonJS.
run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`)
}).then(
  (code) => {
    process.exitCode = code
  },
  () => {
    // run() answers every failure itself; this is only writing to a closed stream.
    process.exitCode = 2
  }
)
