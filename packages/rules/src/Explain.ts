/**
 * Decisions in plain language, in Norwegian bokmål or English: the outcome,
 * the rule and version, why the rule applied, every condition with the values
 * on both sides, and the source.
 *
 * @module
 */
import { type Catalogue, Redact } from "@aktivitetsmodell/core"
import type { Decision, Decisions } from "./Decision.js"
import { words } from "./Duration.js"
import type { Node, Side } from "./Evaluate.js"
import { all as facts, codeLabel, type FactType, isFact, type Value } from "./Facts.js"
import { guard } from "./internal/boundary.js"
import { all as operators } from "./Operators.js"
import { describe } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"
import { format as formatSource } from "./Source.js"

/**
 * The language of an explanation.
 * @category models
 */
export type Lang = "nb" | "en"

const yes = { nb: "ja", en: "yes" }
const no = { nb: "nei", en: "no" }
const unknown = { nb: "ukjent", en: "unknown" }
const none = { nb: "ingen", en: "none" }

const scalar = (v: string | number | boolean | null, type: FactType | undefined, catalogue: Catalogue.Catalogue, lang: Lang): string => {
  if (v === null) return unknown[lang]
  if (typeof v === "boolean") return v ? yes[lang] : no[lang]
  if (typeof v === "string" && type !== undefined && (type.kind === "text" || type.kind === "list")) return codeLabel(type.domain, v, catalogue)[lang]
  if (typeof v === "string" && /^P(?:\d+[YMWD])+$/u.test(v)) return words(v)[lang]
  return String(v)
}

/**
 * A value as a person reads it: yes/no, names for codes, "unknown" for null.
 * @example
 * Explain.value("karategruppe", Facts.all.offering.type, Catalogue.sandnes(), "nb") // "Karategruppe"
 * @category constructors
 */
export const value = guard("Explain.value", { en: '(value: Value, type: FactType | undefined, catalogue: Catalogue, lang: "nb" | "en")', nb: '(value: Value, type: FactType | undefined, catalogue: Catalogue, lang: "nb" | "en")' }, (v: Value, type: FactType | undefined, catalogue: Catalogue.Catalogue, lang: Lang): string => {
  if (Array.isArray(v)) return v.length === 0 ? none[lang] : v.map((x) => scalar(x, type, catalogue, lang)).join(", ")
  return scalar(v as string | number | boolean | null, type, catalogue, lang)
})

const typeOf = (s: Side): FactType | undefined => (s.kind === "fact" && isFact(s.fact) ? facts[s.fact].type : undefined)

// "the department…" reads better than "The department…" mid-sentence; "ORS score" keeps its capitals.
const midSentence = (s: string) => (/^[A-ZÆØÅ][a-zæøå]/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s)

const sideText = (s: Side, other: FactType | undefined, tree: Tree, lang: Lang, right: boolean): string => {
  if (s.kind === "literal") return value(s.value, other, tree.catalogue, lang)
  if (s.kind === "fact") {
    const name = isFact(s.fact) ? facts[s.fact].label[lang] : s.fact
    const label = right ? midSentence(name) : name
    const from = (s.parameters ?? []).map((p) => `; parameter ${p.name}, ${lang === "nb" ? "fra" : "from"} ${p.from}`).join("")
    // A fact the subject leaves open shows every value it may have: "17 or 18".
    const values = s.values === undefined ? undefined : [...s.values].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : 0))
    const shown = values === undefined ? value(s.value, typeOf(s), tree.catalogue, lang) : values.map((v) => value(v, typeOf(s), tree.catalogue, lang)).join(lang === "nb" ? " eller " : " or ")
    return `${label} (${shown}${from})`
  }
  const p = tree.parameters.get(s.name)
  const label = p?.label[lang] ?? s.name
  const unit = p?.unit === undefined || typeof s.value !== "number" ? "" : ` ${p.unit[lang]}`
  const from = lang === "nb" ? `fra ${s.from}` : `from ${s.from}`
  return `${label} (${value(s.value, undefined, tree.catalogue, lang)}${unit}; parameter ${s.name}, ${from})`
}

// "?" marks a condition whose result depends on something the subject does not give.
const mark = (n: Node) => (n.unknown === true ? "?" : n.result ? "✓" : "✗")

const headers = {
  all: { nb: "Alle disse må stemme:", en: "All of these must hold:" },
  any: { nb: "Minst én av disse må stemme:", en: "At least one of these must hold:" },
  not: { nb: "Dette må ikke stemme:", en: "This must not hold:" }
}

/**
 * An explanation tree as indented lines, one per condition, each marked ✓ or ✗.
 * @example
 * Explain.node(decision.explanation.conditions, tree, "en")
 * // ["✗ Registered for intake (no) is yes"]
 * @category constructors
 */
