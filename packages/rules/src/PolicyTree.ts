/**
 * A policy tree: rule files under `eligibility/`, `duration/` and
 * `escalation/`, dated parameters under `parameters/`, and case files beside
 * the rules. {@link load} builds one from file texts — so it runs in a
 * browser as well as in Node (see `@aktivitetsmodell/rules/node` for reading
 * a folder) — and reports every problem with its file, JSON pointer and line.
 *
 * @module
 */
import { type Bilingual, Catalogue } from "@aktivitetsmodell/core"
import { type CaseFile, decode as decodeCases, isCaseFile } from "./CaseFile.js"
import { guard, reject, requireArray, requireTree } from "./internal/boundary.js"
import { maxChars as parseMaxChars } from "./internal/parse.js"
import { parsing } from "./internal/parseCache.js"
import { sha256 } from "./internal/sha256.js"
import type { Finding } from "./internal/shape.js"

import { kinds } from "./Outcome.js"
import { decode as decodeParameter, nameOf, type Parameter } from "./Parameters.js"
import { hasErrors, PolicyError, type Problem, redacted } from "./Problem.js"
import { decode as decodeRule, type RuleFile } from "./RuleFile.js"
import { check } from "./Validate.js"

/**
 * A file of the tree: its path relative to the tree's root, with forward slashes, and its text.
 * @category models
 */
export interface TextFile {
  readonly path: string
  readonly text: string
}

/**
 * A loaded policy tree.
 * @category models
 */
export interface Tree {
  readonly rules: ReadonlyArray<RuleFile>
  readonly parameters: ReadonlyMap<string, Parameter>
  readonly cases: ReadonlyArray<CaseFile>
  readonly catalogue: Catalogue.Catalogue
  /** The line of a JSON pointer in one of the tree's files (1 when unknown). */
  readonly lineOf: (file: string, pointer: string) => number
  /** The SHA-256 of a file's text as loaded (hexadecimal), or undefined for a file the tree does not hold. */
  readonly hashOf?: (file: string) => string | undefined
}

/**
 * The most characters a rule, parameter or case file may hold; the largest
 * shipped file has about 4,000. Anything this large is a mistake or an attack.
 * @example
 * PolicyTree.maxChars // 1000000
 * @category models
 */
export const maxChars: number = parseMaxChars

// Two files that define the same parameter or rule: the second is refused, naming the first.
const duplicate = (file: string, first: string, code: Problem["code"], what: Bilingual): Problem => ({
  file,
  pointer: "",
  line: 1,
  code,
  severity: "error",
  message: {
    nb: `${what.nb} står også i ${first}: behold én av de to filene`,
    en: `${what.en} is also written in ${first}: keep one of the two files`,
  },
})

const toProblems = (file: string, lineOf: (p: string) => number, findings: ReadonlyArray<Finding>): Array<Problem> =>
  findings.map((f) => ({
    file,
    pointer: f.pointer,
    line: lineOf(f.pointer),
    code: f.code,
    severity: f.severity,
    message: f.message,
  }))

/**
 * Loads a tree from its files. Every problem is returned — syntax, shape,
 * unknown names, periods, missing parameters — each with file, pointer and
 * line; files with errors are left out of the tree. Cases are decoded but not run
 * (see `Cases.run`).
 * @example
 * const { tree, problems } = PolicyTree.load([{ path: "eligibility/adults-only.json", text }])
 * @category constructors
 */
export const load = guard(
  "PolicyTree.load",
  {
    nb: "(files: ReadonlyArray<{ path: string; text: string }>, options?: { catalogue?: Catalogue })",
    en: "(files: ReadonlyArray<{ path: string; text: string }>, options?: { catalogue?: Catalogue })",
  },
  (
    files: ReadonlyArray<TextFile>,
    options: { readonly catalogue?: Catalogue.Catalogue } = {},
  ): { readonly tree: Tree; readonly problems: ReadonlyArray<Problem> } => {
    const { tree, problems } = loadFiles(checkedFiles(files), options ?? {})
    // Lines were found with the real pointers; what leaves is redacted.
    return { tree, problems: problems.map(redacted) }
  },
)

/** The files, copied, after checking each is a path and a text. */
const checkedFiles = (files: unknown): Array<TextFile> => {
  requireArray("PolicyTree.load", "files", files)
  return (files as ReadonlyArray<unknown>).map((f, i) => {
    const path = (f as { path?: unknown } | null)?.path
    const text = (f as { text?: unknown } | null)?.text
    if (typeof path !== "string" || typeof text !== "string") {
      reject("PolicyTree.load", {
        nb: `files[${i}] må være { path: tekst, text: tekst }`,
        en: `files[${i}] must be { path: text, text: text }`,
      })
    }
    return { path: path as string, text: text as string }
  })
}

