/**
 * Decisions: a subject evaluated on a date against every rule in force that
 * day. Each decision carries its outcome, the rule and file it comes from,
 * the version and its effective period, the facts and parameters it used,
 * and an explanation tree of every condition with the values on both sides.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { IsoDate } from "@aktivitetsmodell/core"
import type { Value } from "./Facts.js"
import { condition, type Node, reads } from "./Evaluate.js"
import { on } from "./InForce.js"
import { guard, requireTree } from "./internal/boundary.js"
import { ArgumentError } from "./RulesError.js"
import type { Kind, Outcome } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"
import type { Period } from "./RuleFile.js"
import type { Source } from "./Source.js"
import { facts as factsOf, type Subject } from "./Subject.js"

/**
 * A dated parameter value a decision used, directly or through a derived fact.
 * @category models
 */
export interface ParameterUse {
  readonly name: string
  readonly value: number | string
  readonly from: string
  readonly file: string
}

/**
 * One rule's decision about a subject on a date.
 * @category models
 */
export interface Decision {
  readonly rule: string
  readonly kind: Kind
  readonly file: string
  readonly version: number
  readonly effective: Period
  readonly date: string
  readonly outcome: Outcome
  /** `event` when the conditions held, `otherwise` when they did not. */
  readonly branch: "event" | "otherwise"
  readonly title: Bilingual
  readonly source: Source
  readonly facts: { readonly [fact: string]: Value }
  readonly parameters: ReadonlyArray<ParameterUse>
  readonly explanation: { readonly appliesWhen?: Node; readonly conditions: Node }
}

/**
 * The decisions combined per question: whether the citizen may take part,
 * whether the enrollment continues, whether it may be extended, and every escalation.
 * @category models
 */
export interface Summary {
  readonly eligibility?: Outcome
  readonly duration?: Outcome
  readonly extension?: Outcome
  readonly escalations: ReadonlyArray<Outcome>
}

/**
 * All decisions for one subject on one date. `subject` is the citizen's
 * pseudonym when the subject has one.
 * @category models
 */
export interface Decisions {
  readonly date: string
  readonly subject?: string
  readonly decisions: ReadonlyArray<Decision>
  /** Rules in force whose `appliesWhen` did not hold for this subject. */
  readonly notApplicable: ReadonlyArray<string>
  readonly summary: Summary
}

const first = (decisions: ReadonlyArray<Decision>, order: ReadonlyArray<string>): Outcome | undefined => {
  for (const type of order) {
    const d = decisions.find((x) => x.outcome.type === type)
    if (d !== undefined) return d.outcome
  }
  return undefined
}

/**
 * Combines decisions: one "not eligible" outweighs any "eligible", a grant as
 * another service outweighs plain eligibility; an enrollment that ends under
 * any rule ends.
 * @example
 * Decision.summarise(decisions).eligibility?.type // "not-eligible"
 * @category evaluation
 */
export const summarise = guard("Decision.summarise", { en: "(decisions: ReadonlyArray<Decision>)", nb: "(decisions: ReadonlyArray<Decision>)" }, (decisions: ReadonlyArray<Decision>): Summary => {
  const eligibility = first(decisions.filter((d) => d.kind === "eligibility"), ["not-eligible", "granted-as", "eligible"])
  const duration = first(decisions.filter((d) => d.kind === "duration"), ["ends", "no-more-this-week", "continues"])
  const extension = first(decisions.filter((d) => d.kind === "duration"), ["may-not-extend", "may-extend"])
  return {
    ...(eligibility === undefined ? {} : { eligibility }),
    ...(duration === undefined ? {} : { duration }),
    ...(extension === undefined ? {} : { extension }),
    escalations: decisions.filter((d) => d.kind === "escalation" && d.outcome.type === "escalate").map((d) => d.outcome)
  }
})

/**
 * Evaluates `subject` on `date` against the rules in force that day. Decode
 * outside input with `Subject.decode` first. Throws an `ArgumentError` for a
 * date that is not `YYYY-MM-DD` or a tree that did not come from `PolicyTree.load`.
 * @example
 * const result = Decision.decide(tree, { citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" }, "2024-03-01")
 * result.summary.eligibility // { type: "not-eligible" }
 * @category evaluation
 */
export const decide = guard("Decision.decide", { en: "(tree: Tree, subject: Subject, date: YYYY-MM-DD)", nb: "(tree: Tree, subject: Subject, date: ÅÅÅÅ-MM-DD)" }, (tree: Tree, subject: Subject, date: string): Decisions => {
  if (!IsoDate.isIsoDate(date)) throw new ArgumentError("Decision.decide", { en: "Expected a date as YYYY-MM-DD", nb: "Forventet en dato på formen ÅÅÅÅ-MM-DD" })
  requireTree("Decision.decide", tree)
  const now = on(tree, date)
  const derived = factsOf(subject, date, now)
  const inputs = { facts: derived.facts, parameters: now.parameters, derivedFrom: derived.parameters }
  const decisions: Array<Decision> = []
  const notApplicable: Array<string> = []
  for (const { rule, version } of now.rules) {
    const applies = version.appliesWhen === undefined ? undefined : condition(version.appliesWhen, inputs)
    if (applies !== undefined && !applies.result) {
      notApplicable.push(rule.id)
      continue
    }
    const conditions = condition(version.conditions, inputs)
    const read = [version.appliesWhen, version.conditions].flatMap((c) => (c === undefined ? [] : [reads(c)]))
    const factNames = [...new Set(read.flatMap((r) => r.facts))]
    const parameterUses: Array<ParameterUse> = []
    const addUse = (name: string) => {
      const p = now.parameters.get(name)
      if (p !== undefined && !parameterUses.some((u) => u.name === name)) {
        parameterUses.push({ name, value: p.entry.value, from: p.entry.from, file: p.parameter.file })
      }
    }
    read.flatMap((r) => r.parameters).forEach(addUse)
    for (const f of factNames) for (const p of derived.parameters.get(f) ?? []) addUse(p.parameter.name)
    decisions.push({
      rule: rule.id,
      kind: rule.kind,
      file: rule.file,
      version: version.number,
      effective: version.effective,
      date,
      outcome: conditions.result ? version.event : version.otherwise,
      branch: conditions.result ? "event" : "otherwise",
      title: rule.title,
      source: version.source ?? rule.source,
      facts: Object.fromEntries(factNames.map((f) => [f, (derived.facts as Record<string, Value>)[f] ?? null])),
      parameters: parameterUses,
      explanation: { ...(applies === undefined ? {} : { appliesWhen: applies }), conditions }
    })
  }
  const pseudonym = subject.citizen?.id
  return { date, ...(pseudonym === undefined ? {} : { subject: pseudonym }), decisions, notApplicable, summary: summarise(decisions) }
})
