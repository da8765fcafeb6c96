#!/usr/bin/env node
import { once } from "node:events"
// The `aktivitet-rules` executable: runs the command line on this process.
import { readFileSync } from "node:fs"
import { run } from "./cli/main.js"

void run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  stdin: () => readFileSync(0, "utf8"),
  stdinStream: () => process.stdin,
  // A pipe to a slow reader fills up; wait rather than buffer the whole output.
  drain: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, "drain")
  },
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code
})
