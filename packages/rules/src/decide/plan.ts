// What is in force in a policy period, made ready to decide from quickly:
// each rule version's conditions compiled once into plain tests that give the
// explaining evaluator's results without building an explanation, and what
// each version reads. Where eval is allowed, the compiled path's generator
// also writes one program for every version's code and one function per
// version that copies the facts it reads (names checked as Compile checks
// them); the closures decide elsewhere, and for the combinations of values a
// subject leaves open. A decision's explanation is built by the explaining
// evaluator only when it is read.
import { condition, type Inputs, reads, type ValueInForce } from "../Evaluate.js"
import type { Value } from "../Facts.js"
import { type Algebra, type Condition, type FactRef, fold, isRef, type Leaf } from "../internal/condition.js"
import { build, type Checks, copiers, generate, type Run } from "../internal/generate.js"
import { isNumeric } from "../internal/numeric.js"
import { type OperatorName, all as operators } from "../Operators.js"

type Facts = { readonly [fact: string]: Value }

/** A condition's result for one set of facts. */
export type Test = (facts: Facts) => boolean

/** The conditions of a rule version, as a plan reads them. */
export interface Conditions {
  readonly appliesWhen?: Condition | undefined
  readonly conditions: Condition
}

/** One version's tests and what it reads. */
export interface Step<V extends Conditions, Q extends ValueInForce> {
  readonly version: V
  /** The facts the version reads, in first-use order. */
  readonly factNames: ReadonlyArray<string>
  /** The parameters it reads directly, each with its value in force. */
  readonly parameters: ReadonlyArray<Q>
  readonly applies: Test | undefined
  readonly holds: Test
  /** 0 when the version does not apply to `facts`, 1 when its conditions hold, 2 when they do not. */
  readonly code: (facts: Facts) => number
  /** The facts `appliesWhen` reads (none without one). */
  readonly appliesFacts: ReadonlySet<string>
  /** An object with the keys of `factNames`, in order, to copy and fill: a copy keeps the layout a literal would have. */
  readonly blank: { readonly [fact: string]: Value }
}

type Parameters = ReadonlyMap<string, ValueInForce>

// A side as the explaining evaluator reads it: a fact's value (null when
// absent), or a constant — the literal, or a parameter's value in force.
type Read = { readonly fact: string } | { readonly fact?: undefined; readonly value: Value }

const read = (ref: FactRef, parameters: Parameters): Read =>
  ref.fact === "parameter" && ref.params !== undefined
    ? { value: parameters.get(ref.params.name)!.entry.value }
    : { fact: ref.fact }

// A number is numeric unless NaN; anything else goes to the engine's guard.
const numericValue = (a: Value): boolean => (typeof a === "number" ? !Number.isNaN(a) : isNumeric(a))

/** A fact against a constant, with the operator's own test inlined where it is a plain comparison. */
const factAgainst = (operator: OperatorName, name: string, value: Value): Test => {
  const v = value as number
  switch (operator) {
    case "equal":
      return (facts) => (facts[name] ?? null) === value
    case "notEqual":
      return (facts) => (facts[name] ?? null) !== value
    case "lessThan":
      return (facts) => {
        const a = facts[name] ?? null
        return numericValue(a) && (a as number) < v
      }
    case "lessThanInclusive":
      return (facts) => {
        const a = facts[name] ?? null
        return numericValue(a) && (a as number) <= v
      }
    case "greaterThan":
      return (facts) => {
        const a = facts[name] ?? null
        return numericValue(a) && (a as number) > v
      }
    case "greaterThanInclusive":
      return (facts) => {
        const a = facts[name] ?? null
        return numericValue(a) && (a as number) >= v
      }
    default: {
      const test = operators[operator].test
      return (facts) => test(facts[name] ?? null, value)
    }
  }
}

const leaf = (c: Leaf, parameters: Parameters): Test => {
  const test = operators[c.operator as OperatorName].test
  const left = read(c, parameters)
  const right: Read = isRef(c.value) ? read(c.value, parameters) : { value: c.value }
  // Most comparisons read one fact against a constant: one closure, the common operators written out.
  if (left.fact !== undefined && right.fact === undefined)
    return factAgainst(c.operator as OperatorName, left.fact, right.value)
  const value = (r: Read): ((facts: Facts) => Value) => {
    if (r.fact === undefined) {
      const v = r.value
      return () => v
    }
    const name = r.fact
    return (facts) => facts[name] ?? null
  }
  const [l, r] = [value(left), value(right)]
  return (facts) => test(l(facts), r(facts))
}

// Short-circuits where the explaining evaluator visits every condition. The
// operators are pure and throw only for a tree validation rejects (a list
// operator given no list); such a tree may then fail when an explanation is
// read rather than when deciding.
const testing: Algebra<Test, Parameters> = {
  all: (children) =>
    children.length === 1
      ? children[0]!
      : (facts) => {
          for (const child of children) if (!child(facts)) return false
          return true
        },
  any: (children) =>
    children.length === 1
      ? children[0]!
      : (facts) => {
          for (const child of children) if (child(facts)) return true
          return children.length === 0
        },
  not: (child) => (facts) => !child(facts),
  leaf,
}

