// Decisions about a subject from what is in force on a date: every rule's
// outcome with its explanation, and the answer to each question. This is
// `Decision.decide` without the tree (and without receipts): the `decide`
// entry runs the same code over a snapshot, so the two cannot disagree.
// Nothing here imports a schema.
import type { Bilingual } from "@aktivitetsmodell/core"
import { condition, merge, type Node, reads } from "../Evaluate.js"
import type { Value } from "../Facts.js"
import { type Kind, type Outcome, unknown as unknownOutcome } from "../Outcome.js"
import type { Period, TopCondition } from "../RuleFile.js"
import type { Source } from "../Source.js"
import type { Subject } from "../Subject.js"
import { type Context, type DatedParameter, deriveFacts, type Used } from "./derive.js"
import { agree, type Open, touches, type Variant, variants } from "./open.js"

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

/** A rule as a decision reports it. A tree's `RuleFile` fits. */
export interface RuleView {
  readonly id: string
  readonly kind: Kind
  readonly file: string
  readonly title: Bilingual
  readonly source: Source
}

/** A rule version as a decision evaluates it. A tree's `Version` fits. */
export interface VersionView {
  readonly number: number
  readonly effective: Period
  readonly appliesWhen?: TopCondition | undefined
  readonly conditions: TopCondition
  readonly event: Outcome
  readonly otherwise: Outcome
  readonly source?: Source | undefined
}

/** Everything in force on a date that a decision reads. `InForce` fits. */
export interface Epoch<P extends DatedParameter> extends Context<P> {
  readonly rules: ReadonlyArray<{ readonly rule: RuleView; readonly version: VersionView }>
}

const first = (outcomes: ReadonlyArray<Outcome>, order: ReadonlyArray<string>): Outcome | undefined => {
  for (const type of order) {
    const o = outcomes.find((x) => x.type === type)
    if (o !== undefined) return o
  }
  return undefined
}

export const eligibilityTypes = ["not-eligible", "granted-as", "eligible"]
export const durationTypes = ["ends", "no-more-this-week", "continues"]
export const extensionTypes = ["may-not-extend", "may-extend"]

/** The summary of definite outcomes: what each question's strongest outcome is. */
export const summaryOf = (decided: ReadonlyArray<{ readonly kind: Kind; readonly outcome: Outcome }>): Summary => {
  const of = (kind: Kind) => decided.filter((d) => d.kind === kind).map((d) => d.outcome)
  const eligibility = first(of("eligibility"), eligibilityTypes)
  const duration = first(of("duration"), durationTypes)
  const extension = first(of("duration"), extensionTypes)
  return {
    ...(eligibility === undefined ? {} : { eligibility }),
    ...(duration === undefined ? {} : { duration }),
    ...(extension === undefined ? {} : { extension }),
    escalations: of("escalation").filter((o) => o.type === "escalate"),
  }
}

/** The inputs an unknown decision names, from its outcome. */
export const missingOf = (d: Decision): ReadonlyArray<string> =>
  (d.outcome.params?.missing ?? "").split(",").filter((m) => m !== "")

const notApplicable: Outcome = { type: "not-applicable" }
const key = (o: Outcome | undefined): string =>
  o === undefined ? "" : JSON.stringify([o.type, Object.entries(o.params ?? {}).sort()])

/** One summary from one per combination of open values: a question they answer differently is unknown. */
const combineSummaries = (
  summaries: ReadonlyArray<Summary>,
  all: ReadonlyArray<Variant>,
  open: ReadonlyArray<Open>,
): Summary => {
  const field = (pick: (s: Summary) => Outcome | undefined): Outcome | undefined => {
    const r = agree(summaries.map(pick), all, open, (a, b) => key(a) === key(b))
    return r.same ? r.value : unknownOutcome(r.missing)
  }
  const eligibility = field((s) => s.eligibility)
  const duration = field((s) => s.duration)
  const extension = field((s) => s.extension)
  const lists = summaries.map((s) => s.escalations)
  const r = agree(lists, all, open, (a, b) => a.map(key).join("|") === b.map(key).join("|"))
  const escalations = r.same
    ? r.value
    : [...lists[0]!.filter((o) => lists.every((l) => l.some((x) => key(x) === key(o)))), unknownOutcome(r.missing)]
  return {
    ...(eligibility === undefined ? {} : { eligibility }),
    ...(duration === undefined ? {} : { duration }),
    ...(extension === undefined ? {} : { extension }),
    escalations,
  }
}

// What a version reads never changes: worked out once per version.
const readCache = new WeakMap<
  VersionView,
  {
    readonly factNames: ReadonlyArray<string>
    readonly parameterNames: ReadonlyArray<string>
    readonly readSet: ReadonlySet<string>
  }
>()
const readsOf = (version: VersionView) => {
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
 * Evaluates `subject` on `date` against every rule in `now`. The caller has
 * checked the date and picked `now` for it.
 */
export const decideOn = <P extends DatedParameter>(now: Epoch<P>, subject: Subject, date: string): Decisions => {
  const derived = deriveFacts(subject, date, now)
  const all = variants(derived.facts, derived.open)
  const decisions: Array<Decision> = []
  const notApplicable_: Array<string> = []
  // Per combination of open values, the definite outcome of every rule that applied.
  const perVariant: Array<Array<{ kind: Kind; outcome: Outcome }>> = all.map(() => [])
  for (const { rule, version } of now.rules) {
    const { factNames, parameterNames, readSet } = readsOf(version)
    // Only the open inputs this rule reads can change its answer.
    const relevant =
      derived.open.length === 0 ? [] : derived.open.map((o, j) => [o, j] as const).filter(([o]) => touches(o, readSet))
    const local = variants(
      derived.facts,
      relevant.map(([o]) => o),
    )
    const runs = local.map((v) => {
      const inputs = { facts: v.facts, parameters: now.parameters, derivedFrom: derived.parameters }
      const applies = version.appliesWhen === undefined ? undefined : condition(version.appliesWhen, inputs)
      const conditions = condition(version.conditions, inputs)
      const outcome =
        applies !== undefined && !applies.result ? undefined : conditions.result ? version.event : version.otherwise
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
    const agreed = agree(
      runs.map((r) => r.outcome),
      local,
      relevant.map(([o]) => o),
      (a, b) => a === b,
    )
    if (agreed.same && agreed.value === undefined) {
      notApplicable_.push(rule.id)
      continue
    }
    const parameterUses: Array<ParameterUse> = []
    // The value each use actually read: a fact's parameter may be dated by the enrollment's first day.
    const addUse = (p: Used<P> | undefined) => {
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
    const possible = agreed.same
      ? []
      : runs.map((r) => r.outcome ?? notApplicable).filter((o, i, xs) => xs.findIndex((x) => key(x) === key(o)) === i)
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
      ...(agreed.same ? {} : { unknown: { missing: agreed.missing, possible } }),
    })
  }
  const summary =
    all.length === 1 ? summaryOf(perVariant[0]!) : combineSummaries(perVariant.map(summaryOf), all, derived.open)
  const pseudonym = subject.citizen?.id
  return {
    date,
    ...(pseudonym === undefined ? {} : { subject: pseudonym }),
    decisions,
    notApplicable: notApplicable_,
    summary,
  }
}
