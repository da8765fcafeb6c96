#!/usr/bin/env node
// The `aktivitet-report` executable: runs the command line on this process.
// See ./node/run.ts for run() and its exit codes.
import { run } from "./node/run.js"

void run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code
})
