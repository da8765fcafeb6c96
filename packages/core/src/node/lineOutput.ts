// A command's output to a stream its reader may close early, as
// `aktivitet-rules impact … | head` does. Node reports the closed pipe as an
// EPIPE error on the stream; unhandled, it ends the process with a stack
// trace. Here the first such error marks the output closed: later lines are
// dropped and waiting for drain returns at once, so the command finishes
// and exits with its own code.
import { guard } from "../internal/guard.js"

/** The part of a writable stream this needs: `process.stdout` and `process.stderr` fit. */
export interface LineStream {
  write(text: string): unknown
  on(event: "error", listener: (e: Error & { code?: string }) => void): unknown
  once(event: "drain", listener: () => void): unknown
  readonly writableNeedDrain: boolean
}

/** Writes lines to a stream and waits for a slow reader, quietly stopping once the reader has gone. */
export interface LineOutput {
  /** Writes `text` and a line break, or nothing once the reader has gone. */
  readonly line: (text: string) => void
  /** Resolves when the stream can take more, or at once when the reader has gone. */
  readonly drain: () => Promise<void>
}

/**
 * Lines to `stream`, for a command-line program's standard output or error.
 * An error other than a closed pipe is thrown again, as Node would.
 * @example
 * const out = lineOutput(process.stdout)
 * out.line("Endrede avgjørelser: 36")
 * await out.drain()
 * @category constructors
 */
export const lineOutput = guard(
  "lineOutput",
  { en: "a writable stream, such as process.stdout", nb: "en skrivbar strøm, som process.stdout" },
  (stream: LineStream): LineOutput => {
    let gone = false
    const waiting = new Set<() => void>()
    stream.on("error", (e) => {
      if (e.code !== "EPIPE") throw e
      gone = true
      for (const done of waiting) done()
      waiting.clear()
    })
    return {
      line: (text) => {
        if (!gone) stream.write(`${text}\n`)
      },
      drain: () =>
        gone || !stream.writableNeedDrain
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              const done = () => {
                waiting.delete(done)
                resolve()
              }
              waiting.add(done)
              stream.once("drain", done)
            }),
    }
  },
)
