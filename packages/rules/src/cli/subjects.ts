// The subjects `evaluate` and `explain` read: a JSON file holding one
// subject or a list of them (read whole, every problem reported before any
// output), or JSON Lines, one subject per line (read as a stream; a bad line
// is reported with its number and the others still evaluated).
import { Redact } from "@aktivitetsmodell/core"

import type { Tree } from "../PolicyTree.js"
import { decode, type Subject } from "../Subject.js"
import { type Io, type OutputLang, openStream, readJson, say } from "./io.js"
import { lines, maxLineChars } from "./lines.js"

/** A problem with one input line or element: the line it is on, and what. */
export const report = (
  io: Io,
  name: string,
  line: number,
  message: { en: string; nb: string },
  lang: OutputLang,
  pointer = "",
): void => {
  const at = pointer === "" ? "" : ` (${lang === "nb" ? "i" : "at"} ${Redact.text(pointer)})`
  io.stderr(`${name}:${line}: ${say(message, lang)}${at}`)
}

/** A whole JSON file of one subject or a list: the decoded subjects, or undefined after reporting every problem. */
export const subjectsOfJson = (
  io: Io,
  file: string,
  tree: Tree,
  lang: OutputLang,
): { subjects: Array<Subject>; many: boolean } | undefined => {
  const input = readJson(io, file)
  const many = Array.isArray(input.value)
  const raw: ReadonlyArray<unknown> = many ? (input.value as ReadonlyArray<unknown>) : [input.value]
  const subjects: Array<Subject> = []
  let bad = false
  raw.forEach((value, i) => {
    const r = decode(value, tree.catalogue)
    if (r.ok) subjects.push(r.subject)
    else {
      bad = true
      for (const p of r.problems) {
        const pointer = `${many ? `/${i}` : ""}${p.pointer}`
        report(io, input.name, input.lineOf(pointer), p.message, lang, pointer)
      }
    }
  })
  return bad ? undefined : { subjects, many }
}

/** One parsed JSON Lines line, or undefined after reporting why it is not JSON. */
export const parseLine = (
  io: Io,
  name: string,
  line: { line: number; text: string } | { line: number; tooLong: true },
  lang: OutputLang,
): { ok: true; value: unknown } | { ok: false; blank: boolean } => {
  if ("tooLong" in line) {
    report(
      io,
      name,
      line.line,
      {
        nb: `Linjen er lengre enn ${maxLineChars} tegn; den hoppes over`,
        en: `The line is longer than ${maxLineChars} characters; it is skipped`,
      },
      lang,
    )
    return { ok: false, blank: false }
  }
  if (line.text.trim() === "") return { ok: false, blank: true }
  try {
    return { ok: true, value: JSON.parse(line.text) as unknown }
  } catch {
    report(
      io,
      name,
      line.line,
      { nb: "Ikke JSON: hver linje må inneholde én JSON-verdi", en: "Not JSON: each line must hold one JSON value" },
      lang,
    )
    return { ok: false, blank: false }
  }
}

/**
 * The subjects of a JSON Lines file or standard input, one per line, as they
 * arrive. A line that is not a valid subject is reported and counted in `bad`.
 */
export async function* subjectsOfLines(
  io: Io,
  file: string,
  tree: Tree,
  lang: OutputLang,
  bad: { count: number },
): AsyncGenerator<Subject> {
  const { name, chunks } = openStream(io, file)
  for await (const line of lines(chunks)) {
    const parsed = parseLine(io, name, line, lang)
    if (!parsed.ok) {
      if (!parsed.blank) bad.count++
      continue
    }
    const r = decode(parsed.value, tree.catalogue)
    if (r.ok) yield r.subject
    else {
      bad.count++
      for (const p of r.problems) report(io, name, line.line, p.message, lang, p.pointer)
    }
  }
}
