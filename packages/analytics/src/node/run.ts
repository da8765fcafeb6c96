/**
 * The `aktivitet-report` command line, as a function so tests can run it
 * without a process: `await run(argv, io)` resolves to the exit code.
 *
 * - 0: the report was written (audit: nothing found; export: the tables were written);
 * - 1: records or lines of a file that could be read are wrong (each named,
 *   in English / bokmål), or with `--stop-on-violations` a record was
 *   rejected or a rule of the model broken (audit: a finding); also when
 *   rows of `--statistics` or `--recovery-college` were rejected: the report
 *   is written from the other rows, and each rejected row is named on stderr;
 * - 2: wrong usage, or a file that is missing, unreadable, not JSON or of the
 *   wrong shape (one line naming the file and the line or JSON pointer);
 * - 3: the report would let someone read or work out a count in the
 *   profile's small range (its own audit found it); nothing is written;
 * - 70: an internal error, as in `aktivitet-rules`.
 *
 * Every line it prints passes through core's redaction, and no stack trace is
 * ever printed. docs/cli.md lists the exit codes of both command lines.
 *
 * @module
 */
import { parseArgs, parseAuditArgs, parseExportArgs, UsageError, usage } from "./cliArgs.js"
import { type Io, internalError, redacting, usageFailure } from "./io.js"

export type { Io } from "./io.js"

/**
 * Runs `aktivitet-report` with `argv` (the arguments after the command name)
 * and resolves to the exit code (see the module's description). It never
 * rejects. The report's modules are loaded only when a report or an audit
 * runs, so `--help` and a usage error answer at once.
 * @example
 * process.exitCode = await run(process.argv.slice(2), { stdout: (t) => process.stdout.write(`${t}\n`), stderr: (t) => process.stderr.write(`${t}\n`) })
 * @category outputs
 */
export const run = async (argv: ReadonlyArray<string>, rawIo: Io): Promise<number> => {
  const io = redacting(rawIo)
  try {
    const [first] = argv
    if (first === undefined || first === "help") {
      io.stdout(usage)
      return first === undefined ? 2 : 0
    }
    if (first === "audit") {
      const args = parseAuditArgs(argv.slice(1))
      return args.help ? help(io) : await (await import("./commands.js")).runAudit(args, io)
    }
    if (first === "export") {
      const args = parseExportArgs(argv.slice(1))
      return args.help ? help(io) : await (await import("./commands.js")).runExport(args, io)
    }
    const args = parseArgs(argv)
    return args.help ? help(io) : await (await import("./commands.js")).runReport(args, io)
  } catch (e) {
    try {
      return e instanceof UsageError ? usageFailure(e, io) : internalError(e, io)
    } catch {
      // Not even stderr takes a line (a closed pipe): the exit code is all that is left.
      return 70
    }
  }
}

const help = (io: Io): number => {
  io.stdout(usage)
  return 0
}
