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
import { condition, merge, type Node, reads } from "./Evaluate.js"
import { on, type ParameterInForce } from "./InForce.js"
import { guard, requireTree } from "./internal/boundary.js"
import { agree, type Open, touches, type Variant, variants } from "./internal/open.js"
import { receiptOf, type Receipt } from "./internal/receipt.js"
import { ArgumentError } from "./RulesError.js"
import { type Kind, type Outcome, unknown as unknownOutcome } from "./Outcome.js"
import type { Tree } from "./PolicyTree.js"
import type { Period, Version } from "./RuleFile.js"
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
  /** `event` when the conditions held, `otherwise` when they did not, `unknown` when that depends on an input the subject did not give. */
  readonly branch: "event" | "otherwise" | "unknown"
  readonly title: Bilingual
  readonly source: Source
  readonly facts: { readonly [fact: string]: Value }
  readonly parameters: ReadonlyArray<ParameterUse>
  readonly explanation: { readonly appliesWhen?: Node; readonly conditions: Node }
  /** For an `unknown` outcome: the inputs that would decide it, and the outcomes it could be (`not-applicable` when the rule might not apply). */
  readonly unknown?: { readonly missing: ReadonlyArray<string>; readonly possible: ReadonlyArray<Outcome> }
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

const first = (outcomes: ReadonlyArray<Outcome>, order: ReadonlyArray<string>): Outcome | undefined => {
  for (const type of order) {
    const o = outcomes.find((x) => x.type === type)
    if (o !== undefined) return o
  }
  return undefined
}

const eligibilityTypes = ["not-eligible", "granted-as", "eligible"]
const durationTypes = ["ends", "no-more-this-week", "continues"]
const extensionTypes = ["may-not-extend", "may-extend"]

/** The summary of definite outcomes: what each question's strongest outcome is. */
const summaryOf = (decided: ReadonlyArray<{ readonly kind: Kind; readonly outcome: Outcome }>): Summary => {
  const of = (kind: Kind) => decided.filter((d) => d.kind === kind).map((d) => d.outcome)
  const eligibility = first(of("eligibility"), eligibilityTypes)
  const duration = first(of("duration"), durationTypes)
  const extension = first(of("duration"), extensionTypes)
  return {
    ...(eligibility === undefined ? {} : { eligibility }),
    ...(duration === undefined ? {} : { duration }),
    ...(extension === undefined ? {} : { extension }),
    escalations: of("escalation").filter((o) => o.type === "escalate")
  }
}

// The inputs an unknown decision names, from its outcome.
const missingOf = (d: Decision): ReadonlyArray<string> => (d.outcome.params?.["missing"] ?? "").split(",").filter((m) => m !== "")

/**
 * Combines decisions: one "not eligible" outweighs any "eligible", a grant as
 * another service outweighs plain eligibility; an enrollment that ends under
 * any rule ends. An `unknown` decision makes its question unknown unless a
 * definite outcome outweighs it (a "not eligible" still decides).
 * `Decision.decide` combines more precisely: it knows which open values go
 * together, so it reports unknown only when the combined answer differs.
 * @example
 * Decision.summarise(decisions).eligibility?.type // "not-eligible"
 * @category evaluation
 */
export const summarise = guard("Decision.summarise", { en: "(decisions: ReadonlyArray<Decision>)", nb: "(decisions: ReadonlyArray<Decision>)" }, (decisions: ReadonlyArray<Decision>): Summary => {
  const definite = summaryOf(decisions.filter((d) => d.branch !== "unknown"))
  const open = decisions.filter((d) => d.branch === "unknown")
  const unknownFor = (kind: Kind, types: ReadonlyArray<string>, strongest: string, current: Outcome | undefined): Outcome | undefined => {
    if (current?.type === strongest) return current
    const relevant = open.filter((d) => d.kind === kind && (d.unknown?.possible ?? []).some((o) => types.includes(o.type)))
    return relevant.length === 0 ? current : unknownOutcome([...new Set(relevant.flatMap(missingOf))])
  }
  const eligibility = unknownFor("eligibility", eligibilityTypes, "not-eligible", definite.eligibility)
  const duration = unknownFor("duration", durationTypes, "ends", definite.duration)
  const extension = unknownFor("duration", extensionTypes, "may-not-extend", definite.extension)
  const escalating = open.filter((d) => d.kind === "escalation" && (d.unknown?.possible ?? []).some((o) => o.type === "escalate"))
  return {
    ...(eligibility === undefined ? {} : { eligibility }),
    ...(duration === undefined ? {} : { duration }),
    ...(extension === undefined ? {} : { extension }),
    escalations: [...definite.escalations, ...escalating.map((d) => unknownOutcome(missingOf(d)))]
  }
})

