// Decisions about a subject from what is in force on a date: every rule's
// outcome with its explanation, and the answer to each question. This is
// `Decision.decide` without the tree (and without receipts): the `decide`
// entry runs the same code over a snapshot, so the two cannot disagree.
// Nothing here imports a schema.
import type { Bilingual } from "@aktivitetsmodell/core"
import { type Basis, explainLater } from "../decide/explanation.js"
import { planOf, type Step } from "../decide/plan.js"
import { relevanceOf } from "../decide/relevance.js"
import type { Node } from "../Evaluate.js"
import type { Value } from "../Facts.js"
import { type Kind, type Outcome, unknown as unknownOutcome } from "../Outcome.js"
import type { Period, TopCondition } from "../RuleFile.js"
import type { Source } from "../Source.js"
import type { Subject } from "../Subject.js"
import { type Context, type DatedParameter, derivedOn, type Used } from "./derive.js"
import { agree, combinations, type Open } from "./open.js"

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
  /** Every condition with the values on both sides; built when first read, the same object on every read. */
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

export const eligibilityTypes = ["not-eligible", "granted-as", "eligible"]
export const durationTypes = ["ends", "no-more-this-week", "continues"]
export const extensionTypes = ["may-not-extend", "may-extend"]

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** A summary with only the questions that have an answer, in the order the type lists them. */
const summaryFrom = (
  eligibility: Outcome | undefined,
  duration: Outcome | undefined,
  extension: Outcome | undefined,
  escalations: ReadonlyArray<Outcome>,
): Summary => {
  const s: Mutable<Summary> = {} as Mutable<Summary>
  if (eligibility !== undefined) s.eligibility = eligibility
  if (duration !== undefined) s.duration = duration
  if (extension !== undefined) s.extension = extension
  s.escalations = escalations
  return s
}

// The stronger of two outcomes by `order` (earlier is stronger); of two alike, the first.
const stronger = (current: Outcome | undefined, o: Outcome, order: ReadonlyArray<string>): Outcome | undefined => {
  const rank = order.indexOf(o.type)
  if (rank < 0) return current
  return current === undefined || rank < order.indexOf(current.type) ? o : current
}

/** Each question's strongest outcome so far. */
class Strongest {
  eligibility: Outcome | undefined = undefined
  duration: Outcome | undefined = undefined
  extension: Outcome | undefined = undefined
  readonly escalations: Array<Outcome> = []

  add(kind: Kind, outcome: Outcome): void {
    if (kind === "eligibility") this.eligibility = stronger(this.eligibility, outcome, eligibilityTypes)
    else if (kind === "duration") {
      this.duration = stronger(this.duration, outcome, durationTypes)
      this.extension = stronger(this.extension, outcome, extensionTypes)
    } else if (kind === "escalation" && outcome.type === "escalate") this.escalations.push(outcome)
  }

  summary(): Summary {
    return summaryFrom(this.eligibility, this.duration, this.extension, this.escalations)
  }
}

/** The summary of definite outcomes: what each question's strongest outcome is. */
export const summaryOf = (decided: ReadonlyArray<{ readonly kind: Kind; readonly outcome: Outcome }>): Summary => {
  const s = new Strongest()
  for (const { kind, outcome } of decided) s.add(kind, outcome)
  return s.summary()
}

/** The inputs an unknown decision names, from its outcome. */
export const missingOf = (d: Decision): ReadonlyArray<string> =>
  (d.outcome.params?.missing ?? "").split(",").filter((m) => m !== "")

const notApplicable: Outcome = { type: "not-applicable" }

/** The same type with the same parameters. */
const sameOutcome = (a: Outcome | undefined, b: Outcome | undefined): boolean => {
  if (a === b) return true
  if (a === undefined || b === undefined || a.type !== b.type) return false
  const pa = a.params ?? {}
  const pb = b.params ?? {}
  const keys = Object.keys(pa)
  return keys.length === Object.keys(pb).length && keys.every((k) => Object.hasOwn(pb, k) && pa[k] === pb[k])
}

