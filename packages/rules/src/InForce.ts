/**
 * What is in force on a date: the rule versions whose effective period
 * covers it, the parameter values of that day, and the catalogue and core
 * policy those parameters give. Dates between two policy changes share one
 * result, computed once per tree.
 *
 * @module
 */
import type { Bilingual, Invariants } from "@aktivitetsmodell/core"
import { type Catalogue, IsoDate, type Offering } from "@aktivitetsmodell/core"
import { wholeMonths } from "./Duration.js"
import { guard, requireDate, requireString, requireTree } from "./internal/boundary.js"
import type { Entry, Parameter, ParameterValue } from "./Parameters.js"
import { entryOn } from "./Parameters.js"
import type { Tree } from "./PolicyTree.js"
import type { RuleFile, TopCondition, Version } from "./RuleFile.js"
import { RulesError, textOf } from "./RulesError.js"

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
  /** The tree's catalogue with each offering's limits and transition taken from the parameters. */
  readonly catalogue: Catalogue.Catalogue
  readonly offerings: ReadonlyMap<string, Offering.Offering>
}

/**
 * The input of the compiled and engine paths: each rule's conditions and the
 * parameter values they read, with no dates left to resolve.
 * @category models
 */
export interface RuleSet {
  readonly rules: ReadonlyArray<{ readonly id: string; readonly appliesWhen?: TopCondition; readonly conditions: TopCondition }>
  readonly parameters: ReadonlyMap<string, ParameterValue>
}

/**
 * Thrown when a parameter the caller needs has no value on the date.
 * @example
 * try { InForce.policyOn(tree, "2020-01-01") } catch (e) { if (e instanceof MissingParameterError) console.error(e.text.nb) }
 * @category models
 */
export class MissingParameterError extends RulesError {
  override readonly name: string = "MissingParameterError"
  readonly parameter: string
  readonly date: string
  constructor(parameter: string, date: string, text?: Bilingual) {
    super(text ?? { en: `The parameter ${textOf(parameter)} has no value on ${textOf(date)}`, nb: `Parameteren ${textOf(parameter)} har ingen verdi ${textOf(date)}` })
    this.parameter = typeof parameter === "string" ? parameter : ""
    this.date = typeof date === "string" ? date : ""
  }
}

/**
 * The dates on which something changes: each version's start and the day
 * after its end, and each parameter entry's date, sorted.
 * @example
 * InForce.changes(tree)[0] // "2023-03-09"
 * @category constructors
 */
export const changes = guard("InForce.changes", { en: "(tree: Tree)", nb: "(tree: Tree)" }, (tree: Tree): ReadonlyArray<string> => {
  requireTree("InForce.changes", tree)
  const dates = new Set<string>()
  for (const r of tree.rules) {
    for (const v of r.versions) {
      dates.add(v.effective.from)
      if (v.effective.to !== undefined) dates.add(IsoDate.addDays(v.effective.to, 1))
    }
  }
  for (const p of tree.parameters.values()) for (const e of p.values) dates.add(e.from)
  return [...dates].sort()
})

const cache = new WeakMap<Tree, { readonly changes: ReadonlyArray<string>; readonly byStart: Map<string, InForce> }>()

