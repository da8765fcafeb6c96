/**
 * A problem found in a policy tree: which file, where in it (JSON pointer and
 * line), what is wrong in English and bokmål, and whether it stops the tree
 * from loading.
 *
 * @module
 */
import type { Bilingual, Problems } from "@aktivitetsmodell/core"
import { Redact } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { oneLine, shortLine } from "./internal/text.js"
import { RulesError } from "./RulesError.js"

/**
 * What kind of problem it is; tests and tools match on the code, people read the message.
 * @category models
 */
export type Code =
  | "syntax"
  | "shape"
  | "forbidden"
  | "unknown-fact"
  | "unknown-operator"
  | "unknown-parameter"
  | "duplicate-parameter"
  | "duplicate-rule"
  | "dated-by"
  | "unknown-offering"
  | "unknown-code"
  | "unknown-outcome"
  | "type-mismatch"
  | "period-order"
  | "period-overlap"
  | "period-gap"
  | "parameter-missing"
  | "unknown-rule"
  | "case-failed"
  | "case-subject"
  | "uncovered"
  | "stray-file"
  | "too-large"
  | "too-many-files"
  | "missing"
  | "not-a-folder"
  | "not-a-file"
  | "symlink-loop"
  | "special-file"
  | "outside-tree"
  | "unreadable"
  | "duplicate"

/**
 * The codes of problems with the files themselves rather than their content:
 * a path that is missing, of the wrong kind, a symlink loop or a symlink out
 * of the tree, a FIFO, socket or device, or a file over the size cap. The
 * command line exits with 2 for these.
 * @example
 * Problem.fileSystemCodes.includes("symlink-loop") // true
 * @category models
 */
export const fileSystemCodes: ReadonlyArray<Code> = [
  "missing",
  "not-a-folder",
  "not-a-file",
  "symlink-loop",
  "special-file",
  "outside-tree",
  "unreadable",
  "too-many-files",
]

/**
 * One problem: core's `Problems.Problem` with the file, pointer and line
 * always given, the code narrowed to this package's codes, and a severity.
 * `file` is relative to the tree's root (`eligibility/karate-needs-intake.json`).
 * @example
 * const p: Problem.Problem = { file: "x.json", pointer: "/versions/0", line: 7, code: "shape", severity: "error", message: { en: "…", nb: "…" } }
 * const asCore: Problems.Problem = p // a rules problem is a core problem
 * @category models
 */
export interface Problem extends Problems.Problem {
  readonly file: string
  readonly pointer: string
  readonly line: number
  /** The column (from 1) of a syntax error, so `file:line:column` points at the mistake itself. */
  readonly column?: number
  readonly code: Code
  readonly severity: "error" | "warning"
  readonly message: Bilingual
}

/**
 * A problem as a person reads it: `file:line: message (pointer)` (a syntax
 * error adds its column: `file:line:column: message`), in one
 * language or both (English first, then bokmål, as core's messages do).
 * @example
 * Problem.format(p) // 'eligibility/x.json:7: Unknown fact "agee"; did you mean "age"? / Ukjent faktum «agee»; mente du «age»? (at /versions/0/conditions/all/0/fact)'
 * @category constructors
 */
export const format = guard(
  "Problem.format",
  {
    nb: '(problem: Problem, lang?: "en" | "nb" | "both", root?: string)',
    en: '(problem: Problem, lang?: "en" | "nb" | "both", root?: string)',
  },
  (p: Problem, lang: "en" | "nb" | "both" = "both", root = ""): string => {
    const place = root === "" || root === "." ? "" : root.replace(/\/$/u, "")
    // A problem with the root itself has no file; one with a file on disk (not its content) no line.
    const path = p.file === "" ? (place === "" ? "." : place) : place === "" ? p.file : `${place}/${p.file}`
    const column = typeof p.column === "number" ? `:${p.column}` : ""
    const where =
      p.file === "" || (p.pointer === "" && (p.code === "too-large" || fileSystemCodes.includes(p.code)))
        ? path
        : `${path}:${p.line}${column}`
    const text = lang === "both" ? `${p.message.en} / ${p.message.nb}` : p.message[lang]
    // A pointer names keys from the file; a long or odd one is cut and escaped.
    const pointer = p.pointer
      .split("/")
      .map((s) => shortLine(s, maxSegment))
      .join("/")
    const at = p.pointer === "" ? "" : lang === "nb" ? ` (i ${pointer})` : ` (at ${pointer})`
    const warn = p.severity === "warning" ? (lang === "nb" ? "advarsel: " : "warning: ") : ""
    return Redact.text(oneLine(`${where}: ${warn}${text}${at}`))
  },
)

// Pointer segments longer than this are cut in messages.
const maxSegment = 80

/**
 * A problem with its file, pointer and message redacted: what `PolicyTree.load`
 * and `Cases.run` return, so no identity number reaches a caller through a problem.
 * @example
 * Problem.redacted({ file: "x.json", pointer: "/01019012345", line: 1, code: "shape", severity: "error", message: { en: "…", nb: "…" } }).pointer // "/***********"
 * @category constructors
 */
export const redacted = guard(
  "Problem.redacted",
  { nb: "(problem: Problem)", en: "(problem: Problem)" },
  (p: Problem): Problem => ({
    file: Redact.text(p.file),
    pointer: Redact.text(p.pointer),
    line: p.line,
    ...(typeof p.column === "number" ? { column: p.column } : {}),
    code: p.code,
    severity: p.severity,
    message: { en: Redact.text(p.message.en), nb: Redact.text(p.message.nb) },
  }),
)

/**
 * True when at least one problem is an error (warnings do not stop a tree).
 * @example
 * Problem.hasErrors(problems)
 * @category predicates
 */
export const hasErrors = guard(
  "Problem.hasErrors",
  { nb: "(problems: ReadonlyArray<Problem>)", en: "(problems: ReadonlyArray<Problem>)" },
  (problems: ReadonlyArray<Problem>): boolean => problems.some((p) => p.severity === "error"),
)

/**
 * Thrown when a policy tree cannot be used: carries every problem, never only the first.
 * @example
 * try { Policy.loadOrThrow(files) } catch (e) { if (e instanceof PolicyError) console.error(e.message) }
 * @category models
 */
export class PolicyError extends RulesError<Problem> {
  override readonly name: string = "PolicyError"
  constructor(problems: ReadonlyArray<Problem>) {
    const list = listOf(problems)
    const errors = list.filter(isError).length
    super(
      { nb: `Regeltreet har ${errors} feil`, en: `The policy tree has ${errors} error(s)` },
      `The policy tree has ${errors} error(s) / Regeltreet har ${errors} feil:\n` +
        list.map((p) => `  ${formatOr(p)}`).join("\n"),
      list,
    )
  }
}

// The error must be built whatever it is given, so that throwing it never throws.
const listOf = (problems: unknown): ReadonlyArray<Problem> => {
  try {
    return Array.isArray(problems) ? (problems as ReadonlyArray<Problem>).slice() : []
  } catch {
    return []
  }
}

const isError = (p: Problem): boolean => {
  try {
    return p.severity === "error"
  } catch {
    return false
  }
}

const formatOr = (p: Problem): string => {
  try {
    return format(p)
  } catch {
    return "?"
  }
}