const sameOutcomes = (a: ReadonlyArray<Outcome>, b: ReadonlyArray<Outcome>): boolean =>
  a.length === b.length && a.every((o, i) => sameOutcome(o, b[i]))

/** One summary from one per combination of open values: a question they answer differently is unknown. */
const combineSummaries = (summaries: ReadonlyArray<Summary>, open: ReadonlyArray<Open>): Summary => {
  const field = (pick: (s: Summary) => Outcome | undefined): Outcome | undefined => {
    const r = agree(summaries.map(pick), open, sameOutcome)
    return r.same ? r.value : unknownOutcome(r.missing)
  }
  const lists = summaries.map((s) => s.escalations)
  const r = agree(lists, open, sameOutcomes)
  const escalations = r.same
    ? r.value
    : [...lists[0]!.filter((o) => lists.every((l) => l.some((x) => sameOutcome(x, o)))), unknownOutcome(r.missing)]
  return summaryFrom(
    field((s) => s.eligibility),
    field((s) => s.duration),
    field((s) => s.extension),
    escalations,
  )
}

type Facts = { readonly [fact: string]: Value }

/** A rule whose outcome depends on open inputs: the ones it reads (by index) and its outcome for each combination of them. */
interface Varying {
  readonly relevant: ReadonlyArray<number>
  readonly outcomes: ReadonlyArray<Outcome | undefined>
}

const none: ReadonlyArray<never> = []

const identical = <T>(a: T, b: T): boolean => a === b

// Shared by every decision whose facts used no parameter: only read, never handed out.
const noParameters: ReadonlyMap<string, ReadonlyArray<Used<DatedParameter>>> = new Map()

/** A version's outcome for one set of facts, undefined when it does not apply. */
const outcomeOf = (step: Step<VersionView, Used<DatedParameter>>, facts: Facts): Outcome | undefined =>
  step.applies !== undefined && !step.applies(facts)
    ? undefined
    : step.holds(facts)
      ? step.version.event
      : step.version.otherwise

/** The facts a version reads, with their values (null when unknown). */
const readFacts = (step: Step<VersionView, Used<DatedParameter>>, facts: Facts): { [fact: string]: Value } => {
  // A copy of the step's blank has every key already; every name is an own key of `facts` (the plan checked).
  const out: { [fact: string]: Value } = { ...step.blank }
  const names = step.factNames
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    out[name] = facts[name] ?? null
  }
  return out
}

const addUse = (uses: Array<ParameterUse>, p: Used<DatedParameter>): void => {
  for (const u of uses) if (u.name === p.parameter.name) return
  uses.push({ name: p.parameter.name, value: p.entry.value, from: p.entry.from, file: p.parameter.file })
}

/** The parameter values a version used: those it reads, then those its facts were derived from (the value each actually read). */
const usesOf = (
  step: Step<VersionView, Used<DatedParameter>>,
  derivedFrom: ReadonlyMap<string, ReadonlyArray<Used<DatedParameter>>>,
): Array<ParameterUse> => {
  const uses: Array<ParameterUse> = []
  // A step's own parameters are already one per name.
  for (const p of step.parameters)
    uses.push({ name: p.parameter.name, value: p.entry.value, from: p.entry.from, file: p.parameter.file })
  if (derivedFrom.size > 0) for (const f of step.factNames) for (const p of derivedFrom.get(f) ?? none) addUse(uses, p)
  return uses
}

/** Where the global combination `choice` falls among the combinations of the `relevant` open inputs alone. */
const localIndex = (choice: ReadonlyArray<number>, relevant: ReadonlyArray<number>, open: ReadonlyArray<Open>) => {
  let k = 0
  for (const j of relevant) k = k * open[j]!.options.length + choice[j]!
  return k
}

/**
 * The summary when some decisions' outcomes depend on open inputs
 * (`varying`, by decision index): one per combination of the open values, combined.
 */
