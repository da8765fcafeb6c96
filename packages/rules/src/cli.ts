// The `aktivitet-rules` executable: runs the command line on this process.
import { readFileSync } from "node:fs"
import { run } from "./cli/main.js"

process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  stdin: () => readFileSync(0, "utf8"),
  cwd: process.cwd()
})
