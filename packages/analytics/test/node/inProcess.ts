// aktivitet-report run in process, as tests run it: an io that collects the
// lines, and the exit code with what went to each stream.
import { type Io, run } from "../../src/node/run.js"

export const cli = async (
  argv: ReadonlyArray<string>,
  io?: Partial<Io>,
): Promise<{ readonly code: number; readonly stdout: string; readonly stderr: string }> => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), ...io })
  return { code, stdout: out.join("\n"), stderr: err.join("\n") }
}
