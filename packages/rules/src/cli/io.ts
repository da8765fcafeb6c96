// What the commands share: where output goes, how a message in two languages
// is printed, and reading input — a whole JSON file with line numbers for
// its problems, or JSON Lines as a stream. Every line written passes through
// core's redaction here, the one place all output goes through.
import { closeSync, createReadStream, readSync } from "node:fs"
import { relative, resolve } from "node:path"
import type { Bilingual } from "@aktivitetsmodell/core"
import { Io as CoreIo, JsonText, Redact } from "@aktivitetsmodell/core"
import { bytesSavedAsUtf16, bytesWithoutBom, savedAsUtf16, utf16Message, withoutBom } from "../internal/encoding.js"
import { shortLine } from "../internal/text.js"
import { byteCount, expectFile, inspect, openRegular, type Refusal, readRegularBytes, tooLarge } from "../node/paths.js"
import { RulesError } from "../RulesError.js"
import { once } from "./lines.js"

/** Where a command writes, and where it reads standard input from. */
export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Standard input as one text (JSON input). */
  readonly stdin: () => string
  readonly cwd: string
  /** Standard input as a stream of chunks (JSON Lines input); without it, `stdin()` is read whole. */
  readonly stdinStream?: () => AsyncIterable<string | Uint8Array>
  /** Resolves when standard output can take more, so a long stream waits for a slow reader. */
  readonly drain?: () => Promise<void>
}

/** The language of the command line's output: one of core's `Lang`, or both. */
export type OutputLang = "en" | "nb" | "both"

/** `io` with every line redacted: no identity number reaches stdout or stderr. */
export const redacting: (io: Io) => Io = CoreIo.redacting

/** A message in the chosen language, or both as "English / bokmål", after `indent`. */
export const say = (m: Bilingual, lang: OutputLang, indent = ""): string =>
  Redact.text(`${indent}${lang === "both" ? `${m.en} / ${m.nb}` : m[lang]}`)

/** A path as the person typed it, relative to where they stand: for messages, so on one line and cut short. */
export const shown = (io: Io, path: string): string => {
  const full = resolve(io.cwd, path)
  const rel = relative(io.cwd, full)
  return shortLine(rel === "" ? "." : rel.startsWith("..") ? full : rel, 400)
}

/** Wrong usage or an unusable path: printed as one line, exit code 2. `place` prefixes both languages once. */
export class UsageError extends RulesError {
  override readonly name: string = "UsageError"
  constructor(
    text: Bilingual,
    readonly place = "",
  ) {
    super(text)
  }
}

/** The usage error for a path that cannot be used as `what`. */
export const refused = (io: Io, path: string, r: Refusal): UsageError =>
  new UsageError(r.message, `${shown(io, path)}: `)

/** JSON written as one line, with anything like an identity number masked inside its strings, so it stays valid JSON. */
export const jsonLine = (value: unknown, indent?: number): string => {
  const text = JSON.stringify(value, null, indent)
  if (!Redact.containsNationalId(text)) return text
  return JSON.stringify(
    value,
    (_key, v: unknown) =>
      typeof v === "string"
        ? Redact.text(v)
        : typeof v === "number" && Redact.containsNationalId(String(v))
          ? Redact.MASK
          : v,
    indent,
  )
}

/** The most a whole JSON input may be; JSON Lines has no such limit. */
export const maxJsonBytes = 100_000_000

/**
 * Reads a JSON file or standard input ("-"), with a lineOf for its JSON
 * pointers. A leading byte order mark is skipped. With `take`, the top
 * object's lists it takes are handed over as they are parsed (JsonText.Take).
 */
export const readJson = (
  io: Io,
  file: string,
  take?: JsonText.Take,
): { readonly value: unknown; readonly lineOf: (pointer: string) => number; readonly name: string } => {
  const name = file === "-" ? "<stdin>" : shown(io, file)
  const parsed = file === "-" ? stdinJson(io, name, take) : fileJson(io, file, name, take)
  if (!parsed.ok) {
    throw new UsageError({
      en: `${name}:${parsed.line}: ${parsed.message.en} (column ${parsed.column})`,
      nb: `${name}:${parsed.line}: ${parsed.message.nb} (kolonne ${parsed.column})`,
    })
  }
  return { value: parsed.value, lineOf: (pointer) => JsonText.nearestLine(parsed, pointer), name }
}

// A file this large is parsed as it is read, a window at a time
// (JsonText.parseUtf8Read): holding an 80 MB file's bytes beside what is
// parsed from them costs more than reading it twice where a line is needed.
const readAsParsed = 1 << 22

