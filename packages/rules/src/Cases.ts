/**
 * Test cases as data, beside the rule they test: `karate-needs-intake.cases.yaml`
 * next to `karate-needs-intake.json`. Each case has a whole-sentence name, a
 * date, a subject and the outcome the rule must give. Running them also
 * tells which rule versions and outcomes no case reaches (coverage).
 *
 * @module
 */

import type { IsoDate } from "@aktivitetsmodell/core"
import { type Bilingual, Redact, Suggest } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import { type Report, tally } from "./Coverage.js"
import { decide } from "./Decision.js"
import { guard, requireString, requireTree } from "./internal/boundary.js"
import { DateText, rule, Text } from "./internal/fields.js"
import { bare, own } from "./internal/own.js"
import { child } from "./internal/pointer.js"
import { isSentence } from "./internal/sentence.js"
import { decodeShape, type Finding } from "./internal/shape.js"
import { quote, shortLine } from "./internal/text.js"
import { caseOutcomes, type Kind, kinds, type Outcome, vocabulary } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"
import { type Problem, redacted } from "./Problem.js"
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
  /** Where in the seeds the case comes from, such as "Mestringsenhetens modell for aktivitet line 33". */
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
export const ruleOf = guard("Cases.ruleOf", { nb: "(file: string)", en: "(file: string)" }, (file: string): string => {
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
    ...(kind === undefined
      ? kinds.flatMap((k) =>
          Object.entries(vocabulary[k]).map(([code, info]): [string, Bilingual] => [code, info.label]),
        )
      : Object.entries(vocabulary[kind]).map(([code, info]): [string, Bilingual] => [code, info.label])),
    ...Object.entries(caseOutcomes),
  ]
  for (const [code, label] of known)
    for (const name of [code, label.nb, label.en])
      if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), code)
  return names
}

const checkType = (type: string, pointer: string, kind: Kind | undefined, out: Array<Finding>): void => {
  const codes = [...new Set(outcomeNames(kind).values())]
  if (codes.includes(type)) return
  const names = outcomeNames(kind)
  // A Norwegian or English label ("fortsetter", "Kan delta") names its code; otherwise the nearest name does.
  const lower = type.toLowerCase()
  const near =
    names.get(lower) ??
    (Suggest.suggest(lower, names.keys()) === undefined ? undefined : names.get(Suggest.suggest(lower, names.keys())!))
  const t = quote(type)
  const tail =
    near === undefined
      ? { nb: `; bruk ett av ${codes.join(", ")}`, en: `; use one of ${codes.join(", ")}` }
      : { nb: `; mente du «${near}»?`, en: `; did you mean "${near}"?` }
  out.push({
    pointer,
    code: "unknown-outcome",
    severity: "error",
    message: { nb: `Ukjent utfall ${t.nb}${tail.nb}`, en: `Unknown outcome ${t.en}${tail.en}` },
  })
}

const kindOf = (rule: string): Kind | undefined => kinds.find((k) => rule.startsWith(`${k}/`))

/** An expected outcome as a file writes it: a type, or an object with a type and its parameters. */
const ExpectedSchema = Schema.Union([
  Text,
  Schema.StructWithRest(Schema.Struct({ type: Text }), [Schema.Record(Schema.String, Text)]),
]).annotate({
  identifier: "ExpectedOutcome",
  expectedText: {
    nb: "et utfall, som «eligible» eller { type: escalate, to: therapist, action: review-feedback }",
    en: 'an outcome, such as "eligible" or { type: escalate, to: therapist, action: review-feedback }',
  },
  description:
    "The outcome the rule must give: a type such as eligible, or { type: escalate, to: therapist, action: review-feedback }; not-applicable when the rule must not apply; { type: unknown, missing: citizen.birthDate } when the answer depends on an input the subject does not give",
})

