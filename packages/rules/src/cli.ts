#!/usr/bin/env node
// The `aktivitet-rules` executable: runs the command line on this process.
import { readFileSync } from "node:fs"
import { lineOutput } from "@aktivitetsmodell/core/node"
import { run } from "./cli/main.js"

// A reader that stops early (`| head`) ends the output, not the command.
const out = lineOutput(process.stdout)
const err = lineOutput(process.stderr)

void run(process.argv.slice(2), {
  stdout: out.line,
  stderr: err.line,
  stdin: () => readFileSync(0, "utf8"),
  stdinStream: () => process.stdin,
  // A pipe to a slow reader fills up; wait rather than buffer the whole output.
  drain: out.drain,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code
})
