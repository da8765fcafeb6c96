// Explanations as text, from a `Wording`: what a policy tree or a snapshot
// says about names, labels and sources. `Explain` words decisions from a
// tree and the `decide` entry from a snapshot, both through this module,
// which imports no schema (a tree's sources are formatted by `Source`, which
// does; a snapshot carries that text ready-made).
import type { Bilingual, Lang } from "@aktivitetsmodell/core"
import { Redact } from "@aktivitetsmodell/core"
import type { Decision, Decisions } from "../Decision.js"
import type { Node, Side } from "../Evaluate.js"
import type { Domain, FactType, Value } from "../Facts.js"
import { all as operators } from "../Operators.js"
import { describe } from "../Outcome.js"
import { words } from "../PeriodLength.js"
import type { Source } from "../Source.js"
import type { Named } from "./codes.js"

export type { Lang }

/** A fact as an explanation names it. */
export interface FactWords {
  readonly label: Bilingual
  readonly type: FactType
}

/** A parameter as an explanation names it. */
export interface ParameterWords {
  readonly label: Bilingual
  readonly unit?: Bilingual | undefined
  readonly type: string
}

/** Everything an explanation names: codes, facts, parameters and sources. */
export interface Wording {
  /** The catalogue's offerings, for an outcome granted as another offering. */
  readonly offerings: ReadonlyArray<Named>
  readonly code: (domain: Domain, code: string) => Bilingual
  readonly fact: (name: string) => FactWords | undefined
  readonly parameter: (name: string) => ParameterWords | undefined
  readonly source: (source: Source, lang: Lang) => string
}

const yes = { nb: "ja", en: "yes" }
const no = { nb: "nei", en: "no" }
const unknown = { nb: "ukjent", en: "unknown" }
const none = { nb: "ingen", en: "none" }

type Code = Wording["code"]

const scalar = (v: string | number | boolean | null, type: FactType | undefined, code: Code, lang: Lang): string => {
  if (v === null) return unknown[lang]
  if (typeof v === "boolean") return v ? yes[lang] : no[lang]
  if (typeof v === "string" && type !== undefined && (type.kind === "text" || type.kind === "list"))
    return code(type.domain, v)[lang]
  if (typeof v === "string" && /^P(?:\d+[YMWD])+$/u.test(v)) return words(v)[lang]
  return String(v)
}

/** A value as a person reads it: yes/no, names for codes, "unknown" for null. */
export const valueText = (v: Value, type: FactType | undefined, code: Code, lang: Lang): string => {
  if (Array.isArray(v)) return v.length === 0 ? none[lang] : v.map((x) => scalar(x, type, code, lang)).join(", ")
  return scalar(v as string | number | boolean | null, type, code, lang)
}

const typeOf = (s: Side, w: Wording): FactType | undefined => (s.kind === "fact" ? w.fact(s.fact)?.type : undefined)

// "the department…" reads better than "The department…" mid-sentence; "ORS score" keeps its capitals.
const midSentence = (s: string) => (/^[A-ZÆØÅ][a-zæøå]/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s)

const sideText = (s: Side, other: FactType | undefined, w: Wording, lang: Lang, right: boolean): string => {
  if (s.kind === "literal") return valueText(s.value, other, w.code, lang)
  if (s.kind === "fact") {
    const name = w.fact(s.fact)?.label[lang] ?? s.fact
    const label = right ? midSentence(name) : name
    const from = (s.parameters ?? [])
      .map((p) => `; parameter ${p.name}, ${lang === "nb" ? "fra" : "from"} ${p.from}`)
      .join("")
    // A fact the subject leaves open shows every value it may have: "17 or 18".
    const values =
      s.values === undefined
        ? undefined
        : [...s.values].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : 0))
    const shown =
      values === undefined
        ? valueText(s.value, typeOf(s, w), w.code, lang)
        : values.map((v) => valueText(v, typeOf(s, w), w.code, lang)).join(lang === "nb" ? " eller " : " or ")
    return `${label} (${shown}${from})`
  }
  const p = w.parameter(s.name)
  const label = p?.label[lang] ?? s.name
  const unit = p?.unit === undefined || typeof s.value !== "number" ? "" : ` ${p.unit[lang]}`
  const from = lang === "nb" ? `fra ${s.from}` : `from ${s.from}`
  return `${label} (${valueText(s.value, undefined, w.code, lang)}${unit}; parameter ${s.name}, ${from})`
}

// "?" marks a condition whose result depends on something the subject does not give.
const mark = (n: Node) => (n.unknown === true ? "?" : n.result ? "✓" : "✗")

const headers = {
  all: { nb: "Alle disse må stemme:", en: "All of these must hold:" },
  any: { nb: "Minst én av disse må stemme:", en: "At least one of these must hold:" },
  not: { nb: "Dette må ikke stemme:", en: "This must not hold:" },
}