const loadFiles = (
  files: ReadonlyArray<TextFile>,
  options: { readonly catalogue?: Catalogue.Catalogue },
): { readonly tree: Tree; readonly problems: ReadonlyArray<Problem> } => {
  const catalogue = options.catalogue ?? Catalogue.sandnes()
  const problems: Array<Problem> = []
  const lines = new Map<string, (pointer: string) => number>()
  const rules: Array<RuleFile> = []
  const parameters = new Map<string, Parameter>()
  const brokenParameters = new Set<string>()
  const caseInputs: Array<{ file: string; value: unknown; lineOf: (p: string) => number }> = []
  const texts = new Map<string, string>()
  // A file parsed for the tree loaded before, with the same text, is not parsed again.
  const parser = parsing()
  for (const { path, text } of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    // Parameters and rules may be written in JSON or in YAML (where comments are allowed).
    const isParameter = path.startsWith("parameters/") && !isCaseFile(path) && /\.(?:json|ya?ml)$/u.test(path)
    const isRule = !isCaseFile(path) && /\.(?:json|ya?ml)$/u.test(path) && kinds.some((k) => path.startsWith(`${k}/`))
    if (!isParameter && !isRule && !isCaseFile(path)) {
      if (/\.(?:json|ya?ml)$/u.test(path)) {
        problems.push({
          file: path,
          pointer: "",
          line: 1,
          code: "stray-file",
          severity: "warning",
          message: {
            nb: `Ikke en del av regelverket: regler ligger i ${kinds.join(", ")}, parametere i parameters/, tilfeller i <regel>.cases.yaml`,
            en: `Not part of the policy: rules go in ${kinds.join(", ")}, parameters in parameters/, cases in <rule>.cases.yaml`,
          },
        })
      }
      continue
    }
    const parsed = parser.parse(path, text)
    if (!parsed.ok) {
      problems.push(...parsed.problems)
      if (isParameter) brokenParameters.add(nameOf(path))
      continue
    }
    lines.set(path, parsed.lineOf)
    texts.set(path, text)
    if (isParameter) {
      const { parameter, findings } = decodeParameter(parsed.value, path)
      problems.push(...toProblems(path, parsed.lineOf, findings))
      const other = parameter === undefined ? undefined : parameters.get(parameter.name)
      if (parameter !== undefined && other !== undefined) {
        problems.push(
          duplicate(path, other.file, "duplicate-parameter", {
            nb: `Parameteren ${parameter.name}`,
            en: `The parameter ${parameter.name}`,
          }),
        )
        brokenParameters.add(parameter.name)
      } else if (parameter !== undefined) parameters.set(parameter.name, parameter)
      else brokenParameters.add(nameOf(path))
    } else if (isRule) {
      const { rule, findings } = decodeRule(parsed.value, path)
      problems.push(...toProblems(path, parsed.lineOf, findings))
      const other = rule === undefined ? undefined : rules.find((r) => r.id === rule.id)
      if (rule !== undefined && other !== undefined) {
        problems.push(
          duplicate(path, other.file, "duplicate-rule", { nb: `Regelen ${rule.id}`, en: `The rule ${rule.id}` }),
        )
      } else if (rule !== undefined) rules.push(rule)
    } else caseInputs.push({ file: path, value: parsed.value, lineOf: parsed.lineOf })
  }
  parser.done()
  const lineOf = (file: string, pointer: string) => lines.get(file)?.(pointer) ?? 1
  const findings = check(rules, parameters, catalogue, { brokenParameters })
  const broken = new Set<string>()
  for (const f of findings) {
    problems.push({
      file: f.file,
      pointer: f.pointer,
      line: lineOf(f.file, f.pointer),
      code: f.code,
      severity: f.severity,
      message: f.message,
    })
    if (f.severity === "error") broken.add(f.file)
  }
  const cases: Array<CaseFile> = []
  for (const input of caseInputs) {
    const { caseFile, findings: caseFindings } = decodeCases(input.value, input.file, catalogue)
    problems.push(...toProblems(input.file, input.lineOf, caseFindings))
    if (caseFile !== undefined) cases.push(caseFile)
  }
  // Hashed when a receipt first asks, and once per file.
  const hashes = new Map<string, string>()
  const hashOf = (file: string): string | undefined => {
    const text = texts.get(file)
    if (text === undefined) return undefined
    let h = hashes.get(file)
    if (h === undefined) {
      h = sha256(text)
      hashes.set(file, h)
    }
    return h
  }
  const tree: Tree = { rules: rules.filter((r) => !broken.has(r.file)), parameters, cases, catalogue, lineOf, hashOf }
  return { tree, problems }
}

/**
 * Loads a tree, or throws a {@link PolicyError} listing every error.
 * @example
 * const tree = PolicyTree.loadOrThrow(files)
 * @category constructors
 */
export const loadOrThrow = guard(
  "PolicyTree.loadOrThrow",
  {
    nb: "(files: ReadonlyArray<{ path: string; text: string }>, options?: { catalogue?: Catalogue })",
    en: "(files: ReadonlyArray<{ path: string; text: string }>, options?: { catalogue?: Catalogue })",
  },
  (files: ReadonlyArray<TextFile>, options: { readonly catalogue?: Catalogue.Catalogue } = {}): Tree => {
    const { tree, problems } = load(files, options)
    if (hasErrors(problems)) throw new PolicyError(problems.filter((p) => p.severity === "error"))
    return tree
  },
)

/**
 * One fingerprint of the policy a tree decides by: the SHA-256 of its
 * manifest, a line `<sha256 of the file>  <path>` for each rule and
 * parameter file, sorted by path (what `sha256sum` prints, so
 * `find eligibility duration escalation parameters -type f ! -name '*.cases.*' | LC_ALL=C sort | xargs sha256sum | sha256sum`
 * in the tree's folder gives the same). Case files are left out: they test
 * the policy but decide nothing. Reports print it so a reader can tell which
 * policy a figure was computed under.
 * @example
 * PolicyTree.hash(tree).slice(0, 12) // "3f9a…"
 * @category constructors
 */
export const hash = guard("PolicyTree.hash", { nb: "(tree: Tree)", en: "(tree: Tree)" }, (tree: Tree): string => {
  requireTree("PolicyTree.hash", tree)
  const files = new Set<string>([...tree.rules.map((r) => r.file), ...[...tree.parameters.values()].map((p) => p.file)])
  return sha256(
    [...files]
      .sort()
      .map((file) => `${tree.hashOf?.(file) ?? ""}  ${file}\n`)
      .join(""),
  )
})