const summaryOver = (
  decisions: ReadonlyArray<Decision>,
  varying: ReadonlyArray<Varying | undefined>,
  open: ReadonlyArray<Open>,
): Summary => {
  const perVariant = combinations(open).map((choice) => {
    const s = new Strongest()
    for (let k = 0; k < decisions.length; k++) {
      const d = decisions[k]!
      const v = varying[k]
      const outcome = v === undefined ? d.outcome : v.outcomes[localIndex(choice, v.relevant, open)]
      if (outcome !== undefined) s.add(d.kind, outcome)
    }
    return s.summary()
  })
  return combineSummaries(perVariant, open)
}

/**
 * A version's outcome for each combination of `opens`' options, in
 * `combinations` order. Each combination is tried on `facts` itself and the
 * values put back after, rather than on a copy of every fact per combination.
 */
const outcomesOver = (
  step: Step<VersionView, Used<DatedParameter>>,
  facts: { [fact: string]: Value },
  opens: ReadonlyArray<Open>,
): Array<Outcome | undefined> => {
  const keys: Array<string> = []
  const values: Array<Value> = []
  for (const o of opens)
    for (const option of o.options)
      for (const key of Object.keys(option)) {
        keys.push(key)
        values.push(facts[key]!)
      }
  const restore = () => {
    for (let i = 0; i < keys.length; i++) facts[keys[i]!] = values[i]!
  }
  const outcomes: Array<Outcome | undefined> = []
  try {
    // One open input (the usual case): each of its options in turn.
    if (opens.length === 1) {
      const options = opens[0]!.options
      outcomes.push(outcomeOf(step, facts))
      for (let i = 1; i < options.length; i++) {
        restore()
        Object.assign(facts, options[i])
        outcomes.push(outcomeOf(step, facts))
      }
      return outcomes
    }
    for (const choice of combinations(opens)) {
      restore()
      choice.forEach((i, j) => {
        if (i !== 0) Object.assign(facts, opens[j]!.options[i])
      })
      outcomes.push(outcomeOf(step, facts))
    }
  } finally {
    restore()
  }
  return outcomes
}

/** What a decision copies from its rule and version, read once per period into objects of one shape. */
interface Row {
  readonly id: string
  readonly kind: Kind
  readonly file: string
  readonly title: Bilingual
  readonly source: Source
  readonly version: VersionView
}

/** A period's rows, and a list as long to gather the rules that do not apply in before copying them out. */
interface Rows {
  readonly rows: ReadonlyArray<Row>
  readonly skipped: Array<string>
}

// Rules and versions come from decoded files of many shapes; reading them per decision would be slow.
const rowsByPlan = new WeakMap<object, Rows>()

const rowsOf = (plan: object, rules: Epoch<DatedParameter>["rules"]): Rows => {
  let found = rowsByPlan.get(plan)
  if (found === undefined) {
    const rows = rules.map(({ rule, version }) => ({
      id: rule.id,
      kind: rule.kind,
      file: rule.file,
      title: rule.title,
      source: version.source ?? rule.source,
      version,
    }))
    found = { rows, skipped: rows.map((r) => r.id) }
    rowsByPlan.set(plan, found)
  }
  return found
}

/**
 * True when every other option of `o` gives the step the code `first` (that
 * of the facts as they are, option 0). Each option is tried on `facts`
 * itself and the values put back after.
 */
const sameForEvery = (
  step: Step<VersionView, Used<DatedParameter>>,
  facts: { [fact: string]: Value },
  o: Open,
  first: number,
): boolean => {
  const options = o.options
  for (let k = 1; k < options.length; k++) {
    const option = options[k]!
    const keys = Object.keys(option)
    const saved = keys.map((key) => facts[key]!)
    let code: number
    try {
      for (const key of keys) facts[key] = option[key]!
      code = step.code(facts)
    } finally {
      for (let i = 0; i < keys.length; i++) facts[keys[i]!] = saved[i]!
    }
    if (code !== first) return false
  }
  return true
}

/**
 * Evaluates `subject` on `date` against every rule in `now`. The caller has
 * checked the date and picked `now` for it. Explanations are built when first read.
 */
