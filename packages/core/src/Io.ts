/**
 * A command line's output, as both command lines (`aktivitet-rules`,
 * `aktivitet-report`) write it: through an object with `stdout` and `stderr`,
 * so that tests and apps can capture it, and every line redacted.
 *
 * @module
 */
import { guard } from "./internal/guard.js"
import * as Redact from "./Redact.js"

/**
 * Where a command line writes: one call per line.
 * @category models
 */
export interface Writers {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

/**
 * `io` with every line redacted: `stdout` and `stderr` wrapped, everything
 * else kept. No identity number reaches the terminal, whoever built the line.
 * @example
 * const io = Io.redacting({ stdout: console.log, stderr: console.error })
 * io.stdout("fnr 01019012345") // prints "fnr ***********"
 * @category constructors
 */
export const redacting: <W extends Writers>(io: W) => W = guard(
  "Io.redacting",
  { nb: "et objekt med funksjonene stdout og stderr", en: "an object with the functions stdout and stderr" },
  <W extends Writers>(io: W): W => {
    const { stdout, stderr } = io
    if (typeof stdout !== "function" || typeof stderr !== "function") throw new TypeError("stdout and stderr")
    return {
      ...io,
      stdout: (line: string) => stdout(Redact.text(line)),
      stderr: (line: string) => stderr(Redact.text(line)),
    }
  },
)
