/**
 * A policy tree: rule files under `eligibility/`, `duration/` and
 * `escalation/`, dated parameters under `parameters/`, and case files beside
 * the rules. {@link load} builds one from file texts — so it runs in a
 * browser as well as in Node (see `@aktivitetsmodell/rules/node` for reading
 * a folder) — and reports every problem with its file, JSON pointer and line.
 *
 * @module
 */
import { Catalogue, JsonText } from "@aktivitetsmodell/core"
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml"
import { type CaseFile, decode as decodeCases, isCaseFile } from "./Cases.js"
import { steps } from "./internal/pointer.js"
import type { Finding } from "./internal/read.js"
import { bi } from "./internal/text.js"
import { kinds } from "./Outcome.js"
import { decode as decodeParameter, nameOf, type Parameter } from "./Parameters.js"
import { hasErrors, type Problem, PolicyError } from "./Problem.js"
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
}

// Policy files are small; anything this large is a mistake or an attack.
const maxChars = 1_000_000

type Parsed = { readonly ok: true; readonly value: unknown; readonly lineOf: (pointer: string) => number } | { readonly ok: false; readonly problems: ReadonlyArray<Problem> }

const syntax = (file: string, line: number, en: string, nb: string): Problem => ({ file, pointer: "", line, code: "syntax", severity: "error", message: bi(en, nb) })

const parseJson = (file: string, text: string): Parsed => {
  const positions = JsonText.parse(text)
  if (!positions.ok) return { ok: false, problems: [syntax(file, positions.line, `${positions.message.en} (column ${positions.column})`, `${positions.message.nb} (kolonne ${positions.column})`)] }
  // JSON.parse keeps a "__proto__" key as an ordinary key, so the validator sees and rejects it.
  return { ok: true, value: JSON.parse(text) as unknown, lineOf: (pointer) => JsonText.nearestLine(positions, pointer) }
}

const parseYaml = (file: string, text: string): Parsed => {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => syntax(file, e.linePos?.[0].line ?? 1, `YAML: ${e.message.split("\n")[0] ?? e.code}`, `YAML: ${e.message.split("\n")[0] ?? e.code}`)) }
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 50 })
  } catch (e) {
    // Aliases that multiply into a huge document ("billion laughs") stop here.
    const text = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [syntax(file, 1, `YAML: ${text}`, `YAML: ${text}`)] }
  }
  const lineOf = (pointer: string): number => {
    let node: unknown = doc.contents
    let line = 1
    const at = (n: unknown) => {
      const range = (n as YamlNode | null)?.range
      if (range !== undefined && range !== null) line = lineCounter.linePos(range[0]).line
    }
    at(node)
    for (const step of steps(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === step)
        if (pair === undefined) break
        at(pair.key)
        node = pair.value
      } else if (isSeq(node)) {
        node = node.items[Number(step)]
      } else break
      if (node === undefined || node === null) break
      at(node)
    }
    return line
  }
  return { ok: true, value, lineOf }
}

const parse = (file: string, text: string): Parsed => {
  if (text.length > maxChars) return { ok: false, problems: [syntax(file, 1, `The file is larger than ${maxChars} characters`, `Filen er større enn ${maxChars} tegn`)] }
  try {
    return /\.ya?ml$/u.test(file) ? parseYaml(file, text) : parseJson(file, text)
  } catch (e) {
    // Pathologically deep nesting overflows the parser's stack.
    if (e instanceof RangeError) return { ok: false, problems: [syntax(file, 1, "The file is nested too deeply to read", "Filen er nøstet for dypt til å leses")] }
    throw e
  }
}

const toProblems = (file: string, lineOf: (p: string) => number, findings: ReadonlyArray<Finding>): Array<Problem> =>
  findings.map((f) => ({ file, pointer: f.pointer, line: lineOf(f.pointer), code: f.code, severity: f.severity, message: f.message }))