export const node = guard("Explain.node", { en: '(node: Node, tree: Tree, lang: "nb" | "en", indent?: string)', nb: '(node: Node, tree: Tree, lang: "nb" | "en", indent?: string)' }, (n: Node, tree: Tree, lang: Lang, indent = ""): Array<string> => {
  if (n.kind === "comparison") {
    const op = operators[n.operator]
    const leftType = typeOf(n.left)
    const isDate = leftType?.kind === "date" || (n.left.kind === "parameter" && tree.parameters.get(n.left.name)?.type === "date")
    const left = sideText(n.left, undefined, tree, lang, false)
    // "is given" reads better than "is not unknown".
    if (n.right.kind === "literal" && n.right.value === null && (n.operator === "equal" || n.operator === "notEqual")) {
      const given = n.operator === "notEqual" ? { nb: "er oppgitt", en: "is given" } : { nb: "er ikke oppgitt", en: "is not given" }
      return [`${indent}${mark(n)} ${left} ${given[lang]}`]
    }
    const phrase = (isDate ? op.datePhrase : undefined) ?? op.phrase
    return [`${indent}${mark(n)} ${left} ${phrase[lang]} ${sideText(n.right, leftType, tree, lang, true)}`]
  }
  if (n.kind === "not") return [`${indent}${mark(n)} ${headers.not[lang]}`, ...node(n.child, tree, lang, `${indent}  `)]
  // One condition under all/any reads better without the header.
  if (n.children.length === 1) return node(n.children[0]!, tree, lang, indent)
  return [`${indent}${mark(n)} ${headers[n.kind][lang]}`, ...n.children.flatMap((c) => node(c, tree, lang, `${indent}  `))]
})

const words_ = {
  rule: { nb: "Regel", en: "Rule" },
  version: { nb: "versjon", en: "version" },
  inForce: { nb: "gjelder", en: "in force" },
  applies: { nb: "Gjelder fordi", en: "Applies because" },
  because: { nb: "Begrunnelse", en: "Reason" },
  source: { nb: "Kilde", en: "Source" },
  possible: { nb: "Mulige utfall", en: "Possible outcomes" }
}

/**
 * One decision as a block of plain text.
 * @example
 * console.log(Explain.decision(result.decisions[0], tree, "nb"))
 * @category constructors
 */
export const decision = guard("Explain.decision", { en: '(decision: Decision, tree: Tree, lang: "nb" | "en")', nb: '(decision: Decision, tree: Tree, lang: "nb" | "en")' }, (d: Decision, tree: Tree, lang: Lang): string => {
  const period =
    d.effective.to === undefined
      ? `${lang === "nb" ? "fra" : "from"} ${d.effective.from}`
      : `${d.effective.from} – ${d.effective.to}`
  const lines = [
    `${d.title[lang]}: ${describe(d.kind, d.outcome, tree.catalogue)[lang]}`,
    `  ${words_.rule[lang]}: ${d.rule} (${d.file}), ${words_.version[lang]} ${d.version}, ${words_.inForce[lang]} ${period}`
  ]
  if (d.explanation.appliesWhen !== undefined) {
    lines.push(`  ${words_.applies[lang]}:`, ...node(d.explanation.appliesWhen, tree, lang, "    "))
  }
  lines.push(`  ${words_.because[lang]}:`, ...node(d.explanation.conditions, tree, lang, "    "))
  if (d.unknown !== undefined) {
    const possible = d.unknown.possible.map((o) => (o.type === "not-applicable" ? (lang === "nb" ? "gjelder ikke" : "does not apply") : describe(d.kind, o, tree.catalogue)[lang]))
    lines.push(`  ${words_.possible[lang]}: ${possible.join(lang === "nb" ? " eller " : " or ")}`)
  }
  lines.push(`  ${words_.source[lang]}: ${formatSource(d.source, lang)}`)
  // Titles, sources and values come from files and subjects: nothing like an identity number leaves.
  return Redact.text(lines.join("\n"))
})

const summaryWords = {
  title: { nb: "Avgjørelser", en: "Decisions" },
  citizen: { nb: "innbygger", en: "citizen" },
  eligibility: { nb: "Deltagelse", en: "Taking part" },
  duration: { nb: "Varighet", en: "Duration" },
  extension: { nb: "Forlengelse", en: "Extension" },
  escalation: { nb: "Eskalering", en: "Escalation" },
  nothing: { nb: "Ingen regler gjelder for dette.", en: "No rule applies to this." }
}

/**
 * All decisions for a subject: a summary first, then each decision.
 * @example
 * console.log(Explain.decisions(Decision.decide(tree, subject, "2024-03-01"), tree, "en"))
 * @category constructors
 */
export const decisions = guard("Explain.decisions", { en: '(decisions: Decisions, tree: Tree, lang: "nb" | "en")', nb: '(decisions: Decisions, tree: Tree, lang: "nb" | "en")' }, (ds: Decisions, tree: Tree, lang: Lang): string => {
  const w = summaryWords
  const head = `${w.title[lang]} ${ds.date}${ds.subject === undefined ? "" : ` (${w.citizen[lang]} ${ds.subject})`}`
  const s = ds.summary
  const summary: Array<string> = []
  if (s.eligibility !== undefined) summary.push(`${w.eligibility[lang]}: ${describe("eligibility", s.eligibility, tree.catalogue)[lang]}`)
  if (s.duration !== undefined) summary.push(`${w.duration[lang]}: ${describe("duration", s.duration, tree.catalogue)[lang]}`)
  if (s.extension !== undefined) summary.push(`${w.extension[lang]}: ${describe("duration", s.extension, tree.catalogue)[lang]}`)
  for (const e of s.escalations) summary.push(`${w.escalation[lang]}: ${describe("escalation", e, tree.catalogue)[lang]}`)
  if (ds.decisions.length === 0) summary.push(w.nothing[lang])
  return Redact.text([head, ...summary.map((l) => `  ${l}`), "", ...ds.decisions.map((d) => decision(d, tree, lang)).join("\n\n").split("\n")].join("\n").trimEnd())
})
