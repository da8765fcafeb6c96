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
import { isMap, isScalar, isSeq, LineCounter, type Pair, parseDocument, type Node as YamlNode, type YAMLMap } from "yaml"
import { type CaseFile, decode as decodeCases, isCaseFile } from "./Cases.js"
import { guard, reject, requireArray } from "./internal/boundary.js"
import { steps } from "./internal/pointer.js"
import type { Finding } from "./internal/read.js"
import { bi } from "./internal/text.js"
import { kinds } from "./Outcome.js"
import { decode as decodeParameter, nameOf, type Parameter } from "./Parameters.js"
import { hasErrors, type Problem, PolicyError, redacted } from "./Problem.js"
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

/**
 * The most characters a rule, parameter or case file may hold; the largest
 * shipped file has about 4,000. Anything this large is a mistake or an attack.
 * @example
 * PolicyTree.maxChars // 1000000
 * @category models
 */
export const maxChars = 1_000_000

type Parsed = { readonly ok: true; readonly value: unknown; readonly lineOf: (pointer: string) => number } | { readonly ok: false; readonly problems: ReadonlyArray<Problem> }

const syntax = (file: string, line: number, en: string, nb: string): Problem => ({ file, pointer: "", line, code: "syntax", severity: "error", message: bi(en, nb) })

const parseJson = (file: string, text: string): Parsed => {
  const positions = JsonText.parse(text)
  if (!positions.ok) return { ok: false, problems: [syntax(file, positions.line, `${positions.message.en} (column ${positions.column})`, `${positions.message.nb} (kolonne ${positions.column})`)] }
  // JSON.parse keeps a "__proto__" key as an ordinary key, so the validator sees and rejects it.
  return { ok: true, value: JSON.parse(text) as unknown, lineOf: (pointer) => JsonText.nearestLine(positions, pointer) }
}

/** Every key node that repeats an earlier scalar key in the same map, in document order. */
const duplicateKeys = (root: unknown): Array<YamlNode> => {
  const out: Array<YamlNode> = []
  // An explicit stack: a deep document must not overflow the call stack here.
  const stack: Array<unknown> = [root]
  const seenNodes = new Set<unknown>()
  while (stack.length > 0) {
    const node = stack.pop()
    if (seenNodes.has(node)) continue
    seenNodes.add(node)
    if (isMap(node)) {
      const keys = new Set<unknown>()
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (keys.has(pair.key.value)) out.push(pair.key)
          else keys.add(pair.key.value)
        }
        stack.push(pair.key, pair.value)
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item)
  }
  return out.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0))
}

const parseYaml = (file: string, text: string): Parsed => {
  const lineCounter = new LineCounter()
  // The parser's own duplicate-key check scans every earlier key for each
  // key (quadratic: 80,000 keys took minutes); duplicateKeys uses a set.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false })
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => syntax(file, e.linePos?.[0].line ?? 1, `YAML: ${e.message.split("\n")[0] ?? e.code}`, `YAML: ${e.message.split("\n")[0] ?? e.code}`)) }
  }
  const duplicates = duplicateKeys(doc.contents).map((n) => syntax(file, n.range === undefined || n.range === null ? 1 : lineCounter.linePos(n.range[0]).line, "YAML: Map keys must be unique", "YAML: Nøkler i et kart må være unike"))
  if (duplicates.length > 0) return { ok: false, problems: duplicates }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 50 })
  } catch (e) {
    // Aliases that multiply into a huge document ("billion laughs") stop here.
    const text = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [syntax(file, 1, `YAML: ${text}`, `YAML: ${text}`)] }
  }
  // Each map's keys are indexed once, so a file with many problems costs
  // one lookup per step rather than a scan of the map (which was quadratic).
  const indexes = new WeakMap<object, Map<string, Pair>>()
  const pairOf = (map: YAMLMap, step: string): Pair | undefined => {
    let index = indexes.get(map)
    if (index === undefined) {
      index = new Map()
      for (const p of map.items) {
        const key = String((p.key as { value?: unknown } | null)?.value ?? p.key)
        if (!index.has(key)) index.set(key, p as Pair)
      }
      indexes.set(map, index)
    }
    return index.get(step)
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
        const pair = pairOf(node, step)
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
  if (text.length > maxChars) {
    return { ok: false, problems: [{ ...syntax(file, 1, `The file has ${text.length} characters; a policy file may have at most ${maxChars}`, `Filen har ${text.length} tegn; en regelfil kan ha høyst ${maxChars}`), code: "too-large" }] }
  }
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
export const load = guard(
  "PolicyTree.load",
  bi("(files: ReadonlyArray<{ path: string; text: string }>, options?: { catalogue?: Catalogue })", "(files: ReadonlyArray<{ path: string; text: string }>, options?: { catalogue?: Catalogue })"),
  (files: ReadonlyArray<TextFile>, options: { readonly catalogue?: Catalogue.Catalogue } = {}): { readonly tree: Tree; readonly problems: ReadonlyArray<Problem> } => {
    const { tree, problems } = loadFiles(checkedFiles(files), options ?? {})
    // Lines were found with the real pointers; what leaves is redacted.
    return { tree, problems: problems.map(redacted) }
  }
)

/** The files, copied, after checking each is a path and a text. */
const checkedFiles = (files: unknown): Array<TextFile> => {
  requireArray("PolicyTree.load", "files", files)
  return (files as ReadonlyArray<unknown>).map((f, i) => {
    const path = (f as { path?: unknown } | null)?.path
    const text = (f as { text?: unknown } | null)?.text
    if (typeof path !== "string" || typeof text !== "string") {
      reject("PolicyTree.load", `files[${i}] must be { path: text, text: text }`, `files[${i}] må være { path: tekst, text: tekst }`)
    }
    return { path: path as string, text: text as string }
  })
}

const loadFiles = (files: ReadonlyArray<TextFile>, options: { readonly catalogue?: Catalogue.Catalogue }): { readonly tree: Tree; readonly problems: ReadonlyArray<Problem> } => {
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
export const loadOrThrow = guard(
  "PolicyTree.loadOrThrow",
  bi("(files: ReadonlyArray<{ path: string; text: string }>, options?: { catalogue?: Catalogue })", "(files: ReadonlyArray<{ path: string; text: string }>, options?: { catalogue?: Catalogue })"),
  (files: ReadonlyArray<TextFile>, options: { readonly catalogue?: Catalogue.Catalogue } = {}): Tree => {
    const { tree, problems } = load(files, options)
    if (hasErrors(problems)) throw new PolicyError(problems.filter((p) => p.severity === "error"))
    return tree
  }
)
