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
import type { Located } from "./internal/problem.js"
import type { Lang } from "./internal/text.js"
import { formatProblem, redactProblem } from "./ProblemsError.js"

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
  redactProblem,
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
  (p: Located, lang: Lang | "both" = "both"): string => formatProblem(p, lang),
)

export type {
  /**
   * A problem whose `path`, if any, a package keeps in its own form (the
   * catalogue's `offerings[3].limits` text): what {@link format},
   * {@link redacted} and {@link ProblemsError} need.
   * @category models
   */
  Located,
} from "./internal/problem.js"

export {
  /**
   * The one error the monorepo throws: every problem, never only the first,
   * each redacted. `text` (and `en`, `nb`) say what failed; `message` lists
   * the problems one a line. Core's, the rules package's and the analytics
   * package's errors are all subclasses of it, so one `instanceof` catches
   * whatever the library throws.
   * @example
   * try { Catalogue.decodeOrThrow(json) } catch (e) { if (e instanceof Problems.ProblemsError) e.problems.map((p) => p.pointer) }
   * @category models
   */
  ProblemsError,
} from "./ProblemsError.js"