const notApplicable: Outcome = { type: "not-applicable" }
const key = (o: Outcome | undefined): string => (o === undefined ? "" : JSON.stringify([o.type, Object.entries(o.params ?? {}).sort()]))

/** One summary from one per combination of open values: a question they answer differently is unknown. */
const combineSummaries = (summaries: ReadonlyArray<Summary>, all: ReadonlyArray<Variant>, open: ReadonlyArray<Open>): Summary => {
  const field = (pick: (s: Summary) => Outcome | undefined): Outcome | undefined => {
    const r = agree(summaries.map(pick), all, open, (a, b) => key(a) === key(b))
    return r.same ? r.value : unknownOutcome(r.missing)
  }
  const eligibility = field((s) => s.eligibility)
  const duration = field((s) => s.duration)
  const extension = field((s) => s.extension)
  const lists = summaries.map((s) => s.escalations)
  const r = agree(lists, all, open, (a, b) => a.map(key).join("|") === b.map(key).join("|"))
  const escalations = r.same ? r.value : [...lists[0]!.filter((o) => lists.every((l) => l.some((x) => key(x) === key(o)))), unknownOutcome(r.missing)]
  return {
    ...(eligibility === undefined ? {} : { eligibility }),
    ...(duration === undefined ? {} : { duration }),
    ...(extension === undefined ? {} : { extension }),
    escalations
  }
}

// What a version reads never changes: worked out once per version.
const readCache = new WeakMap<Version, { readonly factNames: ReadonlyArray<string>; readonly parameterNames: ReadonlyArray<string>; readonly readSet: ReadonlySet<string> }>()
const readsOf = (version: Version) => {
  let r = readCache.get(version)
  if (r === undefined) {
    const read = [version.appliesWhen, version.conditions].flatMap((c) => (c === undefined ? [] : [reads(c)]))
    const factNames = [...new Set(read.flatMap((x) => x.facts))]
    r = { factNames, parameterNames: [...new Set(read.flatMap((x) => x.parameters))], readSet: new Set(factNames) }
    readCache.set(version, r)
  }
  return r
}

/**
 * Options for {@link decide}.
 * @category models
 */
export interface Options {
  /** Also return a receipt: file hashes, parameter values and every condition, so the decision can be replayed. */
  readonly receipt?: boolean
}

/**
 * Evaluates `subject` on `date` against the rules in force that day. Decode
 * outside input with `Subject.decode` first. Where the answer depends on
 * something the subject does not give — a birth date when only the birth
 * year is known and the citizen is near the minimum age, whether the joint
 * meeting was held — the outcome is `unknown` and names it, never a guess.
 * With `{ receipt: true }` the result carries a receipt (see the `Receipt` module) that
 * `Receipt.replay` (or `aktivitet-rules replay`) re-decides later. Throws an
 * `ArgumentError` for a date that is not `YYYY-MM-DD` or a tree that did not
 * come from `PolicyTree.load`.
 * @example
 * const result = Decision.decide(tree, { citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" }, "2024-03-01")
 * result.summary.eligibility // { type: "not-eligible" }
 * @category evaluation
 */
