#!/usr/bin/env node
// The `aktivitet-report` executable: runs the command line on this process.
// See ./node/run.ts for run() and its exit codes.
import { lineOutput } from "@aktivitetsmodell/core/node"
import { run } from "./node/run.js"

// A reader that stops early (`| head`) ends the output, not the command.
void run(process.argv.slice(2), {
  stdout: lineOutput(process.stdout).line,
  stderr: lineOutput(process.stderr).line,
}).then((code) => {
  process.exitCode = code
})