/** An explanation tree as indented lines, one per condition, each marked ✓ or ✗. */
export const nodeLines = (n: Node, w: Wording, lang: Lang, indent = ""): Array<string> => {
  if (n.kind === "comparison") {
    const op = operators[n.operator]
    const leftType = typeOf(n.left, w)
    const isDate =
      leftType?.kind === "date" || (n.left.kind === "parameter" && w.parameter(n.left.name)?.type === "date")
    const left = sideText(n.left, undefined, w, lang, false)
    // "is given" reads better than "is not unknown".
    if (n.right.kind === "literal" && n.right.value === null && (n.operator === "equal" || n.operator === "notEqual")) {
      const given =
        n.operator === "notEqual" ? { nb: "er oppgitt", en: "is given" } : { nb: "er ikke oppgitt", en: "is not given" }
      return [`${indent}${mark(n)} ${left} ${given[lang]}`]
    }
    const phrase = (isDate ? op.datePhrase : undefined) ?? op.phrase
    return [`${indent}${mark(n)} ${left} ${phrase[lang]} ${sideText(n.right, leftType, w, lang, true)}`]
  }
  if (n.kind === "not")
    return [`${indent}${mark(n)} ${headers.not[lang]}`, ...nodeLines(n.child, w, lang, `${indent}  `)]
  // One condition under all/any reads better without the header.
  if (n.children.length === 1) return nodeLines(n.children[0]!, w, lang, indent)
  return [
    `${indent}${mark(n)} ${headers[n.kind][lang]}`,
    ...n.children.flatMap((c) => nodeLines(c, w, lang, `${indent}  `)),
  ]
}

const decisionWords = {
  rule: { nb: "Regel", en: "Rule" },
  version: { nb: "versjon", en: "version" },
  inForce: { nb: "gjelder", en: "in force" },
  applies: { nb: "Gjelder fordi", en: "Applies because" },
  because: { nb: "Begrunnelse", en: "Reason" },
  source: { nb: "Kilde", en: "Source" },
  possible: { nb: "Mulige utfall", en: "Possible outcomes" },
}

/** One decision as a block of plain text. */
export const decisionText = (d: Decision, w: Wording, lang: Lang): string => {
  const period =
    d.effective.to === undefined
      ? `${lang === "nb" ? "fra" : "from"} ${d.effective.from}`
      : `${d.effective.from} – ${d.effective.to}`
  const lines = [
    `${d.title[lang]}: ${describe(d.kind, d.outcome, w)[lang]}`,
    `  ${decisionWords.rule[lang]}: ${d.rule} (${d.file}), ${decisionWords.version[lang]} ${d.version}, ${decisionWords.inForce[lang]} ${period}`,
  ]
  if (d.explanation.appliesWhen !== undefined) {
    lines.push(`  ${decisionWords.applies[lang]}:`, ...nodeLines(d.explanation.appliesWhen, w, lang, "    "))
  }
  lines.push(`  ${decisionWords.because[lang]}:`, ...nodeLines(d.explanation.conditions, w, lang, "    "))
  if (d.unknown !== undefined) {
    const possible = d.unknown.possible.map((o) =>
      o.type === "not-applicable" ? (lang === "nb" ? "gjelder ikke" : "does not apply") : describe(d.kind, o, w)[lang],
    )
    lines.push(`  ${decisionWords.possible[lang]}: ${possible.join(lang === "nb" ? " eller " : " or ")}`)
  }
  lines.push(`  ${decisionWords.source[lang]}: ${w.source(d.source, lang)}`)
  // Titles, sources and values come from files and subjects: nothing like an identity number leaves.
  return Redact.text(lines.join("\n"))
}

const summaryWords = {
  title: { nb: "Avgjørelser", en: "Decisions" },
  citizen: { nb: "innbygger", en: "citizen" },
  eligibility: { nb: "Deltagelse", en: "Taking part" },
  duration: { nb: "Varighet", en: "Duration" },
  extension: { nb: "Forlengelse", en: "Extension" },
  escalation: { nb: "Eskalering", en: "Escalation" },
  nothing: { nb: "Ingen regler gjelder for dette.", en: "No rule applies to this." },
}

/** All decisions for a subject: a summary first, then each decision. */
export const decisionsText = (ds: Decisions, w: Wording, lang: Lang): string => {
  const s = summaryWords
  const head = `${s.title[lang]} ${ds.date}${ds.subject === undefined ? "" : ` (${s.citizen[lang]} ${ds.subject})`}`
  const sum = ds.summary
  const summary: Array<string> = []
  if (sum.eligibility !== undefined)
    summary.push(`${s.eligibility[lang]}: ${describe("eligibility", sum.eligibility, w)[lang]}`)
  if (sum.duration !== undefined) summary.push(`${s.duration[lang]}: ${describe("duration", sum.duration, w)[lang]}`)
  if (sum.extension !== undefined) summary.push(`${s.extension[lang]}: ${describe("duration", sum.extension, w)[lang]}`)
  for (const e of sum.escalations) summary.push(`${s.escalation[lang]}: ${describe("escalation", e, w)[lang]}`)
  if (ds.decisions.length === 0) summary.push(s.nothing[lang])
  return Redact.text(
    [
      head,
      ...summary.map((l) => `  ${l}`),
      "",
      ...ds.decisions
        .map((d) => decisionText(d, w, lang))
        .join("\n\n")
        .split("\n"),
    ]
      .join("\n")
      .trimEnd(),
  )
}