export const decide = guard("Decision.decide", { en: "(tree: Tree, subject: Subject, date: YYYY-MM-DD, options?: { receipt?: boolean })", nb: "(tree: Tree, subject: Subject, date: ÅÅÅÅ-MM-DD, options?: { receipt?: boolean })" }, (tree: Tree, subject: Subject, date: string, options: Options = {}): Decisions & { readonly receipt?: Receipt } => {
  if (!IsoDate.isIsoDate(date)) throw new ArgumentError("Decision.decide", { en: "Expected a date as YYYY-MM-DD", nb: "Forventet en dato på formen ÅÅÅÅ-MM-DD" })
  requireTree("Decision.decide", tree)
  const now = on(tree, date)
  const derived = factsOf(subject, date, now)
  const all = variants(derived.facts, derived.open)
  const decisions: Array<Decision> = []
  const notApplicable_: Array<string> = []
  // Per combination of open values, the definite outcome of every rule that applied.
  const perVariant: Array<Array<{ kind: Kind; outcome: Outcome }>> = all.map(() => [])
  for (const { rule, version } of now.rules) {
    const { factNames, parameterNames, readSet } = readsOf(version)
    // Only the open inputs this rule reads can change its answer.
    const relevant = derived.open.length === 0 ? [] : derived.open.map((o, j) => [o, j] as const).filter(([o]) => touches(o, readSet))
    const local = variants(derived.facts, relevant.map(([o]) => o))
    const runs = local.map((v) => {
      const inputs = { facts: v.facts, parameters: now.parameters, derivedFrom: derived.parameters }
      const applies = version.appliesWhen === undefined ? undefined : condition(version.appliesWhen, inputs)
      const conditions = condition(version.conditions, inputs)
      const outcome = applies !== undefined && !applies.result ? undefined : conditions.result ? version.event : version.otherwise
      return { applies, conditions, outcome }
    })
    if (all.length === 1) {
      if (runs[0]!.outcome !== undefined) perVariant[0]!.push({ kind: rule.kind, outcome: runs[0]!.outcome })
    } else {
      const localIndex = new Map(local.map((v, k) => [v.choice.join(","), k]))
      all.forEach((g, k) => {
        const run = runs[localIndex.get(relevant.map(([, j]) => g.choice[j]).join(","))!]!
        if (run.outcome !== undefined) perVariant[k]!.push({ kind: rule.kind, outcome: run.outcome })
      })
    }
    const agreed = agree(runs.map((r) => r.outcome), local, relevant.map(([o]) => o), (a, b) => a === b)
    if (agreed.same && agreed.value === undefined) {
      notApplicable_.push(rule.id)
      continue
    }
    const parameterUses: Array<ParameterUse> = []
    // The value each use actually read: a fact's parameter may be dated by the enrollment's first day.
    const addUse = (p: ParameterInForce | undefined) => {
      if (p !== undefined && !parameterUses.some((u) => u.name === p.parameter.name)) {
        parameterUses.push({ name: p.parameter.name, value: p.entry.value, from: p.entry.from, file: p.parameter.file })
      }
    }
    for (const name of parameterNames) addUse(now.parameters.get(name))
    for (const f of factNames) for (const p of derived.parameters.get(f) ?? []) addUse(p)
    const first = runs[0]!
    const appliesWhen = first.applies === undefined ? undefined : merge(runs.map((r) => r.applies!))
    const conditions = merge(runs.map((r) => r.conditions))
    const outcome = agreed.same ? agreed.value! : unknownOutcome(agreed.missing)
    const possible = agreed.same ? [] : runs.map((r) => r.outcome ?? notApplicable).filter((o, i, xs) => xs.findIndex((x) => key(x) === key(o)) === i)
    decisions.push({
      rule: rule.id,
      kind: rule.kind,
      file: rule.file,
      version: version.number,
      effective: version.effective,
      date,
      outcome,
      branch: !agreed.same ? "unknown" : outcome === version.event ? "event" : "otherwise",
      title: rule.title,
      source: version.source ?? rule.source,
      facts: Object.fromEntries(factNames.map((f) => [f, (derived.facts as Record<string, Value>)[f] ?? null])),
      parameters: parameterUses,
      explanation: { ...(appliesWhen === undefined ? {} : { appliesWhen }), conditions },
      ...(agreed.same ? {} : { unknown: { missing: agreed.missing, possible } })
    })
  }
  const summary = all.length === 1 ? summaryOf(perVariant[0]!) : combineSummaries(perVariant.map(summaryOf), all, derived.open)
  const pseudonym = subject.citizen?.id
  const result: Decisions = { date, ...(pseudonym === undefined ? {} : { subject: pseudonym }), decisions, notApplicable: notApplicable_, summary }
  return options?.receipt === true ? { ...result, receipt: receiptOf(tree, subject, result) } : result
}) as {
  (tree: Tree, subject: Subject, date: string, options: { readonly receipt: true }): Decisions & { readonly receipt: Receipt }
  (tree: Tree, subject: Subject, date: string, options?: Options): Decisions
}
