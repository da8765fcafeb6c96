/**
 * A problem found in a policy tree: which file, where in it (JSON pointer and
 * line), what is wrong in English and bokmål, and whether it stops the tree
 * from loading.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { redact } from "./internal/text.js"

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

/**
 * One problem. `file` is relative to the tree's root (`eligibility/karate-needs-intake.json`).
 * @category models
 */
export interface Problem {
  readonly file: string
  readonly pointer: string
  readonly line: number
  readonly code: Code
  readonly severity: "error" | "warning"
  readonly message: Bilingual
}

/**
 * A problem as a person reads it: `file:line: message (pointer)`, in one
 * language or both (English first, then bokmål, as core's messages do).
 * @example
 * Problem.format(p) // 'eligibility/x.json:7: Unknown fact "agee"; did you mean "age"? / Ukjent faktum «agee»; mente du «age»? (at /versions/0/conditions/all/0/fact)'
 * @category constructors
 */
export const format = (p: Problem, lang: "en" | "nb" | "both" = "both", root = ""): string => {
  const where = `${root === "" || root === "." ? "" : `${root.replace(/\/$/u, "")}/`}${p.file}:${p.line}`
  const text = lang === "both" ? `${p.message.en} / ${p.message.nb}` : p.message[lang]
  const at = p.pointer === "" ? "" : lang === "nb" ? ` (i ${p.pointer})` : ` (at ${p.pointer})`
  const warn = p.severity === "warning" ? (lang === "nb" ? "advarsel: " : "warning: ") : ""
  return redact(`${where}: ${warn}${text}${at}`)
}

/**
 * True when at least one problem is an error (warnings do not stop a tree).
 * @example
 * Problem.hasErrors(problems)
 * @category predicates
 */
export const hasErrors = (problems: ReadonlyArray<Problem>): boolean => problems.some((p) => p.severity === "error")

/**
 * Thrown when a policy tree cannot be used: carries every problem, never only the first.
 * @example
 * try { Policy.loadOrThrow(files) } catch (e) { if (e instanceof PolicyError) console.error(e.message) }
 * @category models
 */
export class PolicyError extends Error {
  override readonly name = "PolicyError"
  constructor(readonly problems: ReadonlyArray<Problem>) {
    super(
      `The policy tree has ${problems.filter((p) => p.severity === "error").length} error(s) / Regeltreet har ${problems.filter((p) => p.severity === "error").length} feil:\n` +
        problems.map((p) => `  ${format(p)}`).join("\n")
    )
  }
}
