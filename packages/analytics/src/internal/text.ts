// Every label and message the package shows a person exists in bokmål and
// English; reports pick one, errors carry both.
import { type Bilingual, type Lang, type Problems, ProblemsError, Redact } from "@aktivitetsmodell/core"

export type { Bilingual, Lang }

/**
 * An error whose message a person can act on, in both languages: the English
 * text first, then the Norwegian, as the rest of the monorepo does.
 *
 * Both texts pass through core's one redaction here, so no message of this
 * package can carry a national identity number, whoever built it and from
 * whatever input.
 * @example
 * try { buildReport(year) } catch (e) { if (e instanceof AnalyticsError) console.error(e.text.nb) }
 * @category errors
 */
export class AnalyticsError<P extends Problems.Located = Problems.Located> extends ProblemsError<P> {
  override readonly name: string = "AnalyticsError"
  /**
   * @param text What failed, in both languages.
   * @param problems Every problem found, when the error is about data.
   */
  constructor(text: Bilingual, problems: ReadonlyArray<P> = []) {
    // The message is the text alone: a subclass's text already lists its problems.
    const t = { en: part(text, "en"), nb: part(text, "nb") }
    super(problems, t, `${t.en} / ${t.nb}`)
  }
}

// One language of a message; anything else than { nb, en } texts (from plain
// JavaScript) is described, never left to throw inside the error's constructor.
const part = (text: unknown, lang: "nb" | "en"): string => {
  try {
    const s = (text as Record<string, unknown>)[lang]
    return typeof s === "string" ? s : Redact.show(text)
  } catch {
    return typeof text
  }
}

/**
 * A file that cannot be used at all: missing, unreadable, not JSON, or not of
 * the expected shape. Its message is one line naming the file (and the line
 * or JSON pointer where that helps); the command line exits with 2 on it.
 * @category errors
 */
export class FileError extends AnalyticsError {
  override readonly name: string = "FileError"
  /** The file, redacted like the message (a path can hold an identity number). */
  readonly file: string
  constructor(file: string, text: Bilingual) {
    // One line: a line break inside a reason (or a file name) would split it.
    super({ nb: oneLine(part(text, "nb")), en: oneLine(part(text, "en")) })
    this.file = Redact.text(typeof file === "string" ? file : Redact.show(file))
  }
}

const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/gu, " ")

/**
 * A value from a file as a message quotes it: redacted and cut short (core's
 * Redact.show), in English "…" and in bokmål «…».
 */
export const quoted = (value: string): Bilingual => {
  const en = Redact.show(value)
  return { nb: `«${en.slice(1, -1)}»`, en: en }
}

/** A file name as a person reads it in a message: quoted when it holds control characters. */
export const fileName = (file: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to find control characters in a file name
  /[\u0000-\u001f\u007f\u2028\u2029]/u.test(file) ? JSON.stringify(file) : file
