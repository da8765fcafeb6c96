// The one error class of the monorepo, with the plain (unguarded) formatting
// and redaction of a problem it needs. It sits below core's boundary guard,
// which turns foreign errors into a CoreError, a subclass of this one, and it
// loads no schema library: the command lines load it before anything else.

import type { Located, Problem } from "./internal/problem.js"
import type { Bilingual, Lang } from "./internal/text.js"
import * as Redact from "./Redact.js"

/** The problem with every text redacted; fields a package added are kept as they are. */
export const redactProblem = <P extends Located>(p: P): P => ({
  ...p,
  code: Redact.text(p.code),
  pointer: Redact.text(p.pointer),
  ...(Array.isArray(p.path)
    ? { path: p.path.map((k: unknown) => (typeof k === "number" ? k : Redact.text(String(k)))) }
    : typeof p.path === "string"
      ? { path: Redact.text(p.path) }
      : {}),
  ...(p.file === undefined ? {} : { file: Redact.text(p.file) }),
  message: { en: Redact.text(p.message.en), nb: Redact.text(p.message.nb) },
})

/** `file:line: message (at pointer)`, in one language or both (English first, then bokmål). */
export const formatProblem = (p: Located, lang: Lang | "both" = "both"): string => {
  const line = typeof p.line === "number" ? p.line : undefined
  const where =
    p.file !== undefined && p.file !== ""
      ? `${p.file}${line === undefined ? "" : `:${line}`}: `
      : line === undefined
        ? ""
        : `${lang === "nb" ? "linje" : "line"} ${line}: `
  const text = lang === "both" ? `${p.message.en} / ${p.message.nb}` : p.message[lang]
  const at = p.pointer === "" ? "" : lang === "nb" ? ` (i ${p.pointer})` : ` (at ${p.pointer})`
  return Redact.text(`${where}${text}${at}`)
}

// Building an error must never throw, whatever it is given: a getter that
// throws, a value that is not text, a list that is not a list.
const textOf = (u: unknown): string => {
  try {
    return typeof u === "string" ? u : Redact.show(u)
  } catch {
    return typeof u
  }
}

const part = (text: unknown, lang: Lang, fallback: string): string => {
  try {
    if (text === undefined) return fallback
    return Redact.text(textOf((text as Record<string, unknown>)[lang]))
  } catch {
    return fallback
  }
}

const listOf = <P extends Located>(problems: unknown): ReadonlyArray<P> => {
  if (!Array.isArray(problems)) return []
  const out: Array<P> = []
  for (const p of problems as ReadonlyArray<P>) {
    try {
      out.push(redactProblem(p))
    } catch {
      out.push({
        code: "unreadable",
        pointer: "",
        message: { en: "(unreadable problem)", nb: "(uleselig problem)" },
      } as P)
    }
  }
  return out
}

const formatOr = (p: Located): string => {
  try {
    return formatProblem(p)
  } catch {
    return "?"
  }
}

/**
 * The one error the monorepo throws: `text` says what failed in both languages
 * (`en`, `nb` the same apart), `problems` lists every problem found, never
 * only the first, and `message` shows them. Everything is redacted, so no
 * identity number leaves through an error. Each package throws subclasses of
 * it, so `instanceof ProblemsError` catches whatever the library throws.
 * Also reachable as `Problems.ProblemsError`.
 * @example
 * try { Catalogue.decodeOrThrow(json) } catch (e) { if (e instanceof ProblemsError) console.error(e.text.nb, e.problems.length) }
 * @category models
 */
export class ProblemsError<P extends Located = Problem> extends Error {
  override readonly name: string = "ProblemsError"
  readonly problems: ReadonlyArray<P>
  readonly text: Bilingual
  readonly en: string
  readonly nb: string
  /**
   * @param problems Every problem found; none for an error about a call rather than data.
   * @param text What failed, in both languages; by default a count of the problems.
   * @param message The error's `message`; by default the text and then the problems, one a line.
   */
  constructor(problems: ReadonlyArray<P>, text?: Bilingual, message?: string) {
    const list = listOf<P>(problems)
    const en = part(text, "en", `${list.length} problem(s)`)
    const nb = part(text, "nb", `${list.length} problem(er)`)
    const shown = list.length === 0 ? "" : `:\n${list.map((p) => `  ${formatOr(p)}`).join("\n")}`
    super(message === undefined ? `${en} / ${nb}${shown}` : Redact.text(textOf(message)))
    this.problems = list
    this.text = { en, nb }
    this.en = en
    this.nb = nb
  }

  /** The class's name, as Effect's tagged errors carry it: `"PolicyError"`, `"BatchError"` … */
  get _tag(): string {
    return this.name
  }
}
