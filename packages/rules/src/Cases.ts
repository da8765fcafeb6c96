/**
 * Test cases as data, beside the rule they test: `karate-needs-intake.cases.yaml`
 * next to `karate-needs-intake.json`. Each case has a whole-sentence name, a
 * date, a subject and the outcome the rule must give. Running them also
 * tells which rule versions and outcomes no case reaches (coverage).
 *
 * @module
 */
import { type Bilingual, Redact } from "@aktivitetsmodell/core"
import type { IsoDate } from "@aktivitetsmodell/core"
import { decide } from "./Decision.js"
import { guard, requireString, requireTree } from "./internal/boundary.js"
import { bare, own } from "./internal/own.js"
import { child } from "./internal/pointer.js"
import { type Finding, isObject, Reader } from "./internal/read.js"
import { isSentence } from "./internal/sentence.js"
import { bi, quote, shortLine } from "./internal/text.js"
import { type Report, tally } from "./Coverage.js"
import { suggest } from "./internal/suggest.js"
import { caseOutcomes, type Kind, kinds, type Outcome, vocabulary } from "./Outcome.js"
import { type Problem, redacted } from "./Problem.js"
import type { Tree } from "./PolicyTree.js"
import { decode as decodeSubject, type Subject } from "./Subject.js"

/**
 * The outcome a case expects: an outcome type with any parameters, or
 * `not-applicable` when the rule must not apply to the subject.
 * @category models
 */
export type Expected = Outcome

/**
 * One case.
 * @category models
 */
export interface Case {
  readonly name: string
  readonly date: IsoDate.IsoDate
  readonly subject: Subject
  readonly expect: Expected
  /** Outcomes other rules must give for the same subject. */
  readonly also: ReadonlyArray<{ readonly rule: string; readonly expect: Expected }>
  readonly pointer: string
  /** Where in the seeds the case comes from, such as "seeds/000_b0fda6026573384c.txt line 33". */
  readonly source?: string
}

/**
 * A case file and the rule it tests.
 * @category models
 */
export interface CaseFile {
  readonly file: string
  readonly rule: string
  readonly cases: ReadonlyArray<Case>
}

/**
 * The rule a case file tests, from its path: `duration/session-limit.cases.yaml` → `duration/session-limit`.
 * @example
 * Cases.ruleOf("eligibility/adults-only.cases.yaml") // "eligibility/adults-only"
 * @category constructors
 */
export const ruleOf = guard("Cases.ruleOf", bi("(file: string)", "(file: string)"), (file: string): string => {
  requireString("Cases.ruleOf", "file", file)
  return file.replace(caseSuffix, "")
})

const caseSuffix = /\.cases\.(?:ya?ml|json)$/u

/**
 * True for a path that names a case file.
 * @example
 * Cases.isCaseFile("eligibility/adults-only.cases.yaml") // true
 * @category predicates
 */
export const isCaseFile = (file: string): boolean => typeof file === "string" && caseSuffix.test(file)

/** Every name a case may use for an outcome of `kind` — codes and their labels in both languages, lowercased — with its code. */
const outcomeNames = (kind: Kind | undefined): Map<string, string> => {
  const names = new Map<string, string>()
  const known: ReadonlyArray<[string, Bilingual]> = [
    ...(kind === undefined ? kinds.flatMap((k) => Object.entries(vocabulary[k]).map(([code, info]): [string, Bilingual] => [code, info.label])) : Object.entries(vocabulary[kind]).map(([code, info]): [string, Bilingual] => [code, info.label])),
    ...Object.entries(caseOutcomes)
  ]
  for (const [code, label] of known) for (const name of [code, label.nb, label.en]) if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), code)
  return names
}

const checkType = (r: Reader, type: string, pointer: string, kind: Kind | undefined): void => {
  const codes = [...new Set(outcomeNames(kind).values())]
  if (codes.includes(type)) return
  const names = outcomeNames(kind)
  // A Norwegian or English label ("fortsetter", "Kan delta") names its code; otherwise the nearest name does.
  const lower = type.toLowerCase()
  const near = names.get(lower) ?? (suggest(lower, names.keys()) === undefined ? undefined : names.get(suggest(lower, names.keys())!))
  const t = quote(type)
  const tail = near === undefined ? bi(`; use one of ${codes.join(", ")}`, `; bruk ett av ${codes.join(", ")}`) : bi(`; did you mean "${near}"?`, `; mente du «${near}»?`)
  r.error(pointer, "unknown-outcome", `Unknown outcome ${t.en}${tail.en}`, `Ukjent utfall ${t.nb}${tail.nb}`)
}