export const decideOn = <P extends DatedParameter>(now: Epoch<P>, subject: Subject, date: string): Decisions => {
  const derived = derivedOn(subject, date, now, noParameters as ReadonlyMap<string, ReadonlyArray<Used<P>>>)
  const facts: Facts = derived.facts
  const rules = now.rules
  const parameters = now.parameters
  const derivedFrom = derived.parameters
  const plan = planOf(now, rules, facts, parameters, derivedFrom)
  const open = derived.open
  const relevance = open.length === 0 ? undefined : relevanceOf(plan, open)
  const decisions: Array<Decision> = []
  // Most rules do not apply: gathered in the period's list (nothing else runs until they are copied out).
  const { rows, skipped } = rowsOf(plan, rules)
  let notApplying = 0
  // By decision index, the decisions whose outcome depends on open inputs.
  let varying: Array<Varying | undefined> | undefined
  const steps = plan.steps
  const copiers = plan.copiers
  // Every rule's code in one run of the generated program, where there is one; the closures otherwise.
  // The plan's buffer is written in full here and read only below, before anything else can run.
  const codes = plan.run === undefined ? undefined : plan.codes
  if (codes !== undefined) plan.run!(facts, codes)
  // What every explanation of this call is built from, made with the first decision.
  let basis: Basis | undefined
  for (let i = 0; i < rules.length; i++) {
    const step = steps[i]!
    const code = codes === undefined ? step.code(facts) : codes[i]!
    const relevant = relevance === undefined ? none : (relevance.relevant[i] ?? none)
    const row = rows[i]!
    // A rule whose appliesWhen does not hold, whatever the open values are, does not apply.
    if (code === 0 && (relevant.length === 0 || !relevance!.scoped[i])) {
      skipped[notApplying++] = row.id
      continue
    }
    let outcome: Outcome | undefined
    let unknown: Decision["unknown"]
    const version = row.version
    if (relevant.length === 0) outcome = code === 1 ? version.event : version.otherwise
    else if (
      relevant.length === 1 &&
      sameForEvery(step, facts as { [fact: string]: Value }, open[relevant[0]!]!, code)
    ) {
      // One open input that does not change the code (the usual case): the code stands.
      if (code === 0) {
        skipped[notApplying++] = row.id
        continue
      }
      outcome = code === 1 ? version.event : version.otherwise
    } else {
      const opens = relevant.map((j) => open[j]!)
      const outcomes = outcomesOver(step, derived.facts as { [fact: string]: Value }, opens)
      const agreed = agree(outcomes, opens, identical)
      if (agreed.same) outcome = agreed.value
      else {
        varying ??= []
        varying[decisions.length] = { relevant, outcomes }
        outcome = unknownOutcome(agreed.missing)
        const possible = outcomes
          .map((o) => o ?? notApplicable)
          .filter((o, k, xs) => xs.findIndex((x) => sameOutcome(x, o)) === k)
        unknown = { missing: agreed.missing, possible }
      }
    }
    if (outcome === undefined) {
      skipped[notApplying++] = row.id
      continue
    }
    const d: Mutable<Omit<Decision, "explanation">> = {
      rule: row.id,
      kind: row.kind,
      file: row.file,
      version: version.number,
      effective: version.effective,
      date,
      outcome,
      branch: unknown !== undefined ? "unknown" : outcome === version.event ? "event" : "otherwise",
      title: row.title,
      source: row.source,
      facts: copiers === undefined ? readFacts(step, facts) : copiers[i]!(facts),
      parameters: usesOf(step, derivedFrom),
    }
    basis ??= { facts, open, parameters, derivedFrom }
    const decision = explainLater(d, version, relevant, basis)
    if (unknown !== undefined) d.unknown = unknown
    decisions.push(decision)
  }
  const notApplicable_ = skipped.slice(0, notApplying)
  // When no outcome varies, every combination of open values has the same summary.
  const summary = varying === undefined ? summaryOf(decisions) : summaryOver(decisions, varying, open)
  const pseudonym = subject.citizen?.id
  return pseudonym === undefined
    ? { date, decisions, notApplicable: notApplicable_, summary }
    : { date, subject: pseudonym, decisions, notApplicable: notApplicable_, summary }
}
