/**
 * Case files: test cases as data, beside the rule they test —
 * `karate-needs-intake.cases.yaml` next to `karate-needs-intake.json`. Each
 * case has a whole-sentence name, a date, a subject and the outcome the rule
 * must give. This module reads and decodes case files and knows nothing of
 * decisions, so a policy tree can load them; `Cases.run` runs them.
 *
 * @module
 */

import type { IsoDate } from "@aktivitetsmodell/core"
import { type Bilingual, Suggest } from "@aktivitetsmodell/core"
import * as Schema from "effect/Schema"
import { guard, requireString } from "./internal/boundary.js"
import { DateText, rule, Text } from "./internal/fields.js"
import { bare, own } from "./internal/own.js"
import { child } from "./internal/pointer.js"
import { isSentence } from "./internal/sentence.js"
import { decodeShape, type Finding } from "./internal/shape.js"
import { quote } from "./internal/text.js"
import { caseOutcomes, type Kind, kinds, type Outcome, vocabulary } from "./Outcome.js"
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
 * CaseFile.ruleOf("eligibility/adults-only.cases.yaml") // "eligibility/adults-only"
 * @category constructors
 */
export const ruleOf = guard(
  "CaseFile.ruleOf",
  { nb: "(file: string)", en: "(file: string)" },
  (file: string): string => {
    requireString("CaseFile.ruleOf", "file", file)
    return file.replace(caseSuffix, "")
  },
)

const caseSuffix = /\.cases\.(?:ya?ml|json)$/u

/**
 * True for a path that names a case file.
 * @example
 * CaseFile.isCaseFile("eligibility/adults-only.cases.yaml") // true
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
 * const { caseFile, findings } = CaseFile.decode(parsed, "eligibility/adults-only.cases.yaml", Catalogue.sandnes())
 * @category constructors
 */
export const decode = guard(
  "CaseFile.decode",
  {
    nb: "(input: unknown, file: string, catalogue: Catalogue)",
    en: "(input: unknown, file: string, catalogue: Catalogue)",
  },
  (
    input: unknown,
    file: string,
    catalogue: Parameters<typeof decodeSubject>[1],
  ): { readonly caseFile?: CaseFile; readonly findings: ReadonlyArray<Finding> } => {
    requireString("CaseFile.decode", "file", file)
    const { value, findings } = decodeShape(FileSchema, input)
    // After the shape, each case's subject and outcome names, wherever they can be read, so one pass reports all.
    const raw = own(input, "cases")
    const named = own(input, "rule")
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
        const e = Object.hasOwn(c, "expect") ? typeOf(own(c, "expect")) : undefined
        if (e !== undefined)
          checkType(e.type, e.pointer === "" ? `${at}/expect` : `${at}/expect${e.pointer}`, kindOf(ruleId), findings)
        const also = own(c, "also")
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
  const t = own(u, "type")
  return typeof t === "string" && t.trim().length > 0 ? { type: t, pointer: "/type" } : undefined
}