const readExpected = (r: Reader, u: unknown, pointer: string, kind: Kind | undefined): Expected | undefined => {
  if (typeof u === "string") {
    if (r.string(u, pointer) === undefined) return undefined
    checkType(r, u, pointer, kind)
    return { type: u }
  }
  if (!isObject(u)) {
    r.expected(pointer, bi('an outcome, such as "eligible" or { type: escalate, to: therapist, action: review-feedback }', "et utfall, som «eligible» eller { type: escalate, to: therapist, action: review-feedback }"), u)
    return undefined
  }
  const type = Object.hasOwn(u, "type") ? r.string(u["type"], child(pointer, "type")) : undefined
  if (!Object.hasOwn(u, "type")) r.error(pointer, "shape", 'Missing "type"', "Mangler «type»")
  if (type !== undefined) checkType(r, type, child(pointer, "type"), kind)
  // No prototype: "__proto__" stays a parameter, compared like any other.
  const params = bare<string>()
  for (const [k, v] of Object.entries(u)) {
    if (k === "type") continue
    const s = r.string(v, child(pointer, k))
    if (s !== undefined) params[k] = s
  }
  return type === undefined ? undefined : Object.keys(params).length === 0 ? { type } : { type, params }
}

const kindOf = (rule: string): Kind | undefined => kinds.find((k) => rule.startsWith(`${k}/`))

/**
 * Decodes a case file's parsed content (YAML or JSON). Subjects are checked
 * against the catalogue, so an unknown offering is found before any case runs.
 * @example
 * const { caseFile, findings } = Cases.decode(parsed, "eligibility/adults-only.cases.yaml", Catalogue.sandnes())
 * @category constructors
 */
export const decode = guard(
  "Cases.decode",
  bi("(input: unknown, file: string, catalogue: Catalogue)", "(input: unknown, file: string, catalogue: Catalogue)"),
  (
  input: unknown,
  file: string,
  catalogue: Parameters<typeof decodeSubject>[1]
): { readonly caseFile?: CaseFile; readonly findings: ReadonlyArray<Finding> } => {
  requireString("Cases.decode", "file", file)
  const r = new Reader()
  const o = r.object(input, "", ["cases"], ["$schema", "rule"])
  if (o === undefined) return { findings: r.findings }
  const rule = Object.hasOwn(o, "rule") ? r.string(o["rule"], "/rule") : ruleOf(file)
  const list = Object.hasOwn(o, "cases") ? r.array(o["cases"], "/cases") : undefined
  const cases: Array<Case> = []
  list?.forEach((item, i) => {
    const at = `/cases/${i}`
    const c = r.object(item, at, ["name", "date", "subject", "expect"], ["also", "source"])
    if (c === undefined) return
    const name = Object.hasOwn(c, "name") ? r.string(c["name"], `${at}/name`) : undefined
    if (name !== undefined && !isSentence(name.trim())) {
      r.error(`${at}/name`, "shape", "A case's name is a whole sentence: a capital letter first, at least four words, a full stop last", "Navnet på et tilfelle er en hel setning: stor forbokstav, minst fire ord og punktum til slutt")
    }
    const date = Object.hasOwn(c, "date") ? r.date(c["date"], `${at}/date`) : undefined
    // Where in the seeds the case comes from: text for people, not checked further.
    const source = Object.hasOwn(c, "source") ? r.string(c["source"], `${at}/source`) : undefined
    let subject: Subject | undefined
    if (Object.hasOwn(c, "subject")) {
      const s = decodeSubject(c["subject"], catalogue)
      if (s.ok) subject = s.subject
      else for (const p of s.problems) r.error(`${at}/subject${p.pointer}`, "case-subject", p.message.en, p.message.nb)
    }
    const expect = Object.hasOwn(c, "expect") ? readExpected(r, c["expect"], `${at}/expect`, rule === undefined ? undefined : kindOf(rule)) : undefined
    const also: Array<{ rule: string; expect: Expected }> = []
    if (Object.hasOwn(c, "also")) {
      const a = r.object(c["also"], `${at}/also`, [], isObject(c["also"]) ? Object.keys(c["also"]) : [])
      for (const [k, v] of Object.entries(a ?? {})) {
        const e = readExpected(r, v, child(`${at}/also`, k), kindOf(k))
        if (e !== undefined) also.push({ rule: k, expect: e })
      }
    }
    if (name !== undefined && date !== undefined && subject !== undefined && expect !== undefined) {
      cases.push({ name: name.trim(), date, subject, expect, also, pointer: at, ...(source === undefined ? {} : { source }) })
    }
  })
  if (rule === undefined || r.findings.some((f) => f.severity === "error")) return { findings: r.findings }
  return { caseFile: { file, rule, cases }, findings: r.findings }
})

