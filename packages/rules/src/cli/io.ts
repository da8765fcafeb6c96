// What the commands share: where output goes, how a message in two languages
// is printed, and reading JSON input with line numbers for its problems.
import { readFileSync } from "node:fs"
import { relative, resolve } from "node:path"
import type { Bilingual } from "@aktivitetsmodell/core"
import { JsonText } from "@aktivitetsmodell/core"
import { redact } from "../internal/text.js"

/** Where a command writes, and where it reads standard input from. */
export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stdin: () => string
  readonly cwd: string
}

export type Lang = "en" | "nb" | "both"

/** A message in the chosen language, or both as "English / bokmål", after `indent`. */
export const say = (m: Bilingual, lang: Lang, indent = ""): string => redact(`${indent}${lang === "both" ? `${m.en} / ${m.nb}` : m[lang]}`)

/** A path as the person typed it, relative to where they stand. */
export const shown = (io: Io, path: string): string => {
  const full = resolve(io.cwd, path)
  const rel = relative(io.cwd, full)
  return rel === "" ? "." : rel.startsWith("..") ? full : rel
}

export class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en)
  }
}

/** Reads a JSON file or standard input ("-"), with a lineOf for its JSON pointers. */
export const readJson = (io: Io, file: string): { readonly value: unknown; readonly lineOf: (pointer: string) => number; readonly name: string } => {
  let text: string
  try {
    text = file === "-" ? io.stdin() : readFileSync(resolve(io.cwd, file), "utf8")
  } catch {
    throw new UsageError({ en: `Cannot read ${file}`, nb: `Kan ikke lese ${file}` })
  }
  const name = file === "-" ? "<stdin>" : shown(io, file)
  const parsed = JsonText.parse(text)
  if (!parsed.ok) {
    throw new UsageError({ en: `${name}:${parsed.line}: ${parsed.message.en} (column ${parsed.column})`, nb: `${name}:${parsed.line}: ${parsed.message.nb} (kolonne ${parsed.column})` })
  }
  return { value: JSON.parse(text) as unknown, lineOf: (pointer) => JsonText.nearestLine(parsed, pointer), name }
}