// Windows editors may start a UTF-8 file with a byte order mark: it is no
// part of the JSON, and lines and columns count from after it. A file saved
// as UTF-16 is named as such, as a policy file is.
const fileJson = (io: Io, file: string, name: string, take: JsonText.Take | undefined): JsonText.Parsed => {
  const found = regularFile(io, file)
  const whole = (): Uint8Array => {
    const r = readRegularBytes(found.real, maxJsonBytes)
    if (!r.ok) throw readRefused(io, file, r)
    if (bytesSavedAsUtf16(r.bytes)) throw new UsageError(utf16Message, `${name}: `)
    return bytesWithoutBom(r.bytes)
  }
  if (found.size < readAsParsed) return JsonText.parseUtf8(whole(), take)
  const opened = openRegular(found.real)
  if (!opened.ok) throw readRefused(io, file, opened)
  try {
    if (opened.size > maxJsonBytes) throw readRefused(io, file, tooLarge(opened.size, maxJsonBytes))
    const head = new Uint8Array(4096)
    const headLength = readSync(opened.fd, head, 0, head.length, 0)
    if (bytesSavedAsUtf16(head.subarray(0, headLength))) throw new UsageError(utf16Message, `${name}: `)
    let position = headLength - bytesWithoutBom(head.subarray(0, headLength)).length
    const read = (into: Uint8Array): number => {
      const n = readSync(opened.fd, into, 0, into.length, position)
      position += n
      // A file grown past the cap since it was opened.
      if (position > maxJsonBytes) throw readRefused(io, file, tooLarge(position, maxJsonBytes))
      return n
    }
    return JsonText.parseUtf8Read(read, whole, take)
  } finally {
    closeSync(opened.fd)
  }
}

const stdinJson = (io: Io, name: string, take: JsonText.Take | undefined): JsonText.Parsed => {
  const text = stdinText(io, name)
  if (savedAsUtf16(text)) throw new UsageError(utf16Message, `${name}: `)
  return JsonText.parse(withoutBom(text), take)
}

// Standard input's text, refused over maxJsonBytes.
const stdinText = (io: Io, name: string): string => {
  let text: string
  try {
    text = io.stdin()
  } catch {
    throw new UsageError({ nb: "Kan ikke lese standard inn", en: "Cannot read standard input" })
  }
  if (text.length > maxJsonBytes) {
    const most = byteCount(maxJsonBytes)
    throw new UsageError(
      {
        nb: `Inndata er over ${most.nb}; gi større inndata som JSON Lines`,
        en: `The input is over ${most.en}; give larger inputs as JSON Lines`,
      },
      `${name}: `,
    )
  }
  return text
}

// The file's real path and size; a refusal of anything that is not a regular file.
const regularFile = (io: Io, file: string): { readonly real: string; readonly size: number } => {
  const found = inspect(resolve(io.cwd, file))
  const refusal = expectFile(found)
  if (refusal === undefined && found.kind === "file") return found
  throw refused(io, file, refusal ?? { code: "not-a-file", message: { nb: "Ikke en fil", en: "Not a file" } })
}

// Why `file` cannot be read; a file too large is told where to turn.
const readRefused = (io: Io, file: string, r: Refusal): UsageError =>
  refused(
    io,
    file,
    r.code === "too-large"
      ? {
          code: r.code,
          message: {
            nb: `${r.message.nb}; gi større inndata som JSON Lines (.jsonl)`,
            en: `${r.message.en}; give larger inputs as JSON Lines (.jsonl)`,
          },
        }
      : r,
  )

/** True when `file` is to be read as JSON Lines: by `--jsonl`, or a .jsonl or .ndjson name. */
export const isJsonLines = (file: string, flag: boolean): boolean => flag || /\.(?:jsonl|ndjson)$/iu.test(file)

/** Opens a file or standard input ("-") as a stream of chunks, refusing what is not a regular file. */
export const openStream = (
  io: Io,
  file: string,
): { readonly name: string; readonly chunks: AsyncIterable<string | Uint8Array> } => {
  if (file === "-") return { name: "<stdin>", chunks: io.stdinStream?.() ?? once(io.stdin()) }
  const path = resolve(io.cwd, file)
  const found = inspect(path)
  const refusal = expectFile(found)
  if (refusal !== undefined || found.kind !== "file")
    throw refused(io, file, refusal ?? { code: "not-a-file", message: { nb: "Ikke en fil", en: "Not a file" } })
  const opened = openRegular(found.real)
  if (!opened.ok) throw refused(io, file, opened)
  return {
    name: shown(io, file),
    chunks: createReadStream("", { fd: opened.fd, autoClose: true, highWaterMark: 1 << 16 }),
  }
}
