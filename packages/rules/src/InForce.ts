/**
 * What is in force on a date: the rule versions whose effective period
 * covers it, the parameter values of that day, and the catalogue.
 * `policy(tree)` gives core the whole dated policy. Dates between two policy changes share one
 * result, computed once per tree.
 *
 * @module
 */
import type { Catalogue, Offering, Policy } from "@aktivitetsmodell/core"
import { guard, requireDate, requireTree } from "./internal/boundary.js"
import { changesOf, periodStart, valuesOn, versionsOn } from "./internal/epoch.js"
import type { Entry, Parameter, ParameterValue } from "./Parameters.js"
import type { Tree } from "./PolicyTree.js"
import type { RuleFile, TopCondition, Version } from "./RuleFile.js"

/**
 * A parameter's value on a date, with the file and entry it comes from.
 * @category models
 */
export interface ParameterInForce {
  readonly parameter: Parameter
  readonly entry: Entry
}

/**
 * A rule version in force.
 * @category models
 */
export interface RuleInForce {
  readonly rule: RuleFile
  readonly version: Version
}

/**
 * Everything in force from `from` up to the next policy change.
 * @category models
 */
export interface InForce {
  readonly from: string
  readonly rules: ReadonlyArray<RuleInForce>
  readonly parameters: ReadonlyMap<string, ParameterInForce>
  /** The tree's catalogue: what each offering is; its limits and transition come from the parameters. */
  readonly catalogue: Catalogue.Catalogue
  readonly offerings: ReadonlyMap<string, Offering.Offering>
  /** Every parameter with all its dated values, for values dated by another day than the question's. */
  readonly policy: TreePolicy
}

/**
 * A tree's policy: core's `Policy` whose parameters are the tree's parameter
 * files, so a value can be traced to its file.
 * @category models
 */
export interface TreePolicy extends Policy.Policy {
  readonly parameters: ReadonlyMap<string, Parameter>
}

/**
 * The input of the compiled and engine paths: each rule's conditions and the
 * parameter values they read, with no dates left to resolve.
 * @category models
 */
export interface RuleSet {
  readonly rules: ReadonlyArray<{
    readonly id: string
    readonly appliesWhen?: TopCondition
    readonly conditions: TopCondition
  }>
  readonly parameters: ReadonlyMap<string, ParameterValue>
}

/**
 * The dates on which something changes: each version's start and the day
 * after its end, and each parameter entry's date, sorted.
 * @example
 * InForce.changes(tree)[0] // "2023-03-09"
 * @category constructors
 */
export const changes = guard(
  "InForce.changes",
  { en: "(tree: Tree)", nb: "(tree: Tree)" },
  (tree: Tree): ReadonlyArray<string> => {
    requireTree("InForce.changes", tree)
    return changesOf(tree.rules, tree.parameters.values())
  },
)

const cache = new WeakMap<
  Tree,
  {
    readonly changes: ReadonlyArray<string>
    readonly byStart: Map<string, InForce>
    /** Each date asked about, checked, with its answer: most callers ask about few dates many times. */
    readonly byDate: Map<string, InForce>
  }
>()

// Enough for every day of several years; past it the memo starts over rather than grow without end.
const datesRemembered = 4096

const build = (tree: Tree, date: string, from: string): InForce => {
  const catalogue = tree.catalogue
  return {
    from,
    rules: versionsOn(tree.rules, date),
    parameters: valuesOn(tree.parameters.values(), date),
    catalogue,
    offerings: new Map(catalogue.offerings.map((o) => [o.id, o])),
    policy: policy(tree),
  }
}

/**
 * What is in force on `date`.
 * @example
 * const now = InForce.on(tree, "2024-06-01")
 * now.rules.map((r) => r.rule.id)
 * @category constructors
 */
export const on = guard(
  "InForce.on",
  { en: "(tree: Tree, date: YYYY-MM-DD)", nb: "(tree: Tree, date: ÅÅÅÅ-MM-DD)" },
  (tree: Tree, date: string): InForce => {
    // A tree and a date seen before were checked then.
    let entry = cache.get(tree)
    const known = entry?.byDate.get(date)
    if (known !== undefined) return known
    requireTree("InForce.on", tree)
    requireDate("InForce.on", "date", date)
    if (entry === undefined) {
      entry = { changes: changes(tree), byStart: new Map(), byDate: new Map() }
      cache.set(tree, entry)
    }
    const from = periodStart(entry.changes, date)
    let found = entry.byStart.get(from)
    if (found === undefined) {
      found = build(tree, date, from)
      entry.byStart.set(from, found)
    }
    if (entry.byDate.size >= datesRemembered) entry.byDate.clear()
    entry.byDate.set(date, found)
    return found
  },
)

/**
 * The compiled path's input for `date`: rule conditions and parameter values.
 * @example
 * const program = Compile.compile(InForce.ruleSetOn(tree, "2024-06-01"))
 * @category constructors
 */
export const ruleSetOn = guard(
  "InForce.ruleSetOn",
  { en: "(tree: Tree, date: YYYY-MM-DD)", nb: "(tree: Tree, date: ÅÅÅÅ-MM-DD)" },
  (tree: Tree, date: string): RuleSet => {
    const now = on(tree, date)
    return {
      rules: now.rules.map(({ rule, version }) => ({
        id: rule.id,
        ...(version.appliesWhen === undefined ? {} : { appliesWhen: version.appliesWhen }),
        conditions: version.conditions,
      })),
      parameters: new Map([...now.parameters].map(([name, p]) => [name, p.entry.value])),
    }
  },
)

/**
 * The tree's whole policy for core: every parameter with its dating rule and
 * all its dated values. Pass it to `Invariants.check(data, { policy })`,
 * `generate({ policy })` and `Policy.limits`; each value is chosen by its
 * parameter's own dating rule, the same way decisions choose it.
 * @example
 * Invariants.check(year, { policy: InForce.policy(tree) })
 * @category constructors
 */
export const policy = guard("InForce.policy", { en: "(tree: Tree)", nb: "(tree: Tree)" }, (tree: Tree): TreePolicy => {
  requireTree("InForce.policy", tree)
  let p = policies.get(tree)
  if (p === undefined) {
    p = { parameters: tree.parameters }
    policies.set(tree, p)
  }
  return p
})

const policies = new WeakMap<Tree, TreePolicy>()
