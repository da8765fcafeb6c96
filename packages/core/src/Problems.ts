/**
 * The one problem shape of the monorepo and the one error that carries
 * problems. A {@link Problem} says what is wrong (`code`), where (a JSON
 * pointer, the same place as keys when known, the file and line when there is
 * one) and what was expected, in English and Norwegian bokmål. Core's loaders,
 * the KPR check, the rules package's policy problems and the analytics data
 * files all build on it; each narrows `code` to its own codes and adds fields.
 *
 * `Problems.of` flattens an Effect Schema issue into problems, with the same
 * wording the catalogue and batch loaders use, for other packages' loaders.
 *
 * @example
 * import { Problems } from "@aktivitetsmodell/core"
 * const p: Problems.Problem = {
 *   code: "unknown-department",
 *   pointer: "/offerings/3/operator/department",
 *   file: "catalogue/offerings.json",
 *   line: 77,
 *   message: { en: 'Unknown department "x"', nb: "Ukjent avdeling «x»" },
 * }
 * Problems.format(p, "en") // 'catalogue/offerings.json:77: Unknown department "x" (at /offerings/3/operator/department)'
 * throw new Problems.ProblemsError([p])
 *
 * @module
 */
import { guard } from "./internal/guard.js"
import type { Problem } from "./internal/issues.js"
import type { Bilingual, Lang } from "./internal/text.js"
import * as Redact from "./Redact.js"

export {
  /**
   * `["offerings", 3, "limits"]` → `offerings[3].limits`; an absent path is `""`.
   * @category constructors
   */
  formatPath,
  /**
   * `["offerings", 3, "limits"]` → `/offerings/3/limits` (RFC 6901); an absent path is `""`.
   * @category constructors
   */
  jsonPointer,
  type PathProblem,
  type Problem,
  /**
   * Flattens a schema issue into problems with paths, pointers and bilingual
   * messages; their code is {@link schemaCode}.
   * @example
   * const r = Schema.decodeUnknownResult(Referral.Referral)(input, { errors: "all" })
   * if (Result.isFailure(r)) Problems.of(r.failure.issue)
   * @category constructors
   */
  problemsOf as of,
  /**
   * `"schema"`: the code of every problem `Problems.of` returns.
   * @category models
   */
  schemaCode,
} from "./internal/issues.js"

/**
 * The problem with every text redacted (file, pointer, path keys, message):
 * a national identity number in the data never reaches a caller through it.
 * Fields a package added are kept as they are.
 * @example
 * Problems.redacted({ code: "shape", pointer: "/01019012345", message: { en: "…", nb: "…" } }).pointer // "/***********"
 * @category constructors
 */
export const redacted = guard(
  "Problems.redacted",
  { en: "(problem: Problem)", nb: "(problem: Problem)" },
  <P extends Located>(p: P): P => ({
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
  }),
)

/**
 * A problem as a person reads it: `file:line: message (at pointer)`, with
 * the parts it has, in one language or both (English first, then bokmål).
 * @example
 * Problems.format({ code: "schema", pointer: "/date", line: 3, message: { en: "Expected a date", nb: "Forventet en dato" } }, "nb")
 * // "linje 3: Forventet en dato (i /date)"
 * @category constructors
 */
export const format = guard(
  "Problems.format",
  { en: '(problem: Problem, lang?: "en" | "nb" | "both")', nb: '(problem: Problem, lang?: "en" | "nb" | "both")' },
  (p: Located, lang: Lang | "both" = "both"): string => {
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
  },
)

/**
 * A problem whose `path`, if any, a package keeps in its own form (the
 * catalogue's `offerings[3].limits` text): what {@link format},
 * {@link redacted} and {@link ProblemsError} need.
 * @category models
 */
export type Located = Omit<Problem, "path"> & { readonly path?: unknown }

// The error must be built whatever it is given, so that throwing it never throws.
const listOf = (problems: unknown): ReadonlyArray<Located> => {
  try {
    return Array.isArray(problems) ? problems.map((p: Located) => redacted(p)) : []
  } catch {
    return []
  }
}

const formatOr = (p: Located): string => {
  try {
    return format(p)
  } catch {
    return "?"
  }
}

/**
 * The one error that carries problems: every problem, never only the first,
 * each redacted. `en` and `nb` say what failed; `message` lists the problems
 * one a line. Core's catalogue loader throws a subclass of it; other packages'
 * errors carry the same `problems` shape.
 * @example
 * try { Catalogue.decodeOrThrow(json) } catch (e) { if (e instanceof Problems.ProblemsError) e.problems.map((p) => p.pointer) }
 * @category models
 */
export class ProblemsError<P extends Located = Problem> extends Error {
  readonly _tag: string = "ProblemsError"
  readonly problems: ReadonlyArray<P>
  readonly en: string
  readonly nb: string
  /**
   * @param problems Every problem found.
   * @param text What failed, in both languages; by default a count of the problems.
   * @param message The error's `message`; by default the text and the problems, one a line.
   */
  constructor(problems: ReadonlyArray<P>, text?: Bilingual, message?: string) {
    const list = listOf(problems) as ReadonlyArray<P>
    const en = Redact.text(text?.en ?? `${list.length} problem(s)`)
    const nb = Redact.text(text?.nb ?? `${list.length} problem(er)`)
    super(message === undefined ? `${en} / ${nb}:\n${list.map((p) => `  ${formatOr(p)}`).join("\n")}` : message)
    this.problems = list
    this.en = en
    this.nb = nb
    this.name = "ProblemsError"
  }
}