const CaseSchema = Schema.Struct({
  name: Text.check(
    rule(
      (n: string) => isSentence(n.trim()),
      {
        nb: "Navnet på et tilfelle er en hel setning: stor forbokstav, minst fire ord og punktum til slutt",
        en: "A case's name is a whole sentence: a capital letter first, at least four words, a full stop last",
      },
      "shape",
      { pattern: "^[A-ZÆØÅ].*[.!?]$" },
    ),
  ).annotateKey({ description: "A whole sentence saying what the case shows" }),
  date: DateText,
  // Its shape is the Subject's, checked with the catalogue by Subject.decode.
  subject: Schema.Unknown.annotate({ identifier: "CaseSubject" }),
  expect: ExpectedSchema,
  also: Schema.optionalKey(Schema.Record(Schema.String, ExpectedSchema)).annotateKey({
    description: "Outcomes other rules must give for the same subject, by rule id",
  }),
  source: Schema.optionalKey(Text).annotateKey({
    description:
      "Where in the source documents the case comes from: the document's title, the section and the lines, such as «Mestringsenhetens modell for aktivitet, Organisering, line 33»",
  }),
})

/**
 * A case file as written: the one description of its shape. The decoder,
 * the types and the published JSON Schema (`JsonSchema.of("cases-file")`)
 * all come from it.
 * @category schemas
 */
export const FileSchema = Schema.Struct({
  $schema: Schema.optionalKey(Schema.String),
  rule: Schema.optionalKey(Text).annotateKey({
    description: "The rule the cases test; defaults to the file beside this one",
  }),
  cases: Schema.Array(CaseSchema),
})

const expected = (u: string | { readonly type: string; readonly [k: string]: string }): Expected => {
  if (typeof u === "string") return { type: u }
  // No prototype: "__proto__" stays a parameter, compared like any other.
  const params = bare<string>()
  for (const [k, v] of Object.entries(u)) if (k !== "type") params[k] = v
  return Object.keys(params).length === 0 ? { type: u.type } : { type: u.type, params }
}

/**
 * Decodes a case file's parsed content (YAML or JSON). Subjects are checked
 * against the catalogue, so an unknown offering is found before any case runs.
 * @example
 * const { caseFile, findings } = Cases.decode(parsed, "eligibility/adults-only.cases.yaml", Catalogue.sandnes())
 * @category constructors
 */
export const decode = guard(
  "Cases.decode",
  {
    nb: "(input: unknown, file: string, catalogue: Catalogue)",
    en: "(input: unknown, file: string, catalogue: Catalogue)",
  },
  (
    input: unknown,
    file: string,
    catalogue: Parameters<typeof decodeSubject>[1],
  ): { readonly caseFile?: CaseFile; readonly findings: ReadonlyArray<Finding> } => {
    requireString("Cases.decode", "file", file)
    const { value, findings } = decodeShape(FileSchema, input)
    // After the shape, each case's subject and outcome names, wherever they can be read, so one pass reports all.
    const raw =
      typeof input === "object" && input !== null && Object.hasOwn(input, "cases")
        ? (input as { readonly cases: unknown }).cases
        : undefined
    const named =
      typeof input === "object" && input !== null && Object.hasOwn(input, "rule")
        ? (input as { readonly rule: unknown }).rule
        : undefined
    const ruleId = typeof named === "string" ? named : ruleOf(file)
    const subjects: Array<Subject | undefined> = []
    if (Array.isArray(raw)) {
      raw.forEach((c: unknown, i) => {
        const at = `/cases/${i}`
        if (typeof c !== "object" || c === null || Array.isArray(c)) return
        if (Object.hasOwn(c, "subject")) {
          const s = decodeSubject((c as { readonly subject: unknown }).subject, catalogue)
          if (s.ok) subjects[i] = s.subject
          else
            for (const p of s.problems)
              findings.push({
                pointer: `${at}/subject${p.pointer}`,
                code: "case-subject",
                severity: "error",
                message: p.message,
              })
        }
        const e = Object.hasOwn(c, "expect") ? typeOf((c as { readonly expect: unknown }).expect) : undefined
        if (e !== undefined)
          checkType(e.type, e.pointer === "" ? `${at}/expect` : `${at}/expect${e.pointer}`, kindOf(ruleId), findings)
        const also: unknown = Object.hasOwn(c, "also") ? (c as { readonly also: unknown }).also : undefined
        if (typeof also === "object" && also !== null && !Array.isArray(also)) {
          for (const [k, v] of Object.entries(also)) {
            const t = typeOf(v)
            if (t !== undefined) checkType(t.type, `${child(`${at}/also`, k)}${t.pointer}`, kindOf(k), findings)
          }
        }
      })
    }
    if (value === undefined || findings.length > 0) return { findings }
    const cases = value.cases.map(
      (c, i): Case => ({
        name: c.name.trim(),
        date: c.date,
        subject: subjects[i]!,
        expect: expected(c.expect),
        also: Object.entries(c.also ?? {}).map(([k, v]) => ({ rule: k, expect: expected(v) })),
        pointer: `/cases/${i}`,
        ...(c.source === undefined ? {} : { source: c.source }),
      }),
    )
    return { caseFile: { file, rule: ruleId, cases }, findings }
  },
)