const stepOf = <V extends Conditions, Q extends ValueInForce>(
  version: V,
  parameters: ReadonlyMap<string, Q>,
): Step<V, Q> => {
  const used = [version.appliesWhen, version.conditions].flatMap((c) => (c === undefined ? [] : [reads(c)]))
  const factNames = [...new Set(used.flatMap((x) => x.facts))]
  const applies = version.appliesWhen === undefined ? undefined : fold(version.appliesWhen, testing, parameters)
  const holds = fold(version.conditions, testing, parameters)
  // Fact names come from a checked rule file and are defined as own data properties, so none reaches a prototype.
  const blank: { [fact: string]: Value } = {}
  for (const name of factNames)
    Object.defineProperty(blank, name, { value: null, writable: true, enumerable: true, configurable: true })
  return {
    version,
    factNames,
    parameters: [...new Set(used.flatMap((x) => x.parameters))].flatMap((name) => {
      const p = parameters.get(name)
      return p === undefined ? [] : [p]
    }),
    applies,
    holds,
    appliesFacts: new Set(version.appliesWhen === undefined ? [] : reads(version.appliesWhen).facts),
    code:
      applies === undefined
        ? (facts) => (holds(facts) ? 1 : 2)
        : (facts) => (applies(facts) ? (holds(facts) ? 1 : 2) : 0),
    blank,
  }
}

/** A period's steps, one per rule in order, and which steps read each fact. */
export interface Plan<V extends Conditions, Q extends ValueInForce> {
  readonly steps: ReadonlyArray<Step<V, Q>>
  readonly readers: ReadonlyMap<string, ReadonlyArray<number>>
  /** Every step's code at once, as the compiled path generates it; undefined where eval is forbidden. */
  readonly run: Run | undefined
  /** For each step, a function that copies the facts it reads into a new object; undefined where eval is forbidden. */
  readonly copiers: ReadonlyArray<(facts: Facts) => { [fact: string]: Value }> | undefined
  /** A buffer for `run`'s codes, one per step: a caller fills it and reads it before anything else can. */
  readonly codes: Uint8Array
}

// Whether this page or process may build functions from source, found out
// once: under a Content-Security-Policy each refused attempt is reported.
let generating: boolean | undefined

/** Lets a test take the closures' path, as a page that forbids eval does. */
export const allowGenerating = (allowed: boolean): void => {
  generating = allowed
}

/**
 * The generated program of a period's versions, or undefined. Names have
 * been checked by the explaining evaluator, and the generator checks them
 * again (a known fact and a plain identifier); a name it still refuses
 * leaves the closures to decide.
 */
const programOf = (
  rules: ReadonlyArray<{ readonly version: Conditions }>,
  steps: ReadonlyArray<{ readonly factNames: ReadonlyArray<string> }>,
  inputs: Inputs & { readonly parameters: ReadonlyMap<string, ValueInForce> },
): Pick<Plan<Conditions, ValueInForce>, "run" | "copiers"> => {
  const none = { run: undefined, copiers: undefined }
  if (generating === false) return none
  const facts = inputs.facts
  const checks: Checks = { isFact: (name) => Object.hasOwn(facts, name), error: (text) => new Error(text.en) }
  let generated: ReturnType<typeof generate>
  try {
    generated = generate(
      {
        rules: rules.map(({ version }) => version),
        parameters: new Map([...inputs.parameters].map(([name, p]) => [name, p.entry.value])),
      },
      checks,
    )
  } catch {
    return none
  }
  try {
    const run = build(generated)
    generating = true
    const copy = copiers(
      steps.map((s) => s.factNames),
      checks,
    )
    return { run, copiers: copy as Plan<Conditions, ValueInForce>["copiers"] }
  } catch {
    generating = false
    return none
  }
}

const plans = new WeakMap<object, Plan<Conditions, ValueInForce>>()

const readersOf = (steps: ReadonlyArray<Step<Conditions, ValueInForce>>): Map<string, Array<number>> => {
  const readers = new Map<string, Array<number>>()
  steps.forEach((step, i) => {
    for (const f of step.factNames) readers.set(f, [...(readers.get(f) ?? []), i])
  })
  return readers
}

/**
 * The plan for the versions of `rules`, made once per `epoch` (what is in
 * force in one policy period, with `parameters`). The first time, every
 * version is run through the explaining evaluator with `facts`, so a
 * tree that names an unknown fact, parameter or operator fails as it always
 * has; the tests may then rely on every name being known.
 */
export const planOf = <V extends Conditions, Q extends ValueInForce>(
  epoch: object,
  rules: ReadonlyArray<{ readonly version: V }>,
  facts: Inputs["facts"],
  parameters: ReadonlyMap<string, Q>,
  derivedFrom: ReadonlyMap<string, ReadonlyArray<ValueInForce>>,
): Plan<V, Q> => {
  let plan = plans.get(epoch) as Plan<V, Q> | undefined
  if (plan === undefined) {
    // The inputs are gathered only here: once a period's plan is made, a call needs none of them.
    const inputs = { facts, parameters, derivedFrom }
    for (const { version } of rules) {
      if (version.appliesWhen !== undefined) condition(version.appliesWhen, inputs)
      condition(version.conditions, inputs)
    }
    const steps = rules.map(({ version }) => stepOf(version, inputs.parameters))
    plan = { steps, readers: readersOf(steps), ...programOf(rules, steps, inputs), codes: new Uint8Array(steps.length) }
    plans.set(epoch, plan)
  }
  return plan
}