const epochStart = (dates: ReadonlyArray<string>, date: string): string => {
  let lo = 0
  let hi = dates.length - 1
  let found = ""
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (dates[mid]! <= date) {
      found = dates[mid]!
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

const valueIn = (params: ReadonlyMap<string, ParameterInForce>, name: string): ParameterValue | undefined => params.get(name)?.entry.value

const limitParameters = [
  ["sessions", "sessions"],
  ["weeks", "weeks"],
  ["sessionsPerWeek", "sessions-per-week"]
] as const

/**
 * The parameter names that carry an offering's limits, by limit.
 * @example
 * InForce.limitParameter("mindfull-restorative-yoga", "sessions") // "offerings.mindfull-restorative-yoga.sessions"
 * @category constructors
 */
export const limitParameter = guard(
  "InForce.limitParameter",
  { en: '(offering: string, limit: "sessions" | "weeks" | "sessionsPerWeek" | "cohortLength")', nb: '(offering: string, limit: "sessions" | "weeks" | "sessionsPerWeek" | "cohortLength")' },
  (offering: string, limit: "sessions" | "weeks" | "sessionsPerWeek" | "cohortLength"): string => {
    requireString("InForce.limitParameter", "offering", offering)
    requireString("InForce.limitParameter", "limit", limit)
    return `offerings.${offering}.${limit === "sessionsPerWeek" ? "sessions-per-week" : limit === "cohortLength" ? "cohort-length" : limit}`
  }
)

const withLimits = (o: Offering.Offering, params: ReadonlyMap<string, ParameterInForce>): Offering.Offering => {
  const { sessions: _s, weeks: _w, sessionsPerWeek: _p, extensions: _x, ...rest } = o.limits
  const limits: Record<string, unknown> = { ...rest }
  for (const [key, suffix] of limitParameters) {
    const v = valueIn(params, `offerings.${o.id}.${suffix}`)
    if (typeof v === "number") limits[key] = v
  }
  const extensions = valueIn(params, "treatment.max-extensions")
  if (o.category === "treatment" && typeof extensions === "number") limits["extensions"] = extensions
  else if (o.category !== "treatment" && o.limits.extensions !== undefined) limits["extensions"] = o.limits.extensions
  let status = o.status
  if (status.kind === "discontinued") {
    const start = valueIn(params, "model.start")
    const duration = valueIn(params, "transition.duration")
    const months = typeof duration === "string" ? wholeMonths(duration) : undefined
    status = {
      ...status,
      ...(typeof start === "string" && IsoDate.isIsoDate(start) ? { transitionStart: start } : {}),
      ...(months === undefined ? {} : { transitionMonths: months })
    }
  }
  return { ...o, limits: limits as Offering.Limits, status }
}

const fromParameter = <A extends { readonly value: unknown }>(params: ReadonlyMap<string, ParameterInForce>, name: string, fallback: A, fits: (v: ParameterValue) => v is A["value"] & ParameterValue): A => {
  const v = valueIn(params, name)
  return v !== undefined && fits(v) ? { ...fallback, value: v } : fallback
}
const isNumber = (v: ParameterValue): v is number => typeof v === "number"

const build = (tree: Tree, date: string, from: string): InForce => {
  const rules: Array<RuleInForce> = []
  for (const rule of tree.rules) {
    const version = rule.versions.find((v) => v.effective.from <= date && (v.effective.to === undefined || date <= v.effective.to))
    if (version !== undefined) rules.push({ rule, version })
  }
  const parameters = new Map<string, ParameterInForce>()
  for (const parameter of tree.parameters.values()) {
    const entry = entryOn(parameter, date)
    if (entry !== undefined) parameters.set(parameter.name, { parameter, entry })
  }
  const base = tree.catalogue
  const offerings = base.offerings.map((o) => withLimits(o, parameters))
  const catalogue: Catalogue.Catalogue = {
    ...base,
    parameters: {
      ...base.parameters,
      modelStart: fromParameter(parameters, "model.start", base.parameters.modelStart, IsoDate.isIsoDate),
      minimumAge: fromParameter(parameters, "citizen.minimum-age", base.parameters.minimumAge, isNumber),
      departmentContributionPercent: fromParameter(parameters, "departments.contribution-percent", base.parameters.departmentContributionPercent, isNumber),
      priceNok: fromParameter(parameters, "offerings.price-nok", base.parameters.priceNok, isNumber)
    },
    offerings
  }
  return { from, rules, parameters, catalogue, offerings: new Map(offerings.map((o) => [o.id, o])) }
}

/**
 * What is in force on `date`.
 * @example
 * const now = InForce.on(tree, "2024-06-01")
 * now.rules.map((r) => r.rule.id)
 * @category constructors
 */
export const on = guard("InForce.on", { en: "(tree: Tree, date: YYYY-MM-DD)", nb: "(tree: Tree, date: ÅÅÅÅ-MM-DD)" }, (tree: Tree, date: string): InForce => {
  requireTree("InForce.on", tree)
  requireDate("InForce.on", "date", date)
  let entry = cache.get(tree)
  if (entry === undefined) {
    entry = { changes: changes(tree), byStart: new Map() }
    cache.set(tree, entry)
  }
  const from = epochStart(entry.changes, date)
  let found = entry.byStart.get(from)
  if (found === undefined) {
    found = build(tree, date, from)
    entry.byStart.set(from, found)
  }
  return found
})

/**
 * The compiled path's input for `date`: rule conditions and parameter values.
 * @example
 * const program = Compile.compile(InForce.ruleSetOn(tree, "2024-06-01"))
 * @category constructors
 */
export const ruleSetOn = guard("InForce.ruleSetOn", { en: "(tree: Tree, date: YYYY-MM-DD)", nb: "(tree: Tree, date: ÅÅÅÅ-MM-DD)" }, (tree: Tree, date: string): RuleSet => {
  const now = on(tree, date)
  return {
    rules: now.rules.map(({ rule, version }) => ({
      id: rule.id,
      ...(version.appliesWhen === undefined ? {} : { appliesWhen: version.appliesWhen }),
      conditions: version.conditions
    })),
    parameters: new Map([...now.parameters].map(([name, p]) => [name, p.entry.value]))
  }
})

const requireNumber = (now: InForce, name: string, date: string): number => {
  const v = now.parameters.get(name)?.entry.value
  if (typeof v !== "number") throw new MissingParameterError(name, date)
  return v
}

/**
 * Core's invariant policy (model start, minimum age, department contribution, price) from
 * the parameters in force on `date`, for `Invariants.check(data, { policy })`.
 * Its `limitsOn` gives each offering's limits in force on any other date, so
 * an enrollment is held to the limits of its own first day even when a
 * limit changed during the year. Throws {@link MissingParameterError} when
 * one of the values has none that day.
 * @example
 * Invariants.check(year, { policy: InForce.policyOn(tree, "2024-06-01") })
 * @category constructors
 */
export const policyOn = guard("InForce.policyOn", { en: "(tree: Tree, date: YYYY-MM-DD)", nb: "(tree: Tree, date: ÅÅÅÅ-MM-DD)" }, (tree: Tree, date: string): Invariants.Policy => {
  const now = on(tree, date)
  const modelStart = now.parameters.get("model.start")?.entry.value
  if (typeof modelStart !== "string") throw new MissingParameterError("model.start", date)
  return {
    modelStart,
    minimumAge: requireNumber(now, "citizen.minimum-age", date),
    departmentContributionPercent: requireNumber(now, "departments.contribution-percent", date),
    priceNok: requireNumber(now, "offerings.price-nok", date),
    limitsOn: (offeringId, day) => on(tree, day).offerings.get(offeringId)?.limits
  }
})

/**
 * A catalogue whose offerings' limits (sessions, weeks, sessions per week,
 * extensions) and transition periods come from the parameters in force on
 * `date`. Core's invariants read limits from `dataset.offerings`, so pass
 * `{ ...year, offerings: catalogueOn(tree, date, catalogue).offerings }`.
 * @example
 * const offerings = InForce.catalogueOn(tree, "2025-06-01", Catalogue.sandnes()).offerings
 * Invariants.check({ ...year, offerings }, { policy: InForce.policyOn(tree, "2025-06-01") })
 * @category constructors
 */
export const catalogueOn = guard("InForce.catalogueOn", { en: "(tree: Tree, date: YYYY-MM-DD, catalogue?: Catalogue)", nb: "(tree: Tree, date: ÅÅÅÅ-MM-DD, catalogue?: Catalogue)" }, (tree: Tree, date: string, catalogue?: Catalogue.Catalogue): Catalogue.Catalogue => {
  const now = on(tree, date)
  if (catalogue === undefined) return now.catalogue
  if (catalogue === tree.catalogue) return now.catalogue
  return { ...catalogue, offerings: catalogue.offerings.map((o) => withLimits(o, now.parameters)) }
})
