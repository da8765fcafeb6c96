// Where the command line writes, and the line it ends on when something it
// did not foresee fails. Every line passes through core's redaction here,
// the one place all output goes through.
import { Io as CoreIo } from "@aktivitetsmodell/core"
import { type UsageError, usage } from "./cliArgs.js"

/**
 * Where `aktivitet-report` writes. Each call is one line or block, without a final line break.
 * @category models
 */
export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

/** `io` with every line redacted: no identity number reaches stdout or stderr. */
export const redacting: (io: Io) => Io = CoreIo.redacting

/**
 * Reports a failure nothing else explains and gives its exit code, 70 as in
 * `aktivitet-rules`: the error's kind only, never its text, which might
 * quote input (a name, a value).
 */
export const internalError = (e: unknown, io: Io): number => {
  const kind = e instanceof Error ? e.name : typeof e
  io.stderr(
    `Internal error in aktivitet-report (${kind}); please report it / Intern feil i aktivitet-report (${kind}); meld gjerne fra om den`,
  )
  return 70
}

/** Reports wrong usage, as every command does: the message, then the help; exit code 2. */
export const usageFailure = (e: UsageError, io: Io): number => {
  io.stderr(e.message)
  io.stderr(`\n${usage}`)
  return 2
}