// An outcome's type and where it is written, when it can be read.
const typeOf = (u: unknown): { readonly type: string; readonly pointer: string } | undefined => {
  if (typeof u === "string" && u.trim().length > 0) return { type: u, pointer: "" }
  if (typeof u === "object" && u !== null && Object.hasOwn(u, "type")) {
    const t = (u as { readonly type: unknown }).type
    if (typeof t === "string" && t.trim().length > 0) return { type: t, pointer: "/type" }
  }
  return undefined
}

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
  o === undefined
    ? "—"
    : shortLine(
        o.params === undefined
          ? o.type
          : `${o.type} (${Object.entries(o.params)
              .map(([k, v]) => `${k}: ${v}`)
              .join(", ")})`,
        200,
      )

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
export const run = guard(
  "Cases.run",
  { nb: "(tree: Tree)", en: "(tree: Tree)" },
  (
    tree: Tree,
  ): {
    readonly results: ReadonlyArray<CaseResult>
    readonly problems: ReadonlyArray<Problem>
    readonly coverage: Report
  } => {
    requireTree("Cases.run", tree)
    const results: Array<CaseResult> = []
    const problems: Array<Problem> = []
    const reach = tally(tree)
    const ruleIds = new Set(tree.rules.map((r) => r.id))
    for (const cf of tree.cases) {
      if (!ruleIds.has(cf.rule)) {
        const rule = quote(cf.rule)
        problems.push({
          file: cf.file,
          pointer: "",
          line: 1,
          code: "unknown-rule",
          severity: "error",
          message: {
            nb: `Det finnes ingen regel ${rule.nb} for disse tilfellene`,
            en: `There is no rule ${rule.en} for these cases`,
          },
        })
        continue
      }
      for (const c of cf.cases) {
        const result = decide(tree, c.subject, c.date)
        for (const d of result.decisions) reach.add(d, c.name, cf.file, c.pointer)
        const failures: Array<Bilingual> = []
        for (const { rule, expect } of [{ rule: cf.rule, expect: c.expect }, ...c.also]) {
          const d = result.decisions.find((x) => x.rule === rule)
          const actual: Expected | undefined =
            d?.outcome ?? (result.notApplicable.includes(rule) ? { type: "not-applicable" } : undefined)
          if (!ruleIds.has(rule)) {
            const r = quote(rule)
            failures.push({ nb: `det finnes ingen regel ${r.nb}`, en: `there is no rule ${r.en}` })
          } else if (!matches(expect, actual)) {
            const got =
              actual === undefined
                ? { nb: `ingen versjon gjelder ${c.date}`, en: `no version in force on ${c.date}` }
                : { nb: show(actual), en: show(actual) }
            const version = d === undefined ? "" : ` (${rule}, version ${d.version})`
            const versjon = d === undefined ? "" : ` (${rule}, versjon ${d.version})`
            failures.push({
              nb: `forventet ${show(expect)}, fikk ${got.nb}${versjon}`,
              en: `expected ${show(expect)}, got ${got.en}${version}`,
            })
          }
        }
        results.push({
          file: cf.file,
          name: c.name,
          pointer: c.pointer,
          ok: failures.length === 0,
          failures: failures.map((f) => ({ nb: Redact.text(f.nb), en: Redact.text(f.en) })),
        })
        const name = quote(c.name, 200)
        for (const f of failures) {
          problems.push({
            file: cf.file,
            pointer: `${c.pointer}/expect`,
            line: tree.lineOf(cf.file, `${c.pointer}/expect`),
            code: "case-failed",
            severity: "error",
            message: { nb: `Tilfellet ${name.nb}: ${f.nb}`, en: `Case ${name.en}: ${f.en}` },
          })
        }
      }
    }
    return { results, problems: problems.map(redacted), coverage: reach.report() }
  },
)
