// What is in force in a policy period, made ready to decide from quickly:
// each rule version's conditions compiled once into plain tests that give the
// explaining evaluator's results without building an explanation, and what
// each version reads. A decision's explanation is built by the explaining
// evaluator only when it is read; the tests here decide the outcome.
import { condition, type Inputs, reads, type ValueInForce } from "../Evaluate.js"
import type { Value } from "../Facts.js"
import { type Algebra, type Condition, type FactRef, fold, isRef, type Leaf } from "../internal/condition.js"
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
}

type Parameters = ReadonlyMap<string, ValueInForce>

// A side as the explaining evaluator reads it: a fact's value (null when
// absent), or a constant — the literal, or a parameter's value in force.
type Read = { readonly fact: string } | { readonly fact?: undefined; readonly value: Value }

const read = (ref: FactRef, parameters: Parameters): Read =>
  ref.fact === "parameter" && ref.params !== undefined
    ? { value: parameters.get(ref.params.name)!.entry.value }
    : { fact: ref.fact }

const leaf = (c: Leaf, parameters: Parameters): Test => {
  const test = operators[c.operator as OperatorName].test
  const left = read(c, parameters)
  const right: Read = isRef(c.value) ? read(c.value, parameters) : { value: c.value }
  // Most comparisons read one fact against a constant: one closure, no calls but the operator's.
  if (left.fact !== undefined && right.fact === undefined) {
    const [name, value] = [left.fact, right.value]
    return (facts) => test(facts[name] ?? null, value)
  }
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
  return {
    version,
    factNames: [...new Set(used.flatMap((x) => x.facts))],
    parameters: [...new Set(used.flatMap((x) => x.parameters))].flatMap((name) => {
      const p = parameters.get(name)
      return p === undefined ? [] : [p]
    }),
    applies: version.appliesWhen === undefined ? undefined : fold(version.appliesWhen, testing, parameters),
    holds: fold(version.conditions, testing, parameters),
  }
}

/** A period's steps, one per rule in order, and which steps read each fact. */
export interface Plan<V extends Conditions, Q extends ValueInForce> {
  readonly steps: ReadonlyArray<Step<V, Q>>
  readonly readers: ReadonlyMap<string, ReadonlyArray<number>>
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
 * force in one policy period, with `inputs.parameters`). The first time,
 * every version is run through the explaining evaluator with `inputs`, so a
 * tree that names an unknown fact, parameter or operator fails as it always
 * has; the tests may then rely on every name being known.
 */
export const planOf = <V extends Conditions, Q extends ValueInForce>(
  epoch: object,
  rules: ReadonlyArray<{ readonly version: V }>,
  inputs: Inputs & { readonly parameters: ReadonlyMap<string, Q> },
): Plan<V, Q> => {
  let plan = plans.get(epoch) as Plan<V, Q> | undefined
  if (plan === undefined) {
    for (const { version } of rules) {
      if (version.appliesWhen !== undefined) condition(version.appliesWhen, inputs)
      condition(version.conditions, inputs)
    }
    const steps = rules.map(({ version }) => stepOf(version, inputs.parameters))
    plan = { steps, readers: readersOf(steps) }
    plans.set(epoch, plan)
  }
  return plan
}
