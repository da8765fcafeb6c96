// JSON Lines input, read as a stream: one line at a time, so a file of a
// million subjects never sits in memory. Lines longer than a cap are
// reported and skipped rather than buffered, so one endless line cannot
// exhaust memory either. (node:readline would buffer such a line whole.)

/** One line of input, numbered from 1, or the note that it was too long to read. */
export type Line = { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: true }

/** The longest line read, in characters; a subject or item is well under a kilobyte. */
export const maxLineChars = 1_000_000

/** The lines of a stream of chunks (bytes are read as UTF-8), without their line endings. */
export async function* lines(
  chunks: AsyncIterable<string | Uint8Array>,
  maxChars = maxLineChars,
): AsyncGenerator<Line> {
  const decoder = new TextDecoder("utf-8")
  let partial = ""
  let skipping = false
  let n = 0
  const finish = (text: string): Line => {
    n++
    if (skipping || text.length > maxChars) {
      skipping = false
      return { line: n, tooLong: true }
    }
    return { line: n, text: text.endsWith("\r") ? text.slice(0, -1) : text }
  }
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })
    let start = 0
    for (;;) {
      const end = text.indexOf("\n", start)
      if (end === -1) break
      yield finish(skipping ? "" : partial + text.slice(start, end))
      partial = ""
      start = end + 1
    }
    if (!skipping) {
      partial += text.slice(start)
      if (partial.length > maxChars) {
        skipping = true
        partial = ""
      }
    }
  }
  const rest = partial + decoder.decode()
  if (skipping || rest !== "") yield finish(skipping ? "" : rest)
}

/** A text as a stream of one chunk, for callers that have it whole. */
export async function* once(text: string): AsyncGenerator<string> {
  yield text
}