/**
 * Loads a tree from its files. Every problem is returned — syntax, shape,
 * unknown names, periods, missing parameters — each with file, pointer and
 * line; files with errors are left out of the tree. Cases are decoded but not run
 * (see `Cases.run`).
 * @example
 * const { tree, problems } = PolicyTree.load([{ path: "eligibility/adults-only.json", text }])
 * @category constructors
 */
export const load = (
  files: ReadonlyArray<TextFile>,
  options: { readonly catalogue?: Catalogue.Catalogue } = {}
): { readonly tree: Tree; readonly problems: ReadonlyArray<Problem> } => {
  const catalogue = options.catalogue ?? Catalogue.sandnes()
  const problems: Array<Problem> = []
  const lines = new Map<string, (pointer: string) => number>()
  const rules: Array<RuleFile> = []
  const parameters = new Map<string, Parameter>()
  const brokenParameters = new Set<string>()
  const caseInputs: Array<{ file: string; value: unknown; lineOf: (p: string) => number }> = []
  for (const { path, text } of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const isParameter = path.startsWith("parameters/") && path.endsWith(".json")
    const isRule = !isCaseFile(path) && path.endsWith(".json") && kinds.some((k) => path.startsWith(`${k}/`))
    if (!isParameter && !isRule && !isCaseFile(path)) {
      if (/\.(?:json|ya?ml)$/u.test(path)) {
        problems.push({ file: path, pointer: "", line: 1, code: "stray-file", severity: "warning", message: bi(`Not part of the policy: rules go in ${kinds.join(", ")}, parameters in parameters/, cases in <rule>.cases.yaml`, `Ikke en del av regelverket: regler ligger i ${kinds.join(", ")}, parametere i parameters/, tilfeller i <regel>.cases.yaml`) })
      }
      continue
    }
    const parsed = parse(path, text)
    if (!parsed.ok) {
      problems.push(...parsed.problems)
      if (isParameter) brokenParameters.add(nameOf(path))
      continue
    }
    lines.set(path, parsed.lineOf)
    if (isParameter) {
      const { parameter, findings } = decodeParameter(parsed.value, path)
      problems.push(...toProblems(path, parsed.lineOf, findings))
      if (parameter !== undefined) parameters.set(parameter.name, parameter)
      else brokenParameters.add(nameOf(path))
    } else if (isRule) {
      const { rule, findings } = decodeRule(parsed.value, path)
      problems.push(...toProblems(path, parsed.lineOf, findings))
      if (rule !== undefined) rules.push(rule)
    } else caseInputs.push({ file: path, value: parsed.value, lineOf: parsed.lineOf })
  }
  const lineOf = (file: string, pointer: string) => lines.get(file)?.(pointer) ?? 1
  const findings = check(rules, parameters, catalogue, { brokenParameters })
  const broken = new Set<string>()
  for (const f of findings) {
    problems.push({ file: f.file, pointer: f.pointer, line: lineOf(f.file, f.pointer), code: f.code, severity: f.severity, message: f.message })
    if (f.severity === "error") broken.add(f.file)
  }
  const cases: Array<CaseFile> = []
  for (const input of caseInputs) {
    const { caseFile, findings: caseFindings } = decodeCases(input.value, input.file, catalogue)
    problems.push(...toProblems(input.file, input.lineOf, caseFindings))
    if (caseFile !== undefined) cases.push(caseFile)
  }
  const tree: Tree = { rules: rules.filter((r) => !broken.has(r.file)), parameters, cases, catalogue, lineOf }
  return { tree, problems }
}

/**
 * Loads a tree, or throws a {@link PolicyError} listing every error.
 * @example
 * const tree = PolicyTree.loadOrThrow(files)
 * @category constructors
 */
export const loadOrThrow = (files: ReadonlyArray<TextFile>, options: { readonly catalogue?: Catalogue.Catalogue } = {}): Tree => {
  const { tree, problems } = load(files, options)
  if (hasErrors(problems)) throw new PolicyError(problems.filter((p) => p.severity === "error"))
  return tree
}