/**
 * One case's result.
 * @category models
 */
export interface CaseResult {
  readonly file: string
  readonly name: string
  readonly pointer: string
  readonly ok: boolean
  readonly failures: ReadonlyArray<Bilingual>
}

// An outcome in a message: cut and on one line, since a case file may say anything.
const show = (o: Expected | undefined): string =>
  o === undefined ? "—" : shortLine(o.params === undefined ? o.type : `${o.type} (${Object.entries(o.params).map(([k, v]) => `${k}: ${v}`).join(", ")})`, 200)

const matches = (expected: Expected, actual: Expected | undefined): boolean => {
  if (actual === undefined || actual.type !== expected.type) return false
  if (expected.params === undefined) return true
  const a = actual.params ?? {}
  const e = expected.params
  return Object.keys(e).length === Object.keys(a).length && Object.entries(e).every(([k, v]) => own(a, k) === v)
}

/**
 * Runs every case of the tree, and reports failures (errors) and coverage:
 * for every rule version, which outcomes and condition sides the cases reach
 * (see `Coverage`).
 * @example
 * const { results, problems, coverage } = Cases.run(tree)
 * results.filter((r) => !r.ok).length // 0
 * coverage.percent // 100
 * @category validation
 */
export const run = guard("Cases.run", bi("(tree: Tree)", "(tree: Tree)"), (tree: Tree): { readonly results: ReadonlyArray<CaseResult>; readonly problems: ReadonlyArray<Problem>; readonly coverage: Report } => {
  requireTree("Cases.run", tree)
  const results: Array<CaseResult> = []
  const problems: Array<Problem> = []
  const reach = tally(tree)
  const ruleIds = new Set(tree.rules.map((r) => r.id))
  for (const cf of tree.cases) {
    if (!ruleIds.has(cf.rule)) {
      const rule = quote(cf.rule)
      problems.push({ file: cf.file, pointer: "", line: 1, code: "unknown-rule", severity: "error", message: bi(`There is no rule ${rule.en} for these cases`, `Det finnes ingen regel ${rule.nb} for disse tilfellene`) })
      continue
    }
    for (const c of cf.cases) {
      const result = decide(tree, c.subject, c.date)
      for (const d of result.decisions) reach.add(d, c.name, cf.file, c.pointer)
      const failures: Array<Bilingual> = []
      for (const { rule, expect } of [{ rule: cf.rule, expect: c.expect }, ...c.also]) {
        const d = result.decisions.find((x) => x.rule === rule)
        const actual: Expected | undefined = d?.outcome ?? (result.notApplicable.includes(rule) ? { type: "not-applicable" } : undefined)
        if (!ruleIds.has(rule)) {
          const r = quote(rule)
          failures.push(bi(`there is no rule ${r.en}`, `det finnes ingen regel ${r.nb}`))
        } else if (!matches(expect, actual)) {
          const got = actual === undefined ? bi(`no version in force on ${c.date}`, `ingen versjon gjelder ${c.date}`) : bi(show(actual), show(actual))
          const version = d === undefined ? "" : ` (${rule}, version ${d.version})`
          const versjon = d === undefined ? "" : ` (${rule}, versjon ${d.version})`
          failures.push(bi(`expected ${show(expect)}, got ${got.en}${version}`, `forventet ${show(expect)}, fikk ${got.nb}${versjon}`))
        }
      }
      results.push({ file: cf.file, name: c.name, pointer: c.pointer, ok: failures.length === 0, failures: failures.map((f) => bi(Redact.text(f.en), Redact.text(f.nb))) })
      const name = quote(c.name, 200)
      for (const f of failures) {
        problems.push({
          file: cf.file,
          pointer: `${c.pointer}/expect`,
          line: tree.lineOf(cf.file, `${c.pointer}/expect`),
          code: "case-failed",
          severity: "error",
          message: bi(`Case ${name.en}: ${f.en}`, `Tilfellet ${name.nb}: ${f.nb}`)
        })
      }
    }
  }
  return { results, problems: problems.map(redacted), coverage: reach.report() }
})
